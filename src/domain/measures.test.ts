import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { sortedByMeasure } from './eventOrder';
import { EMPTY_FILTERS } from './filters';
import { histogram } from './histogram';
import { planItems, type BucketItem } from './levelOfDetail';
import {
  detectMeasures,
  formatMeasureRange,
  measureByName,
  parseMeasureRange,
  prefixSums,
} from './measures';
import { normaliseDocument } from './normalise';
import { runQuery } from './query';

const doc = (events: Record<string, unknown>[]) =>
  normaliseDocument({
    events: events.map((e, i) => ({ id: `e${i}`, title: 't', start: '2020-01-01', ...e })),
  });

describe('detectMeasures', () => {
  it('takes a field of almost only numbers and refuses one with text among them', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      score: i === 0 ? 'unknown' : i,
      label: i % 2 === 0 ? 'x' : i,
      amount: i,
    }));
    const ms = detectMeasures(doc(rows).events);
    expect(ms.map((m) => m.name)).toEqual(['score', 'amount']);
    expect(Number.isNaN(ms[0]!.values[0]!)).toBe(true);
  });

  it('never takes booleans, objects, infinities or hex as numbers', () => {
    const ms = detectMeasures(
      doc([
        { a: true, b: { n: 1 }, c: '0x1F', d: 'Infinity' },
        { a: false, b: { n: 2 }, c: '0x20', d: '1e400' },
      ]).events,
    );
    expect(ms).toEqual([]);
  });
});

describe('measure ranges as links write them', () => {
  it('round-trips any range', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''),
        fc.option(fc.integer()),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0)),
        (name, a, b) => {
          if (a === null && b === null) return;
          const min = a ?? undefined;
          const max = b === null ? undefined : min === undefined ? b : Math.max(min, b);
          const r = {
            name,
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
          };
          expect(parseMeasureRange(formatMeasureRange(r))).toEqual({ ok: true, value: r });
        },
      ),
    );
  });
});

/** A dataset of day events with a `deaths` value each (null: none), as the property tests generate them. */
function deathsIndex(rows: readonly (readonly [number, number | null])[]) {
  const DAY = 86_400_000;
  return buildIndex(
    doc(
      rows.map(([d, v]) => ({
        start: new Date(Date.UTC(2020, 0, 1) + d * DAY).toISOString().slice(0, 10),
        ...(v !== null ? { deaths: v } : {}),
      })),
    ),
  );
}

const arbRows = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 800 }), fc.option(fc.integer({ min: -5, max: 1000 }))),
  { minLength: 1, maxLength: 150 },
);

