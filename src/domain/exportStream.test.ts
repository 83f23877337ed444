import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex, entityName, type BuiltIndex } from './buildIndex';
import { ExportStream, type ExportFormat } from './exportStream';
import { exportCsv, exportJson, exportJsonl } from './exportView';
import { normaliseDocument } from './normalise';

const meta = {
  viewUrl: 'https://x/?data=server:ucdp&type=t',
  source: 'server:ucdp',
  exportedAt: '2026-12-07T12:00:00.000Z',
};

const fromJson = (path: string) =>
  buildIndex(normaliseDocument(JSON.parse(readFileSync(path, 'utf8'))), { measures: false });
const DATASETS: [string, () => BuiltIndex][] = [
  ['the sample', () => fromJson('public/data/austin-umerov.json')],
  ['hostile data', () => fromJson('e2e/fixtures/hostile.json')],
  // Real data: 3,883 UCDP events, with the unknown fields (deaths, coordinates…) that JSON restores.
  ['UCDP', () => fromJson('public/data/ucdp-ukraine.json')],
];

/** The export of the matches written in batches of the given sizes, as a server's stream delivers them. */
function streamed(index: BuiltIndex, positions: number[], cuts: number[], format: ExportFormat) {
  const out = new ExportStream(format, (id) => entityName(index, id));
  const body: string[] = [];
  let at = 0;
  for (const n of [...cuts, positions.length]) {
    const batch = positions.slice(at, at + n).map((p) => index.events[p]!);
    at += batch.length;
    body.push(out.batch(batch));
  }
  return (
    out.head({ ...index.dataset, size: index.size }, index.entities, meta) +
    body.join('') +
    out.tail()
  );
}

describe('an export written from a stream of batches', () => {
  for (const [name, load] of DATASETS)
    it(`${name}: is byte for byte the export of the same events at once, in every format`, () => {
      const index = load();
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.nat(index.size - 1), { maxLength: 60 }),
          fc.array(fc.nat(25), { maxLength: 6 }),
          (picked, cuts) => {
            const positions = picked.sort((a, b) => a - b);
            const matches = Bitset.of(index.size, positions);
            expect(streamed(index, positions, cuts, 'json')).toBe(exportJson(index, matches, meta));
            expect(streamed(index, positions, cuts, 'jsonl')).toBe(
              exportJsonl(index, matches, meta),
            );
            expect(streamed(index, positions, cuts, 'csv')).toBe(exportCsv(index, matches));
          },
        ),
        { numRuns: 40 },
      );
    });

  it('counts what it wrote and names only the entities those events name', () => {
    const index = fromJson('public/data/austin-umerov.json');
    const out = new ExportStream('jsonl', (id) => entityName(index, id));
    out.batch([index.events[0]!, index.events[1]!]);
    expect(out.size).toBe(2);
    const head = JSON.parse(out.head({ ...index.dataset, size: index.size }, index.entities, meta));
    const named = new Set([...index.events[0]!.actors, ...index.events[1]!.actors]);
    expect(head.entities.map((e: { id: string }) => e.id).sort()).toEqual([...named].sort());
    expect(head.description).toMatch(/^2 of 7 events exported from Chronoscope/);
  });
});
