import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../domain/buildIndex';
import type { CsvMapping } from '../../../domain/csvMapping';
import { exportCsv, exportJson } from '../../../domain/exportView';
import { guessMapping } from '../../../domain/guessMapping';
import { normaliseDocument } from '../../../domain/normalise';
import type { Dataset } from '../../../domain/types';
import { loadDataset } from '../loadDataset';
import { previewCsv } from './genericCsv';

/** Small files in the shapes real exports take (fixtures/files), each with the events it must become. */
const file = (name: string) => new Uint8Array(readFileSync(`fixtures/files/${name}`));

/** What an analyst gets by pressing Import in the mapping dialog without changing its first guess. */
function guessed(name: string): CsvMapping {
  const p = previewCsv(new TextDecoder().decode(file(name)));
  return guessMapping(p.headers, p.rows);
}

function load(name: string, mapping?: CsvMapping): Dataset {
  const o = loadDataset(file(name), name, mapping ? { format: 'csv', mapping } : {});
  if (!o.ok) throw new Error(o.error.message);
  return o.dataset;
}

const dates = (d: Dataset) =>
  d.events.map((e) => [e.id, e.startText, e.endText ?? null, e.precision] as const);
const entityType = (d: Dataset, name: string) => d.entities.find((e) => e.name === name)?.type;
const errorRows = (d: Dataset) =>
  d.issues.filter((i) => i.severity === 'error').map((i) => i.position);

describe('ACLED export with day-first dates and a midnight placeholder (14/08/2020 00:00:00)', () => {
  const expected = [
    ['XYZ2001', '2020-08-14', null, 'day'],
    ['XYZ2002', '2023-10-07', null, 'day'],
    // time_precision 2: the week around the written day.
    ['XYZ2003', '2023-10-18', '2023-10-24', 'day'],
    // time_precision 3: the month.
    ['XYZ2004', '2023-11-15', null, 'month'],
  ];

  it('is detected as ACLED and loads every dated row as a day, week or month', () => {
    const o = loadDataset(file('acled-dayfirst-midnight.csv'), 'acled-dayfirst-midnight.csv');
    if (!o.ok) throw new Error(o.error.message);
    expect(o.format).toBe('acled');
    expect(dates(o.dataset)).toEqual(expected);
    expect(o.dataset.recordCount).toBe(5);
    expect(errorRows(o.dataset)).toEqual([6]);
    expect(entityType(o.dataset, 'Military Forces of Xland (2010-)')).toBe('organization');
    expect(entityType(o.dataset, 'Rebels of the North')).toBe('group');
  });

  it('reads the same through the column mapping: days, the precision codes, actor types', () => {
    const m = guessed('acled-dayfirst-midnight.csv');
    expect(m).toMatchObject({
      date: 'event_date',
      order: 'dmy',
      precision: 'time_precision',
      id: 'event_id_cnty',
      lat: 'latitude',
      lon: 'longitude',
      actorTypes: { actor1: { column: 'inter1' }, actor2: { column: 'inter2' } },
    });
    const d = load('acled-dayfirst-midnight.csv', m);
    expect(dates(d)).toEqual(expected);
    expect(d.recordCount).toBe(5);
    expect(errorRows(d)).toEqual([6]);
    expect(entityType(d, 'Government of Xland (2010-)')).toBe('organization');
    expect(entityType(d, 'Civilians (Xland)')).toBe('group');
    expect(d.events[0]!.location).toEqual({ name: 'Northdale', lat: 51.5, lon: 10.25 });
  });

  it('keeps the midnight as a time when the analyst says it is one', () => {
    const d = load('acled-dayfirst-midnight.csv', {
      ...guessed('acled-dayfirst-midnight.csv'),
      precision: undefined,
      midnight: 'time',
    } as CsvMapping);
    expect(d.events[0]).toMatchObject({ startText: '2020-08-14T00:00:00', precision: 'second' });
  });
});

describe('compact ISO dates (20220224)', () => {
  it('read as days, and a compact date-time to the second', () => {
    const d = load('compact-iso.csv', guessed('compact-iso.csv'));
    expect(d.events.map((e) => [e.startText, e.precision])).toEqual([
      ['2022-02-24', 'day'],
      ['2022-02-25', 'day'],
      ['2022-03-01T14:05:09', 'second'],
      ['2022-03-10', 'day'],
    ]);
    expect(d.recordCount).toBe(5);
    expect(d.issues.find((i) => i.severity === 'error')?.message).toMatch(/20220231/);
  });
});

describe('an id column of integers before the date column', () => {
  it('takes the column named date, never the integers as years', () => {
    const m = guessed('id-before-date.csv');
    expect(m).toMatchObject({ date: 'date', id: 'event_id_1pd' });
    const d = load('id-before-date.csv', m);
    expect(d.events.map((e) => e.startText)).toEqual([
      '2021-03-04',
      '2021-03-05',
      '2021-03-09',
      '2021-03-12',
      '2021-03-15',
    ]);
  });
});

