import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY as DAY } from '../../src/domain/dates';
import { rollupBuckets, rollupHistogram } from './rollups';
import { DayProfile, DayTally } from './viewProfile';

interface Ev {
  start: number;
  end: number;
}

/** Times around UTC midnights, where the day keys' corner cases are: midnight itself, a millisecond either side. */
const time = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, DAY - 1, DAY / 2, 0.25))
  .map(([d, off]) => d * DAY + off);
const duration = fc.constantFrom(0, 0.25, 1, DAY - 1, DAY, DAY + 1, 3 * DAY, 7.5 * DAY);
const events = fc.array(
  fc.tuple(time, duration).map(([start, d]): Ev => ({ start, end: start + d })),
  { maxLength: 60 },
);
/** Ascending day-aligned bounds, a few days apart. */
const bounds = fc
  .tuple(
    fc.integer({ min: -2, max: 40 }),
    fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }),
  )
  .map(([first, steps]) => {
    const out = [first * DAY];
    for (const s of steps) out.push(out[out.length - 1]! + s * DAY);
    return out;
  });

/** The profile of the events as the whole scan's SQL counts them: by the day keys of schema.ts's DAY_KEYS. */
function profileOf(evs: Ev[]): DayProfile {
  return DayProfile.fromDayKeys(
    evs.map((e) => ({
      s: Math.floor(e.start / DAY),
      e1: Math.floor((e.end - 1) / DAY),
      e2: Math.ceil(e.end / DAY) - 1,
      n: 1,
    })),
  );
}

/** The bucket rule as the events are scanned (queryView.ts planItems' statement, which equals the browser's). */
function scannedBuckets(evs: Ev[], b: number[]): number[] {
  const nb = b.length - 1;
  const bucket = (t: number) => {
    let k = 0;
    while (k < b.length && b[k]! <= t) k++;
    return k - 1;
  };
  const counts = new Array<number>(nb).fill(0);
  for (const e of evs) {
    if (!(e.start < b[nb]! && e.end > b[0]!)) continue;
    const f = Math.min(nb - 1, Math.max(0, bucket(Math.max(e.start, b[0]!))));
    const l = Math.min(nb - 1, Math.max(f, bucket(Math.min(e.end, b[nb]!) - 1)));
    for (let k = f; k <= l; k++) counts[k]!++;
  }
  return counts;
}

describe("a view's day profile", () => {
  it('gives the buckets the scan gives, at day-aligned bounds', async () => {
    await fc.assert(
      fc.asyncProperty(events, bounds, async (evs, b) => {
        expect(await rollupBuckets(profileOf(evs).source(), b)).toEqual(scannedBuckets(evs, b));
      }),
    );
  });

  it("gives the histogram's bins: matches by start", async () => {
    await fc.assert(
      fc.asyncProperty(events, bounds, async (evs, b) => {
        const want = b
          .slice(1)
          .map((hi, k) => evs.filter((e) => e.start >= b[k]! && e.start < hi).length);
        expect(await rollupHistogram(profileOf(evs).source(), b)).toEqual(want);
      }),
    );
  });

  it('counts the events overlapping a day-aligned window as starting before its end less ended by its start', () => {
    fc.assert(
      fc.property(events, bounds, (evs, b) => {
        const [from, to] = [b[0]!, b[b.length - 1]!];
        const p = profileOf(evs);
        const overlapping = evs.filter((e) => e.start < to && e.end > from).length;
        expect(p.at(to / DAY).cs - p.at(from / DAY).c2).toBe(overlapping);
      }),
    );
  });

  it("of one set of events less another (a lane's rollup terms), gives the first set less the second's buckets", async () => {
    await fc.assert(
      fc.asyncProperty(events, events, bounds, async (kept, taken, b) => {
        // As a lane of every event less an excluded actor's: the whole set's day rows, the excluded set's keys.
        const keys = (evs: Ev[]) =>
          evs.map(
            (e) =>
              [
                Math.floor(e.start / DAY),
                Math.floor((e.end - 1) / DAY),
                Math.ceil(e.end / DAY) - 1,
              ] as const,
          );
        const whole = new DayTally();
        for (const [s, e1, e2] of keys([...kept, ...taken])) whole.addKeys(s, e1, e2, 1);
        const tally = new DayTally();
        const days = new Set([...whole.s.keys(), ...whole.e1.keys(), ...whole.e2.keys()]);
        for (const d of days)
          tally.addDay(d, {
            s: whole.s.get(d) ?? 0,
            e1: whole.e1.get(d) ?? 0,
            e2: whole.e2.get(d) ?? 0,
            tiny: whole.tiny.get(d) ?? 0,
            odd: whole.odd.get(d) ?? 0,
          });
        for (const [s, e1, e2] of keys(taken)) tally.addKeys(s, e1, e2, -1);
        expect(await rollupBuckets(DayProfile.of(tally).source(), b)).toEqual(
          scannedBuckets(kept, b),
        );
      }),
    );
  });

  it('is empty for no matches', () => {
    const p = profileOf([]);
    expect(p.at(5)).toEqual({ cs: 0, c1: 0, c2: 0, tiny: 0, odd: 0 });
    expect(p.size).toBe(0);
  });
});
