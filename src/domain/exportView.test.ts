import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import fc from 'fast-check';
import { exportCsv, exportFileName, exportJson, joinList, splitList } from './exportView';
import { normaliseDocument } from './normalise';

const sample = normaliseDocument(
  JSON.parse(readFileSync('public/data/austin-umerov.json', 'utf8')),
);
const index = buildIndex(sample);
const meta = {
  viewUrl: 'https://x/?actor=john-kirby',
  source: 'austin-umerov',
  exportedAt: '2026-11-29T12:00:00.000Z',
};

describe('exportJson', () => {
  it('round-trips: re-importing the export gives the same events', () => {
    const again = buildIndex(normaliseDocument(JSON.parse(exportJson(index, index.all, meta))));
    expect(again.size).toBe(index.size);
    for (let i = 0; i < index.size; i++) {
      const a = index.events[i]!;
      const b = again.events[i]!;
      expect(b).toEqual(a);
    }
  });

  it('with the layer: the exported events’ annotations, which were added, and the curation', () => {
    const kirby = index.actorPostings[index.entityLookup.get('john-kirby')!]!;
    const curation = { merges: { 'us-congress': 'united-states' }, edits: {} };
    const doc = JSON.parse(
      exportJson(index, Bitset.of(index.size, kirby), meta, {
        annotations: {
          'kirby-frozen-assets': { star: true, note: '<b>plain</b>' },
          'aid-debate': { star: true },
        },
        curation,
      }),
    );
    expect(doc.annotations).toEqual({
      'kirby-frozen-assets': { star: true, note: '<b>plain</b>' },
    });
    expect(doc.addedEvents).toEqual([]);
    expect(doc.curation).toEqual(curation);
    // Without it, none of these fields.
    expect(JSON.parse(exportJson(index, index.all, meta)).annotations).toBeUndefined();
  });

  it('exports only the matches, with the view and source in its metadata and the entities they name', () => {
    const kirby = index.actorPostings[index.entityLookup.get('john-kirby')!]!;
    const doc = JSON.parse(exportJson(index, Bitset.of(index.size, kirby), meta));
    expect(doc.events.map((e: { id: string }) => e.id).sort()).toEqual([
      'kirby-congress-aid',
      'kirby-frozen-assets',
    ]);
    expect(doc.exported).toMatchObject({ view: meta.viewUrl, from: 'austin-umerov' });
    expect(doc.entities.map((e: { id: string }) => e.id).sort()).toEqual([
      'biden-administration',
      'john-kirby',
      'united-states',
      'us-congress',
    ]);
  });
});

describe('exportCsv', () => {
  it('writes one row per event with lists joined, readable back by a CSV parser', () => {
    const rows = Papa.parse<Record<string, string>>(exportCsv(index, index.all), {
      header: true,
    }).data;
    expect(rows).toHaveLength(7);
    const k = rows.find((r) => r.id === 'kirby-frozen-assets')!;
    expect(k).toMatchObject({
      start: '2023-12-21',
      precision: 'day',
      actors: 'John Kirby; United States',
      type: 'statement',
    });
  });

  it('defuses spreadsheet formulas', () => {
    const idx = buildIndex(
      normaliseDocument({
        events: [{ id: 'f', title: '=HYPERLINK("http://evil")', start: '2023' }],
      }),
    );
    const rows = Papa.parse<Record<string, string>>(exportCsv(idx, idx.all), { header: true }).data;
    expect(rows[0]!.title).toBe('\'=HYPERLINK("http://evil")');
  });

  it("keeps the dataset's measures as columns, signs as signs, empty where an event has none", () => {
    const idx = buildIndex(
      normaliseDocument({
        events: [
          { id: 'a', title: 'a', start: '2023-01-01', ucdp_best: 12, tone: -3.5 },
          { id: 'b', title: 'b', start: '2023-01-02', tone: 2 },
        ],
      }),
    );
    const rows = Papa.parse<Record<string, string>>(exportCsv(idx, idx.all), { header: true }).data;
    expect(rows.map((r) => [r.id, r.ucdp_best, r.tone])).toEqual([
      ['a', '12', '-3.5'],
      ['b', '', '2'],
    ]);
  });
});

describe('joinList / splitList', () => {
  it('reads back any list of items, whatever ";" or "\\" they hold', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.string(), { minLength: 1, maxLength: 6 })
          .filter((a) => !(a.length === 1 && a[0] === '')),
        (items) => {
          expect(splitList(joinList(items))).toEqual(items);
        },
      ),
    );
    expect(joinList(['Fierce battles; OSCE team freed', 'a\\b'])).toBe(
      'Fierce battles\\; OSCE team freed; a\\\\b',
    );
  });
});

describe('exportFileName', () => {
  it.each([
    [
      'US–Ukraine defence coordination, December 2023',
      'json',
      'us-ukraine-defence-coordination-december-2023-2026-11-29.json',
    ],
    ['<script>', 'csv', 'script-2026-11-29.csv'],
    ['Київ', 'csv', 'chronoscope-2026-11-29.csv'],
  ] as const)('%s', (title, ext, name) =>
    expect(exportFileName(title, new Date('2026-11-29T12:00:00Z'), ext)).toBe(name),
  );
});
