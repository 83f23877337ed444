import { Kept, KeptAnswers } from './kept';
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

  /** From a tally's per-day counts. */
  static of(days: DayTally): DayProfile {
    return new DayProfile(
      Running.of(days.s),
      Running.of(days.e1),
      Running.of(days.e2),
      days.tiny,
      days.odd,
    );
  }

  /** From matches counted by their three day keys (DayTally.addKeys). */
  static fromDayKeys(rows: Iterable<{ s: number; e1: number; e2: number; n: number }>): DayProfile {
    const tally = new DayTally();
    for (const { s, e1, e2, n } of rows) tally.addKeys(s, e1, e2, n);
    return DayProfile.of(tally);
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

  /** How many events it counts. */
  get total(): number {
    return this.starts.before(Infinity);
  }

  /** Days held (a measure of its memory). */
  get size(): number {
    return this.starts.size + this.lasts.size + this.ends.size + this.tiny.size + this.odd.size;
  }
}

/**
 * Per-day counts of some events, as the `days` rollup's columns hold them: how many start (s), have their last
 * millisecond (e1) and end (e2) on each UTC day, and each day's `tiny` and `odd` corrections. Counts may be added
 * with a sign: a lane's events can be one set of events less another (rollup terms, rollups.ts).
 */
export class DayTally {
  readonly s = new Map<number, number>();
  readonly e1 = new Map<number, number>();
  readonly e2 = new Map<number, number>();
  readonly tiny = new Map<number, number>();
  readonly odd = new Map<number, number>();

  /**
   * n events with these three day keys (schema.ts DAY_KEYS: start, last millisecond, end): the instants at a
   * midnight are those whose last millisecond is the day before their start, and the odd ends those whose end day
   * is not their last millisecond's.
   */
  addKeys(s: number, e1: number, e2: number, n: number): void {
    add(this.s, s, n);
    add(this.e1, e1, n);
    add(this.e2, e2, n);
    if (e1 < s) add(this.tiny, s, n);
    if (e2 !== e1) add(this.odd, e2, n);
  }

  /** One day's counts as a row of `days` gives them (its running sums differenced). */
  addDay(d: number, c: { s: number; e1: number; e2: number; tiny: number; odd: number }): void {
    add(this.s, d, c.s);
    add(this.e1, d, c.e1);
    add(this.e2, d, c.e2);
    add(this.tiny, d, c.tiny);
    add(this.odd, d, c.odd);
  }
}

const add = (m: Map<number, number>, d: number, n: number) => {
  if (n !== 0) m.set(d, (m.get(d) ?? 0) + n);
};

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

/** A view's profile, by view (version and filters). */
const views = new Kept<DayProfile>(128);

export const keptProfile = (key: string) => views.get(key);
export const keepProfile = (key: string, profile: DayProfile) => views.set(key, profile);

/**
 * A view's lanes' profiles, by view and lanes: asked once (a pan during their build waits for it), and kept as
 * undefined when they were not made (their buckets then scan the window's events).
 */
export const laneProfilesKept = new KeptAnswers<DayProfile[] | undefined>(64);
