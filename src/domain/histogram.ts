import type { Bitset } from './bitset';
import { bucketFloor, bucketNext, chooseUnit, type BucketUnit } from './buckets';
import { lowerBound, type DatasetIndex } from './buildIndex';
import { prefixSums } from './measures';

export interface Histogram {
  /** Bin boundaries: bin k covers [bounds[k], bounds[k+1]). */
  bounds: number[];
  /** Per bin, the matching events starting in it, or with `weights` the sum of their values. */
  counts: Uint32Array | Float64Array;
  max: number;
  unit: BucketUnit;
}

/** The calendar-aligned bins of a histogram across [range.start, range.end): the same for every engine. */
export function histogramBounds(
  range: { start: number; end: number },
  targetBins = 120,
): { bounds: number[]; unit: BucketUnit } {
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
  return { bounds, unit };
}

/**
 * Counts of matching events by start time in about `targetBins` calendar-aligned bins across [from, to); with
 * `weights` (a measure's column, NaN where missing), the sum of the matching events' values per bin instead.
 */
export function histogram(
  index: DatasetIndex,
  matches: Bitset,
  range: { start: number; end: number },
  targetBins = 120,
  weights?: Float64Array,
): Histogram {
  const { bounds, unit } = histogramBounds(range, targetBins);
  const nb = bounds.length - 1;
  const counts = weights ? new Float64Array(nb) : new Uint32Array(nb);
  const { starts } = index;
  const lo = lowerBound(starts, bounds[0]!);
  const hi = lowerBound(starts, bounds[nb]!);
  if (matches.count() === index.size) {
    // Nothing filtered out: each bin is a binary search (a million events in range cost as little as ten), and a
    // sum the difference of two running sums.
    const prefix = weights ? prefixSums(weights) : undefined;
    let below = lo;
    for (let k = 0; k < nb; k++) {
      const next = lowerBound(starts, bounds[k + 1]!);
      counts[k] = prefix ? prefix[next]! - prefix[below]! : next - below;
      below = next;
    }
  } else {
    // Only the matches in range, a word of the bitset at a time (a word without matches is one test), so a
    // narrow filter costs about its matches, not every event in range.
    const { words } = matches;
    let k = 0;
    for (let w = lo >>> 5; w < words.length && w << 5 < hi; w++) {
      let v = words[w]!;
      while (v !== 0) {
        const bit = v & -v;
        v ^= bit;
        const i = (w << 5) + 31 - Math.clz32(bit);
        if (i < lo) continue;
        if (i >= hi) break;
        const t = starts[i]!;
        while (k < nb - 1 && bounds[k + 1]! <= t) k++;
        if (!weights) counts[k]!++;
        else {
          const v = weights[i]!;
          if (v === v) counts[k]! += v;
        }
      }
    }
  }
  let max = 0;
  // A measure can be negative (a tone, a scale): bars are drawn by size.
  for (const c of counts) if (Math.abs(c) > max) max = Math.abs(c);
  return { bounds, counts, max, unit };
}
