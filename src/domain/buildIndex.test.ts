import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex, countOverlapping, forEachInWindow, forEachMatchInWindow } from './buildIndex';
import { normaliseDocument } from './normalise';

const DAY = 86_400_000;
const base = Date.UTC(2024, 0, 1);
const day = (d: number) => new Date(base + d * DAY).toISOString().slice(0, 10);

// Mostly short events and a few very long ones: the index keeps events longer than its 99th percentile apart, so
// at least a hundred events for there to be any.
const arbRows = fc.array(
  fc.record({
    start: fc.integer({ min: 0, max: 400 }),
    days: fc.oneof(
      { weight: 8, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 1, arbitrary: fc.integer({ min: 100, max: 900 }) },
    ),
    keep: fc.boolean(),
  }),
  { minLength: 100, maxLength: 300 },
);

function indexOf(rows: { start: number; days: number }[]) {
  return buildIndex(
    normaliseDocument({
      events: rows.map((r, i) => ({
        id: `e${i}`,
        title: `e${i}`,
        start: day(r.start),
        ...(r.days ? { end: day(r.start + r.days) } : {}),
      })),
    }),
  );
}

describe('window walks agree with testing every event (property)', () => {
  let longSeen = false;
  it('every event overlapping [from, to), each once; with a filter, only its matches', () => {
    fc.assert(
      fc.property(
        arbRows,
        fc.integer({ min: -50, max: 450 }),
        fc.integer({ min: 0, max: 300 }),
        (rows, from, len) => {
          const index = indexOf(rows);
          longSeen ||= index.longEvents.length > 0;
          const matches = new Bitset(index.size);
          index.events.forEach((e, i) => rows[Number(e.id.slice(1))]!.keep && matches.add(i));
          const [a, b] = [base + from * DAY, base + (from + len) * DAY];
          const overlapping = [...Array(index.size).keys()].filter(
            (i) => index.starts[i]! < b && index.ends[i]! > a,
          );

          const all: number[] = [];
          forEachInWindow(index, a, b, (i) => all.push(i));
          expect(all.sort((x, y) => x - y)).toEqual(overlapping);
          expect(countOverlapping(index, a, b)).toBe(overlapping.length);

          const got: number[] = [];
          forEachMatchInWindow(index, matches, a, b, (i) => void got.push(i));
          expect(got.sort((x, y) => x - y)).toEqual(overlapping.filter((i) => matches.has(i)));
          expect(
            (() => {
              const seen: number[] = [];
              forEachMatchInWindow(index, Bitset.full(index.size), a, b, (i) => void seen.push(i));
              return seen.sort((x, y) => x - y);
            })(),
          ).toEqual(overlapping);
        },
      ),
      { numRuns: 300 },
    );
    expect(longSeen).toBe(true);
  });

  it('stops at the first event for which fn returns true', () => {
    fc.assert(
      fc.property(arbRows, fc.integer({ min: 0, max: 5 }), (rows, stopAfter) => {
        const index = indexOf(rows);
        const matches = Bitset.full(index.size);
        const seen: number[] = [];
        forEachMatchInWindow(index, matches, base - 1000 * DAY, base + 2000 * DAY, (i) => {
          seen.push(i);
          return seen.length > stopAfter;
        });
        expect(seen.length).toBe(Math.min(index.size, stopAfter + 1));
        expect(new Set(seen).size).toBe(seen.length);
      }),
    );
  });
});
