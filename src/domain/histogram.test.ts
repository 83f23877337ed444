import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { histogram } from './histogram';
import { normaliseDocument } from './normalise';

describe('histogram', () => {
  const starts = ['2023-01-15', '2023-01-20', '2023-03-02', '2023-12-31T23:59Z'];
  const index = buildIndex(
    normaliseDocument({ events: starts.map((s, i) => ({ id: `e${i}`, title: 't', start: s })) }),
  );

  it('counts matching events by start in calendar bins', () => {
    const h = histogram(
      index,
      index.all,
      { start: Date.parse('2023-01-01T00:00:00Z'), end: Date.parse('2024-01-01T00:00:00Z') },
      12,
    );
    expect(h.unit.label).toBe('1 month');
    expect(Array.from(h.counts)).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(h.max).toBe(2);
  });

  it('counts only matches', () => {
    const h = histogram(
      index,
      Bitset.of(index.size, [0]),
      { start: Date.parse('2023-01-01T00:00:00Z'), end: Date.parse('2024-01-01T00:00:00Z') },
      12,
    );
    expect(Array.from(h.counts).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('histogram agrees with counting event by event', () => {
  const DAY = 86_400_000;
  it('on random events, filters and ranges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.boolean()), { maxLength: 120 }),
        fc.integer({ min: -50, max: 1900 }),
        fc.integer({ min: 1, max: 2500 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (rows, from, days, bins, all) => {
          const idx = buildIndex(
            normaliseDocument({
              events: rows.map(([d], i) => ({
                id: `e${i}`,
                title: 't',
                start: new Date(Date.UTC(2020, 0, 1) + d * DAY).toISOString().slice(0, 10),
              })),
            }),
          );
          // Matches by position (the index sorts events by time); every event, or those picked.
          const picked = Array.from({ length: idx.size }, (_, p) => p).filter(
            (p) => rows[Number(idx.events[p]!.id.slice(1))]![1],
          );
          const matches = all ? idx.all : Bitset.of(idx.size, picked);
          const start = Date.UTC(2020, 0, 1) + from * DAY;
          const h = histogram(idx, matches, { start, end: start + days * DAY }, bins);
          const want = new Array<number>(h.counts.length).fill(0);
          for (let p = 0; p < idx.size; p++) {
            if (!matches.has(p)) continue;
            const t = idx.starts[p]!;
            for (let k = 0; k < want.length; k++)
              if (h.bounds[k]! <= t && t < h.bounds[k + 1]!) want[k]!++;
          }
          expect(Array.from(h.counts)).toEqual(want);
        },
      ),
    );
  });
});
