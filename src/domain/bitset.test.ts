import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';

describe('Bitset', () => {
  it.each([0, 1, 31, 32, 33, 64, 100])('full(%i) holds exactly 0..n-1', (n) => {
    const b = Bitset.full(n);
    expect(b.count()).toBe(n);
    expect(Array.from(b.toArray())).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('agrees with a Set for and/or/andNot/next/prev (property)', () => {
    const arb = fc
      .integer({ min: 1, max: 200 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.uniqueArray(fc.nat(n - 1)),
          fc.uniqueArray(fc.nat(n - 1)),
          fc.nat(n + 5),
        ),
      );
    fc.assert(
      fc.property(arb, ([n, xs, ys, k]) => {
        const a = Bitset.of(n, xs);
        const b = Bitset.of(n, ys);
        const sx = new Set(xs);
        const sy = new Set(ys);
        const sorted = (s: Iterable<number>) => [...s].sort((p, q) => p - q);
        expect(Array.from(a.clone().and(b).toArray())).toEqual(sorted(xs.filter((x) => sy.has(x))));
        expect(Array.from(a.clone().or(b).toArray())).toEqual(sorted(new Set([...xs, ...ys])));
        expect(Array.from(a.clone().andNot(b).toArray())).toEqual(
          sorted(xs.filter((x) => !sy.has(x))),
        );
        const next = sorted(xs).find((x) => x >= k) ?? -1;
        const prev =
          sorted(xs)
            .reverse()
            .find((x) => x <= k) ?? -1;
        expect(a.nextFrom(k)).toBe(next);
        expect(a.countFrom(k)).toBe(xs.filter((x) => x >= k).length);
        expect(a.prevFrom(k)).toBe(prev);
        expect(sx.size).toBe(a.count());
      }),
      { numRuns: 300 },
    );
  });
});
