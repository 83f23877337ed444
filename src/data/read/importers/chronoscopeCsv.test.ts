import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CSV_COLUMNS } from '../../../domain/csvColumns';
import { buildIndex, entityName } from '../../../domain/buildIndex';
import { exportCsv } from '../../../domain/exportView';
import { normaliseDocument } from '../../../domain/normalise';
import type { TimelineEvent } from '../../../domain/types';
import { loadDataset } from '../loadDataset';

/** What an analyst compares between an event and its round trip: everything the CSV carries. */
function visible(e: TimelineEvent, name: (id: string) => string) {
  return {
    id: e.id,
    title: e.title,
    start: e.start,
    end: e.end,
    startText: e.startText,
    endText: e.endText,
    precision: e.precision,
    approximate: e.approximate,
    type: e.type,
    actors: e.actors.map(name),
    location: e.location,
    description: e.description,
    tags: e.tags,
    sources: e.sources.map((s) => ({ url: s.url, title: s.title })),
  };
}

describe('Chronoscope CSV (the CSV export, read back)', () => {
  it.each(['public/data/austin-umerov.json', 'public/data/ucdp-ukraine.json'])(
    'is detected by its header and re-imports %s to the same events',
    (path) => {
      const index = buildIndex(normaliseDocument(JSON.parse(readFileSync(path, 'utf8'))));
      const csv = exportCsv(index, index.all);
      const o = loadDataset(new TextEncoder().encode(csv), 'export.csv');
      if (!o.ok) throw new Error(o.error.message);
      expect(o.format).toBe('chronoscope-csv');
      expect(o.dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const again = buildIndex(o.dataset);
      expect(again.size).toBe(index.size);
      for (let i = 0; i < index.size; i++)
        expect(visible(again.events[i]!, (id) => entityName(again, id))).toEqual(
          visible(index.events[i]!, (id) => entityName(index, id)),
        );
    },
  );

  it('brings back exactly values that start with a quote, and white space around list items', () => {
    const index = buildIndex(
      normaliseDocument({
        events: [
          {
            id: "'-5",
            title: "'=1+1",
            start: '2024-01-01',
            actors: ["'=1+1", '=1+1'],
            tags: ["''x", ' spaced tag '],
            sources: [
              { title: '  padded title  ', url: 'https://example.org/a' },
              { title: "'@x" },
            ],
          },
        ],
      }),
    );
    const o = loadDataset(new TextEncoder().encode(exportCsv(index, index.all)), 'x.csv');
    if (!o.ok) throw new Error(o.error.message);
    const again = buildIndex(o.dataset);
    expect(visible(again.events[0]!, (id) => entityName(again, id))).toEqual(
      visible(index.events[0]!, (id) => entityName(index, id)),
    );
    expect(again.events[0]!.actors.map((id) => entityName(again, id))).toEqual(["'=1+1", '=1+1']);
    expect(again.events[0]!.sources.map((x) => x.title)).toEqual(['  padded title  ', "'@x"]);
  });

  it('round-trips every value of arbitrary strings through the CSV export (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const event = fc.record({
      title: text,
      type: text,
      description: text,
      place: text,
      actors: fc.array(text, { maxLength: 3 }),
      tags: fc.array(text, { maxLength: 3 }),
      sources: fc.array(fc.record({ title: text, url: fc.webUrl() }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), (raw) => {
        const index = buildIndex(
          normaliseDocument({
            events: raw.map((r, i) => ({
              id: `e${i}`,
              start: `2024-01-0${i + 1}`,
              title: r.title,
              type: r.type,
              description: r.description,
              location: { name: r.place },
              actors: r.actors,
              tags: r.tags,
              sources: r.sources,
            })),
          }),
        );
        if (index.size === 0) return;
        const o = loadDataset(new TextEncoder().encode(exportCsv(index, index.all)), 'x.csv');
        if (!o.ok) throw new Error(o.error.message);
        const again = buildIndex(o.dataset);
        expect(again.size).toBe(index.size);
        for (let i = 0; i < index.size; i++)
          expect(visible(again.events[i]!, (id) => entityName(again, id))).toEqual(
            visible(index.events[i]!, (id) => entityName(index, id)),
          );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a column named __proto__ as data', () => {
    const cells = ['e1', 'Title', '2024-01-01', '', 'day', 'false'];
    const row = [
      ...cells,
      ...Array<string>(CSV_COLUMNS.length - cells.length).fill(''),
      'polluted',
    ];
    const csv = `${CSV_COLUMNS.join(',')},__proto__\n${row.join(',')}\n`;
    const o = loadDataset(new TextEncoder().encode(csv), 'x.csv');
    if (!o.ok) throw new Error(o.error.message);
    const e = o.dataset.events[0]!;
    expect(Object.getOwnPropertyDescriptor(e.other, '__proto__')?.value).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads an export written before the place_precision column, and round-trips a place’s precision', () => {
    const old = `${CSV_COLUMNS.slice(0, 15).join(',')}\ne1,Title,2024-01-01,,day,false,,,Kyiv,50.45,30.52,,,,\n`;
    const o = loadDataset(new TextEncoder().encode(old), 'old.csv');
    if (!o.ok) throw new Error(o.error.message);
    expect(o.format).toBe('chronoscope-csv');
    expect(o.dataset.events[0]!.location).toEqual({ name: 'Kyiv', lat: 50.45, lon: 30.52 });
    const index = buildIndex(
      normaliseDocument({
        events: [
          {
            id: 'r',
            title: 'Somewhere in Donetsk oblast',
            start: '2024-01-01',
            location: { name: 'Donetsk oblast', lat: 48, lon: 37.8, precision: 'region' },
          },
        ],
      }),
    );
    const back = loadDataset(new TextEncoder().encode(exportCsv(index, index.all)), 'x.csv');
    if (!back.ok) throw new Error(back.error.message);
    expect(back.dataset.events[0]!.location).toEqual({
      name: 'Donetsk oblast',
      lat: 48,
      lon: 37.8,
      precision: 'region',
    });
  });

  it('restores cells the export defused as formulas, and negative numbers untouched', () => {
    const index = buildIndex(
      normaliseDocument({
        events: [
          {
            id: '=1+1',
            title: '@SUM(A1)',
            start: '-0500',
            tags: ['-x'],
            location: { name: '+Somewhere', lat: -33.9, lon: -70.6 },
          },
        ],
      }),
    );
    const csv = exportCsv(index, index.all);
    expect(csv).toContain("'=1+1");
    expect(csv).toContain(',-0500,');
    expect(csv).toContain(',-33.9,-70.6,');
    const o = loadDataset(new TextEncoder().encode(csv), 'x.csv');
    if (!o.ok) throw new Error(o.error.message);
    const e = o.dataset.events[0]!;
    expect([e.id, e.title, e.startText, e.tags, e.location]).toEqual([
      '=1+1',
      '@SUM(A1)',
      '-0500',
      ['-x'],
      { name: '+Somewhere', lat: -33.9, lon: -70.6 },
    ]);
  });
});
