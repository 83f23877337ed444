import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../domain/buildIndex';
import type { CsvMapping } from '../../../domain/csvMapping';
import { exportJson, exportJsonl } from '../../../domain/exportView';
import { guessMapping } from '../../../domain/guessMapping';
import type { Dataset, TimelineEvent } from '../../../domain/types';
import { loadAnyDataset, loadDataset, type LoadOutcome } from '../loadDataset';
import { importChronoscopeJsonl } from './chronoscopeJsonl';
import { importGdelt } from './gdelt';

/** The exchange formats of fixtures/files (Chronoscope JSON Lines, GDELT 2.0 events, Excel workbooks). */
const file = (name: string) => new Uint8Array(readFileSync(`fixtures/files/${name}`));
const text = (s: string) => new TextEncoder().encode(s);

function ok(o: LoadOutcome): Extract<LoadOutcome, { ok: true }> {
  if (!o.ok) throw new Error(o.error.message);
  return o;
}

const errorRows = (d: Dataset) =>
  d.issues.filter((i) => i.severity === 'error').map((i) => i.position);
const typeOf = (d: Dataset, name: string) => d.entities.find((e) => e.name === name)?.type;

/** What an analyst sees of an event: everything but the internal numbers. */
const seen = (d: Dataset, e: TimelineEvent) => ({
  id: e.id,
  title: e.title,
  start: e.startText,
  end: e.endText ?? null,
  precision: e.precision,
  approximate: e.approximate,
  type: e.type ?? null,
  actors: e.actors.map((a) => d.entities.find((x) => x.id === a)?.name),
  location: e.location ?? null,
  description: e.description ?? null,
  tags: e.tags,
  sources: e.sources,
  other: { ...e.other },
});
const seenAll = (d: Dataset) => d.events.map((e) => seen(d, e));
/** The same, in id order: an export writes events in time order. */
const byId = (d: Dataset) => seenAll(d).sort((a, b) => a.id.localeCompare(b.id));
const meta = {
  viewUrl: 'http://localhost/?data=x',
  source: 'x',
  exportedAt: '2024-01-01T00:00:00Z',
};

/** The dataset written by the JSON (or JSON Lines) export and read back. */
async function roundTrip(d: Dataset, as: 'json' | 'jsonl'): Promise<Dataset> {
  const index = buildIndex(d);
  const written = (as === 'json' ? exportJson : exportJsonl)(index, index.all, meta);
  const again = ok(await loadAnyDataset(text(written), `export.${as}`));
  expect(again.format).toBe(as === 'json' ? 'chronoscope' : 'chronoscope-jsonl');
  return again.dataset;
}

