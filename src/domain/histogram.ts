import type { Bitset } from './bitset';
import { bucketFloor, bucketNext, chooseUnit, type BucketUnit } from './buckets';
import { lowerBound, type DatasetIndex } from './buildIndex';

export interface Histogram {
  /** Bin boundaries: bin k covers [bounds[k], bounds[k+1]). */
  bounds: number[];
  counts: Uint32Array;
  max: number;
  unit: BucketUnit;
}

/** Counts of matching events by start time in about `targetBins` calendar-aligned bins across [from, to). */
export function histogram(
  index: DatasetIndex,
  matches: Bitset,
  range: { start: number; end: number },
  targetBins = 120,
): Histogram {
  const span = Math.max(1, range.end - range.start);
  const unit = chooseUnit(span / targetBins);
  const bounds: number[] = [];
  for (
    let b = bucketFloor(range.start, unit);
    b < range.end && bounds.length < 4 * targetBins;
    b = bucketNext(b, unit)
  )
    bounds.push(b);
  if (bounds.length === 0) bounds.push(bucketFloor(range.start, unit));
  bounds.push(bucketNext(bounds[bounds.length - 1]!, unit));
  const nb = bounds.length - 1;
  const counts = new Uint32Array(nb);
  const lo = lowerBound(index.starts, bounds[0]!);
  const hi = lowerBound(index.starts, bounds[nb]!);
  let k = 0;
  for (let i = lo; i < hi; i++) {
    if (!matches.has(i)) continue;
    const t = index.starts[i]!;
    while (k < nb - 1 && bounds[k + 1]! <= t) k++;
    counts[k]!++;
  }
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  return { bounds, counts, max, unit };
}