describe('rows that share an id', () => {
  const m = guessed('duplicate-ids.csv');
  it('by default keeps rows that differ (ids made unique) and drops exact copies', () => {
    expect(m.id).toBe('ref');
    const d = load('duplicate-ids.csv', m);
    expect(d.events.map((e) => e.id)).toEqual(['A-1', 'A-1 (2)', 'A-2', 'A-3']);
    expect(d.recordCount).toBe(5);
    expect(d.issues.filter((i) => i.severity === 'error').map((i) => [i.position, i.id])).toEqual([
      [5, 'A-2'],
    ]);
  });
  it('keeps every row, or the first of each id, when asked', () => {
    expect(load('duplicate-ids.csv', { ...m, duplicates: 'keep' }).events).toHaveLength(5);
    expect(
      load('duplicate-ids.csv', { ...m, duplicates: 'first' }).events.map((e) => e.id),
    ).toEqual(['A-1', 'A-2', 'A-3']);
  });
});

describe('many values in one cell (url1|url2, tag;tag)', () => {
  it('become several sources, tags and actors', () => {
    const m = guessed('multi-values.csv');
    expect(m).toMatchObject({
      url: 'sources',
      urlSeparator: '|',
      tags: 'tags',
      tagSeparator: ';',
      actors: ['actors'],
      separator: '|',
    });
    const d = load('multi-values.csv', m);
    const mv1 = d.events[0]!;
    expect(mv1.sources.map((s) => s.url)).toEqual([
      'https://example.org/a',
      'https://example.org/b',
    ]);
    expect(mv1.tags).toEqual(['aid', 'logistics']);
    expect(mv1.actors).toHaveLength(2);
    expect(d.events[2]!.sources).toHaveLength(3);
  });
});

describe('lat/lon columns', () => {
  const d = load('coordinates.csv', guessed('coordinates.csv'));
  it('become the place coordinates', () => {
    expect(d.events[0]!.location).toEqual({ name: 'Riverside', lat: 50.1, lon: 11 });
    expect(d.events[3]!.location).toEqual({ name: 'Capital City' });
    expect(d.events[0]!.other).toEqual({});
  });
  it('reach the CSV and JSON exports', () => {
    const index = buildIndex(d);
    const csv = Papa.parse<Record<string, string>>(exportCsv(index, index.all), { header: true });
    expect(csv.data.map((r) => [r.id, r.lat, r.lon])).toEqual([
      ['C-1', '50.1', '11'],
      ['C-2', '49.95', '10.85'],
      ['C-3', '50.1', '11'],
      ['C-4', '', ''],
    ]);
    const again = normaliseDocument(
      JSON.parse(exportJson(index, index.all, { viewUrl: '', source: '', exportedAt: '' })),
    );
    expect(again.events.map((e) => e.location)).toEqual(d.events.map((e) => e.location));
  });
  it('also from one "lat, lon" column', () => {
    const text = 'when,what,coords\n2023-06-01,Flood,"50.1, 11.0"\n2023-06-02,Bad,"north"\n';
    const p = previewCsv(text);
    const m = guessMapping(p.headers, p.rows);
    expect(m.latlon).toBe('coords');
    const o = loadDataset(new TextEncoder().encode(text), 'x.csv', { mapping: m });
    if (!o.ok) throw new Error(o.error.message);
    expect(o.dataset.events.map((e) => e.location)).toEqual([{ lat: 50.1, lon: 11 }, undefined]);
    expect(o.dataset.issues.map((i) => [i.position, i.severity])).toEqual([[3, 'warning']]);
  });
});

describe('a .tab file', () => {
  it('reads as tab-separated, day-first with dots, and its title drops the extension', () => {
    const d = load('council-minutes.tab', guessed('council-minutes.tab'));
    expect(d.title).toBe('council-minutes');
    expect(d.events.map((e) => [e.startText, e.precision])).toEqual([
      ['2024-02-03T09:30', 'minute'],
      ['2024-02-04', 'day'],
      ['2024-02-17T18:00', 'minute'],
    ]);
    expect(d.events[2]!.actors).toHaveLength(2);
  });
});

describe('Excel serial day numbers', () => {
  it('are offered for a date column of serial-range numbers and read as days (a fraction is a time)', () => {
    const m = guessed('excel-serials.csv');
    expect(m).toMatchObject({ date: 'Event Date', kind: 'excel', title: 'Event', actors: ['Who'] });
    expect(load('excel-serials.csv', m).events.map((e) => e.startText)).toEqual([
      '2023-03-15',
      '2023-04-15',
      '2023-05-15T12:00:00Z',
    ]);
  });
});

describe('an ACLED export whose dates a spreadsheet rewrote month first (08/14/2020 00:00:00)', () => {
  it('is rejected row by row as ACLED, and reads whole through the mapping the app then offers', () => {
    const acled = loadDataset(file('acled-monthfirst.csv'), 'acled-monthfirst.csv');
    if (!acled.ok) throw new Error(acled.error.message);
    expect(acled.format).toBe('acled');
    expect(acled.dataset.events).toHaveLength(0);
    expect(acled.dataset.recordCount).toBe(4);
    const m = guessed('acled-monthfirst.csv');
    expect(m.order).toBe('mdy');
    expect(dates(load('acled-monthfirst.csv', m))).toEqual([
      ['XYZ3001', '2020-08-14', null, 'day'],
      ['XYZ3002', '2020-09-21', null, 'day'],
      ['XYZ3003', '2020-10-27', '2020-11-02', 'day'],
      ['XYZ3004', '2020-11-25', null, 'month'],
    ]);
  });
});