describe('Chronoscope JSON Lines (events.jsonl)', () => {
  const o = ok(loadDataset(file('events.jsonl'), 'events.jsonl'));

  it('is detected by content and reads its header line as the dataset', () => {
    expect(o.format).toBe('chronoscope-jsonl');
    expect(o.dataset.title).toBe('Harbour inspections, spring 2024');
    expect(typeOf(o.dataset, 'Northdale Port Authority')).toBe('organization');
  });

  it('loads every event line; each bad line is a reported row, never the whole file', () => {
    expect(o.dataset.events.map((e) => [e.id, e.startText, e.precision])).toEqual([
      ['insp-1', '2024-03-04', 'day'],
      ['insp-2', '2024-03-11T08:30Z', 'minute'],
      ['insp-5', '2024-03', 'month'],
      ['insp-7', '2024-04-02', 'day'],
    ]);
    // Line 4 is cut short, line 5 a list, line 8 an unreadable date; the blank line 6 is no record.
    expect(errorRows(o.dataset)).toEqual([4, 5, 8]);
    expect(o.dataset.recordCount).toBe(7);
    expect(o.dataset.recordUnit).toBe('row');
    expect(o.dataset.events[1]!.actors).toEqual(['port-authority', 'MV Lodestar']);
    expect(o.dataset.events[2]!.other).toEqual({ inspector: 'K. Varga' });
  });

  it('reports a 10 MB line without parsing it, and reads the lines around it', () => {
    const long = `{"id":"big","title":"x","start":"2024-01-01","description":"${'a'.repeat(10 * 2 ** 20)}"}`;
    const doc = [
      '{"id":"a","title":"A","start":"2024-01-01"}',
      long,
      '{"id":"b","title":"B","start":"2024-01-02"}',
    ];
    const d = ok(loadDataset(text(doc.join('\n')), 'big.jsonl')).dataset;
    expect(d.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(d.issues).toEqual([
      expect.objectContaining({
        position: 2,
        message: expect.stringMatching(/^Line 2: 10\.0 MB long/),
      }),
    ]);
  });

  it('a one-line JSON document and a pretty-printed one are still Chronoscope JSON', () => {
    const doc = { format: 'chronoscope/1', events: [{ id: 'a', title: 'A', start: '2024' }] };
    expect(ok(loadDataset(text(JSON.stringify(doc)), 'a.json')).format).toBe('chronoscope');
    expect(ok(loadDataset(text(JSON.stringify(doc, null, 2)), 'a.json')).format).toBe(
      'chronoscope',
    );
  });

  it('round-trips through the JSON Lines and the JSON export', async () => {
    expect(byId(await roundTrip(o.dataset, 'jsonl'))).toEqual(byId(o.dataset));
    expect(byId(await roundTrip(o.dataset, 'json'))).toEqual(byId(o.dataset));
  });
});

describe('GDELT 2.0 event export (tab-separated, no header, 61 columns)', () => {
  const o = ok(loadDataset(file('gdelt-20231221.export.CSV'), 'gdelt-20231221.export.CSV'));
  const d = o.dataset;

  it('is detected by content and reads each record as a day-precise event', () => {
    expect(o.format).toBe('gdelt');
    expect(d.events.map((e) => [e.id, e.startText, e.precision, e.type])).toEqual([
      ['1143478001', '2023-12-21', 'day', '040'],
      ['1143478002', '2023-12-21', 'day', '0311'],
      ['1143478003', '2023-12-21', 'day', '190'],
      ['1143478004', '2023-12-20', 'day', '070'],
      ['1143478005', '2023-12-21', 'day', '141'],
      ['1143478006', '2023-12-19', 'day', '010'],
      ['1143478007', '2023-12-21', 'day', '111'],
    ]);
  });

  it('reports the line with 60 columns and counts every line', () => {
    expect(d.recordCount).toBe(8);
    expect(d.issues).toEqual([
      expect.objectContaining({
        position: 5,
        message: expect.stringMatching(/60 tab-separated columns.*61/),
      }),
    ]);
  });

  it('reads actors (typed by their CAMEO codes), place, coordinates, source and the CAMEO codes', () => {
    const strike = seen(
      d,
      d.events.find((e) => e.id === '1143478003')!,
    );
    expect(strike).toMatchObject({
      title: "Fight: RUSSIAN MILITARY → UKRAINE (Odesa, Odes'ka Oblast', Ukraine)",
      actors: ['RUSSIAN MILITARY', 'UKRAINE'],
      location: { name: "Odesa, Odes'ka Oblast', Ukraine", lat: 46.4775, lon: 30.7326 },
      sources: [{ url: 'https://example.org/news/2023/12/21/odesa-strike' }],
    });
    expect(strike.other).toMatchObject({
      Actor1Code: 'RUSMIL',
      Actor1Type1Code: 'MIL',
      Actor2Code: 'UKR',
      EventRootCode: '19',
      EventRootName: 'Fight',
      QuadClass: 4,
      QuadClassName: 'Material conflict',
      GoldsteinScale: -10,
      NumMentions: 24,
      AvgTone: -7.9123,
      ActionGeo_FeatureID: '-1049097',
      DATEADDED: '20231221151500',
    });
    expect(typeOf(d, 'RUSSIAN MILITARY')).toBe('organization');
    expect(typeOf(d, 'UKRAINE')).toBe('place');
    expect(typeOf(d, 'EUROPEAN UNION')).toBe('organization');
    expect(typeOf(d, 'PROTESTER')).toBe('group');
  });

  it('sizes each place by ActionGeo_Type: a city is exact, a country only the country', () => {
    const place = (id: string) => d.events.find((e) => e.id === id)!.location;
    // A city is exact, which is what a place without a precision already means.
    expect(place('1143478003')).toEqual({
      name: "Odesa, Odes'ka Oblast', Ukraine",
      lat: 46.4775,
      lon: 30.7326,
    });
    expect(place('1143478007')).toEqual({
      name: 'Ukraine',
      lat: 49,
      lon: 32,
      precision: 'country',
    });
  });

  it('does not read 0, 0 coordinates as a place', () => {
    const statement = d.events.find((e) => e.id === '1143478006')!;
    expect(statement.location).toBeUndefined();
    expect(statement.title).toBe('Make public statement: REFUGEES');
  });

  it('reads the same records with a header row (a BigQuery export, comma-separated)', () => {
    const bq = ok(loadDataset(file('gdelt-bigquery.csv'), 'gdelt-bigquery.csv'));
    expect(bq.format).toBe('gdelt');
    expect(bq.dataset.recordCount).toBe(3);
    const ids = bq.dataset.events.map((e) => e.id);
    expect(seenAll(bq.dataset)).toEqual(seenAll(d).filter((e) => ids.includes(e.id)));
  });

  it('round-trips through the JSON export', async () => {
    expect(byId(await roundTrip(d, 'json'))).toEqual(byId(d));
  });
});

describe('Excel workbook (aid-deliveries.xlsx, written by openpyxl)', () => {
  const bytes = file('aid-deliveries.xlsx');

  it('is detected by content and asks for the mapping, with the first rows of every sheet', async () => {
    const o = await loadAnyDataset(bytes, 'aid-deliveries.bin');
    if (o.ok) throw new Error('expected the mapping dialog');
    expect(o.error.kind).toBe('needs-mapping');
    const csv = o.error.csv!;
    expect(csv.sheets?.map((s) => s.name)).toEqual(['Deliveries', 'Meetings']);
    expect(csv.headers).toEqual(csv.sheets![0]!.headers);
    // Typed date cells read as dates, not serial numbers.
    expect(csv.rows.map((r) => r[0])).toEqual([
      '2024-01-15',
      '2024-02-03',
      '',
      '2024-02-29',
      '2024-03-10',
    ]);
  });

  it('loads the first sheet through the guessed mapping, naming the rows as Excel does', async () => {
    const o = await loadAnyDataset(bytes, 'aid-deliveries.xlsx');
    if (o.ok) throw new Error('expected the mapping dialog');
    const m = guessMapping(o.error.csv!.headers, o.error.csv!.rows);
    const d = ok(await loadAnyDataset(bytes, 'aid-deliveries.xlsx', { mapping: m })).dataset;
    expect(d.title).toBe('aid-deliveries (Deliveries)');
    expect(d.events.map((e) => [e.title, e.startText, e.precision])).toEqual([
      ['Generators delivered to the water works', '2024-01-15', 'day'],
      ['Field hospital kits', '2024-02-03', 'day'],
      ['Winter fuel convoy', '2024-02-29', 'day'],
      ['Water purification tablets', '2024-03-10', 'day'],
    ]);
    expect(errorRows(d)).toEqual([4]);
    expect(d.recordCount).toBe(5);
    expect(d.events[0]!.location).toEqual({ name: 'Northdale', lat: 51.5, lon: 10.25 });
    expect(d.events[0]!.other).toMatchObject({ Donor: 'Relief Fund North', Tons: '12.5' });
    expect(byId(await roundTrip(d, 'json'))).toEqual(byId(d));
  });

  it('reads another sheet when the mapping names it, its date-times to the minute', async () => {
    const m: CsvMapping = {
      date: 'When',
      order: 'dmy',
      title: 'What',
      actors: ['Who'],
      separator: ';',
      sheet: 'Meetings',
    };
    const d = ok(await loadAnyDataset(bytes, 'aid-deliveries.xlsx', { mapping: m })).dataset;
    expect(d.events.map((e) => [e.title, e.startText])).toEqual([
      ['Donor coordination call', '2024-01-20T14:05:00'],
      ['Site visit at the water works', '2024-02-12T09:30:00'],
    ]);
    expect(d.events[0]!.actors).toHaveLength(2);
  });

  it('asks again when the mapping names a sheet the workbook lacks', async () => {
    const m: CsvMapping = { date: 'When', order: 'dmy', actors: [], separator: '', sheet: 'Gone' };
    const o = await loadAnyDataset(bytes, 'aid-deliveries.xlsx', { mapping: m });
    expect(o.ok ? '' : o.error.kind).toBe('needs-mapping');
    expect(o.ok ? '' : o.error.message).toMatch(/no sheet named "Gone"/);
  });
});

describe('any text read as JSON Lines or GDELT', () => {
  const cells = fc.array(
    fc.oneof(fc.string(), fc.constantFrom('20231221', '12', '', '0', '{', '"')),
    {
      maxLength: 70,
    },
  );
  it('never throws: every line is an event or a reported row', () => {
    fc.assert(
      fc.property(fc.array(cells, { maxLength: 6 }), fc.boolean(), (lines, header) => {
        const gdeltText = lines.map((l) => l.join('\t')).join('\n');
        const gdelt = importGdelt(header ? `GLOBALEVENTID,SQLDATE\n${gdeltText}` : gdeltText);
        expect(
          gdelt.doc.events.length + gdelt.issues.filter((i) => i.severity === 'error').length,
        ).toBeGreaterThanOrEqual(gdelt.doc.recordCount ?? 0);
        const jsonl = importChronoscopeJsonl(lines.map((l) => l.join('')).join('\n'));
        expect(jsonl.doc.events.length + jsonl.issues.length).toBe(jsonl.doc.recordCount);
      }),
    );
  });
});
