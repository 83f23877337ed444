import { isDrawable, MS_PER_DAY, MS_PER_YEAR, utcMs } from './dates';
import { formatCount } from './formatCount';

/** A bucket size for aggregating dense periods, aligned to the calendar where the calendar matters. */
export type BucketUnit =
  | { kind: 'ms'; size: number; label: string }
  | { kind: 'month'; months: number; label: string }
  | { kind: 'year'; years: number; label: string };

const H = 3_600_000;
const LADDER: BucketUnit[] = [
  { kind: 'ms', size: 1, label: '1 ms' },
  { kind: 'ms', size: 10, label: '10 ms' },
  { kind: 'ms', size: 100, label: '100 ms' },
  { kind: 'ms', size: 1000, label: '1 second' },
  { kind: 'ms', size: 5000, label: '5 seconds' },
  { kind: 'ms', size: 15_000, label: '15 seconds' },
  { kind: 'ms', size: 60_000, label: '1 minute' },
  { kind: 'ms', size: 300_000, label: '5 minutes' },
  { kind: 'ms', size: 900_000, label: '15 minutes' },
  { kind: 'ms', size: H, label: '1 hour' },
  { kind: 'ms', size: 3 * H, label: '3 hours' },
  { kind: 'ms', size: 6 * H, label: '6 hours' },
  { kind: 'ms', size: 12 * H, label: '12 hours' },
  { kind: 'ms', size: MS_PER_DAY, label: '1 day' },
  { kind: 'ms', size: 7 * MS_PER_DAY, label: '1 week' },
  { kind: 'month', months: 1, label: '1 month' },
  { kind: 'month', months: 3, label: '3 months' },
  { kind: 'month', months: 6, label: '6 months' },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10].map(
    (years): BucketUnit => ({
      kind: 'year',
      years,
      label: years === 1 ? '1 year' : `${formatCount(years)} years`,
    }),
  ),
];

/** Approximate length of a unit in ms (for choosing one). */
export function unitLength(u: BucketUnit): number {
  if (u.kind === 'ms') return u.size;
  if (u.kind === 'month') return (u.months * MS_PER_YEAR) / 12;
  return u.years * MS_PER_YEAR;
}

/** The smallest unit at least `minMs` long. */
export function chooseUnit(minMs: number): BucketUnit {
  return LADDER.find((u) => unitLength(u) >= minMs) ?? LADDER[LADDER.length - 1]!;
}

/** Start of the bucket containing t. */
export function bucketFloor(t: number, u: BucketUnit): number {
  if (u.kind === 'ms') return Math.floor(t / u.size) * u.size;
  if (!isDrawable(t) || (u.kind === 'year' && u.years >= 1e4)) {
    const len = unitLength(u);
    return Math.floor(t / len) * len;
  }
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (u.kind === 'month') {
    const m = d.getUTCMonth();
    return utcMs(y, m - (m % u.months));
  }
  return utcMs(y - (((y % u.years) + u.years) % u.years));
}

/** Start of the bucket after the one starting at b. */
export function bucketNext(b: number, u: BucketUnit): number {
  if (u.kind === 'ms') return b + u.size;
  if (!isDrawable(b) || (u.kind === 'year' && u.years >= 1e4)) return b + unitLength(u);
  const d = new Date(b);
  if (u.kind === 'month') return utcMs(d.getUTCFullYear(), d.getUTCMonth() + u.months);
  return utcMs(d.getUTCFullYear() + u.years);
}
