import { Kept } from './kept';
import type { DayCounts, DaySource } from './rollups';

/**
 * A view's day profile: for its matches, how many start, have their last millisecond, and end on each UTC day,
 * with the `tiny` and `odd` corrections of each day — the `days` rollup's columns (schema.ts), for one view's
 * matches instead of one value's events. The matches half reads it in the same scan as its counts
 * (queryView.ts wholeScan), and keeps it by the view's filters: the pans that follow a filter change count their
 * window and day-aligned buckets from it (rollups.ts rollupWindowCount, rollupBuckets) instead of scanning the
 * matches again.
 */
export class DayProfile {
  private constructor(
    private readonly starts: Running,
    private readonly lasts: Running,
    private readonly ends: Running,
    private readonly tiny: Map<number, number>,
    private readonly odd: Map<number, number>,
  ) {}

  /** From per-day counts: `s`, `e1`, `e2` by day of start, last millisecond and end; `tiny` and `odd` by day. */
  private static of(days: {
    s: Map<number, number>;
    e1: Map<number, number>;
    e2: Map<number, number>;
    tiny: Map<number, number>;
    odd: Map<number, number>;
  }): DayProfile {
    return new DayProfile(
      Running.of(days.s),
      Running.of(days.e1),
      Running.of(days.e2),
      days.tiny,
      days.odd,
    );
  }

  /**
   * From matches counted by their three day keys (schema.ts DAY_KEYS: start, last millisecond, end): the instants
   * at a midnight are those whose last millisecond is the day before their start, and the odd ends those whose end
   * day is not their last millisecond's.
   */
  static fromDayKeys(rows: Iterable<{ s: number; e1: number; e2: number; n: number }>): DayProfile {
    const days = {
      s: new Map<number, number>(),
      e1: new Map<number, number>(),
      e2: new Map<number, number>(),
      tiny: new Map<number, number>(),
      odd: new Map<number, number>(),
    };
    const add = (m: Map<number, number>, d: number, n: number) => m.set(d, (m.get(d) ?? 0) + n);
    for (const { s, e1, e2, n } of rows) {
      add(days.s, s, n);
      add(days.e1, e1, n);
      add(days.e2, e2, n);
      if (e1 < s) add(days.tiny, s, n);
      if (e2 !== e1) add(days.odd, e2, n);
    }
    return DayProfile.of(days);
  }

  /** The counts at day number d (DayCounts): running sums over the days before d, corrections of d itself. */
  at(d: number): DayCounts {
    return {
      cs: this.starts.before(d),
      c1: this.lasts.before(d),
      c2: this.ends.before(d),
      tiny: this.tiny.get(d) ?? 0,
      odd: this.odd.get(d) ?? 0,
    };
  }

  /** As a source of day counts for the rollups' window and bucket rules. */
  source(): DaySource {
    return (dayNumbers) => Promise.resolve(dayNumbers.map((d) => this.at(d)));
  }

  /** Days held (a measure of its memory). */
  get size(): number {
    return this.starts.size + this.lasts.size + this.ends.size + this.tiny.size + this.odd.size;
  }
}

/** Counts by day, sorted, with running sums: the sum over the days before any day number by binary search. */
class Running {
  private constructor(
    private readonly days: Float64Array,
    private readonly sums: Float64Array,
  ) {}

  static of(counts: Map<number, number>): Running {
    const days = Float64Array.from(counts.keys()).sort();
    const sums = new Float64Array(days.length + 1);
    for (let k = 0; k < days.length; k++) sums[k + 1] = sums[k]! + counts.get(days[k]!)!;
    return new Running(days, sums);
  }

  /** The sum of the counts of the days before d. */
  before(d: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.days[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    return this.sums[lo]!;
  }

  get size(): number {
    return this.days.length;
  }
}

/** A view's profile, by view (version and filters); and its lanes' profiles, by view and lanes. */
const views = new Kept<DayProfile>(128);
const lanes = new Kept<DayProfile[]>(64);

export const keptProfile = (key: string) => views.get(key);
export const keepProfile = (key: string, profile: DayProfile) => views.set(key, profile);
export const keptLaneProfiles = (key: string) => lanes.get(key);
export const keepLaneProfiles = (key: string, profiles: DayProfile[]) => lanes.set(key, profiles);