describe('sums agree with adding event by event', () => {
  it('in the histogram, with and without a filter', () => {
    fc.assert(
      fc.property(
        arbRows,
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.integer(),
        (rows, bins, all, seed) => {
          const index = deathsIndex(rows);
          const m = measureByName(index.measures, 'deaths');
          if (!m) return; // no event had a value
          const matches = all
            ? index.all
            : Bitset.of(
                index.size,
                Array.from({ length: index.size }, (_, p) => p).filter(
                  (p) => ((p * 7919) ^ seed) % 3 !== 0,
                ),
              );
          const range = { start: index.starts[0]!, end: index.ends[index.size - 1]! };
          const h = histogram(index, matches, range, bins, m.values);
          const naive = new Array<number>(h.counts.length).fill(0);
          matches.forEach((i) => {
            const v = m.values[i]!;
            if (Number.isNaN(v)) return;
            const k = h.bounds.findIndex(
              (b, j) => b <= index.starts[i]! && index.starts[i]! < h.bounds[j + 1]!,
            );
            if (k >= 0) naive[k]! += v;
          });
          expect(Array.from(h.counts)).toEqual(naive);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("in the timeline's buckets: each bucket sums the events overlapping it", () => {
    fc.assert(
      fc.property(arbRows, fc.boolean(), (rows, all) => {
        const index = deathsIndex(rows);
        const m = measureByName(index.measures, 'deaths');
        if (!m) return;
        const matches = all
          ? index.all
          : Bitset.of(
              index.size,
              Array.from({ length: index.size }, (_, p) => p).filter((p) => p % 2 === 0),
            );
        const window = { start: index.starts[0]!, end: index.ends[index.size - 1]! };
        const plan = planItems(index, matches, null, window, {
          maxVisibleItems: 0,
          widthPx: 1000,
          minBucketPx: 40,
          weights: m.values,
        });
        if (plan.mode !== 'buckets') return;
        for (const b of plan.items as BucketItem[]) {
          let sum = 0;
          let count = 0;
          matches.forEach((i) => {
            if (index.starts[i]! < b.end && index.ends[i]! > b.start) {
              count++;
              if (!Number.isNaN(m.values[i]!)) sum += m.values[i]!;
            }
          });
          expect([b.count, b.sum]).toEqual([count, sum]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('over running sums: any slice is a difference of two', () => {
    const v = new Float64Array([1, Number.NaN, 2, 3]);
    const p = prefixSums(v);
    expect(Array.from(p)).toEqual([0, 1, 1, 3, 6]);
    expect(prefixSums(v)).toBe(p);
  });
});

describe('the measure range filter', () => {
  const index = buildIndex(
    doc([
      { type: 'strike', deaths: 0 },
      { type: 'strike', deaths: 10 },
      { type: 'strike', deaths: 25 },
      { type: 'strike' },
      { type: 'protest', deaths: 12 },
      { type: 'protest' },
      { type: 'protest', deaths: 3 },
    ]),
  );
  const q = (f: Partial<typeof EMPTY_FILTERS>) =>
    runQuery(index, undefined, { ...EMPTY_FILTERS, ...f });
  const types = (r: ReturnType<typeof q>) =>
    Object.fromEntries(index.types.values.map((t, k) => [t, r.facets.types[k]]));

  it('keeps the events in range, either bound open, bounds included', () => {
    expect(q({ measures: [{ name: 'deaths', min: 10 }] }).count).toBe(3);
    expect(q({ measures: [{ name: 'deaths', max: 10 }] }).count).toBe(3);
    expect(q({ measures: [{ name: 'deaths', min: 3, max: 12 }] }).count).toBe(3);
  });

  it('counts apart the events it leaves out for having no value, among those every other filter keeps', () => {
    expect(q({ measures: [{ name: 'deaths', min: 10 }] }).measureMissing).toEqual([
      { name: 'deaths', count: 2 },
    ]);
    expect(
      q({ measures: [{ name: 'deaths', min: 10 }], types: ['protest'] }).measureMissing,
    ).toEqual([{ name: 'deaths', count: 1 }]);
    expect(q({}).measureMissing).toEqual([]);
  });

  it('follows the facet rule: other facets count under it', () => {
    const r = q({ measures: [{ name: 'deaths', min: 10 }], types: ['strike'] });
    expect(r.count).toBe(2);
    // The type facet ignores the type filter but applies the range.
    expect(types(r)).toEqual({ strike: 2, protest: 1 });
  });

  it('ignores a measure the dataset lacks, and says which it has', () => {
    const r = q({ measures: [{ name: 'fatalities', min: 1 }] });
    expect(r.count).toBe(index.size);
    expect(r.notices.join(' ')).toMatch(/no such numeric field \(it has deaths\)/);
  });
});

describe('sorting the list by a measure', () => {
  it('orders by value, ties by time, events without a value last either way', () => {
    const values = new Float64Array([5, Number.NaN, 1, 5, Number.NaN, 9]);
    const all = Bitset.full(6);
    expect(Array.from(sortedByMeasure(all, values, false))).toEqual([2, 0, 3, 5, 1, 4]);
    expect(Array.from(sortedByMeasure(all, values, true))).toEqual([5, 0, 3, 2, 1, 4]);
  });
});
