import type { Bitset } from './bitset';
import { bucketFloor, bucketNext, chooseUnit, type BucketUnit } from './buckets';
import { countOverlapping, forEachMatchInWindow, type DatasetIndex } from './buildIndex';
import { MS_PER_DAY, precisionRank } from './dates';
import { isOnTimeline } from './drawableRange';
import { drawnSpan } from './time';
import type { LanePlan } from './lanes';
import type { TimelineEvent } from './types';

/** How an event is drawn: an exact point, a range with an explicit end, or a span of honest uncertainty. */
export type EventShape = 'point' | 'range' | 'uncertain';

/** Coarser than a day, or marked circa: drawn across its whole period, never as a false exact point. */
export function eventShape(e: TimelineEvent): EventShape {
  if (e.approximate || precisionRank(e.precision) < precisionRank('day')) return 'uncertain';
  return e.hasEnd ? 'range' : 'point';
}

export interface EventItem {
  kind: 'event';
  id: string;
  position: number;
  lane?: string;
  shape: EventShape;
  start: number;
  end: number;
}

export interface BucketItem {
  kind: 'bucket';
  id: string;
  lane?: string;
  start: number;
  end: number;
  count: number;
  /** With a measure chosen: the sum of the values of the events counted (missing values add nothing). */
  sum?: number;
  /** 1..5: the bucket's count (or sum) relative to the densest bucket in view. */
  density: number;
}

export type PlannedItem = EventItem | BucketItem;

export interface ItemPlan {
  mode: 'events' | 'buckets';
  items: PlannedItem[];
  /** Matching events overlapping the visible window (counted once, whatever their lanes). */
  visibleCount: number;
  unit?: BucketUnit;
}

export interface LodOptions {
  /** Most single items to draw in the visible window (lane copies count); above it, buckets. */
  maxVisibleItems: number;
  /** Visible width in CSS pixels. */
  widthPx: number;
  /** Narrowest bucket, in pixels, that can show its count legibly. */
  minBucketPx: number;
  /** The zone items are drawn in: a day, month or year event covers that calendar unit there (domain/time.ts). */
  tz?: string;
  /** A measure's column (NaN where missing): buckets then carry the sum of their events' values. */
  weights?: Float64Array;
}

export const DEFAULT_LOD: LodOptions = { maxVisibleItems: 100, widthPx: 1200, minBucketPx: 56 };

/**
 * Decides what the timeline draws for a window: single items when the window is sparse (with half a window of
 * margin on each side, so small pans need no redraw), per-lane count buckets when it is dense. The number of
 * items returned is bounded by the options, whatever the dataset size.
 */
export function planItems(
  index: DatasetIndex,
  matches: Bitset,
  lanes: LanePlan | null,
  window: { start: number; end: number },
  opts: LodOptions = DEFAULT_LOD,
): ItemPlan {
  const sparse = countIfSparse(index, matches, lanes, window, opts.maxVisibleItems);
  if (sparse !== undefined)
    return {
      mode: 'events',
      items: singleItems(index, matches, lanes, window, opts.maxVisibleItems * 2, opts.tz ?? 'utc'),
      visibleCount: sparse,
    };
  return bucketPlan(index, matches, lanes, window, opts);
}

/**
 * The matching events in the window when drawing them one by one stays within `max` items (lane copies count),
 * else undefined. Counting stops as soon as the window holds more, rather than walking every event of a dense
 * window twice; a dense window's count comes with its buckets.
 */
function countIfSparse(
  index: DatasetIndex,
  matches: Bitset,
  lanes: LanePlan | null,
  window: { start: number; end: number },
  max: number,
): number | undefined {
  let visibleCount = 0;
  let visibleItems = 0;
  const eventLanes = new Uint16Array(lanes ? lanes.lanes.length : 1);
  forEachMatchInWindow(index, matches, window.start, window.end, (i) => {
    visibleCount++;
    visibleItems += lanes ? Math.max(1, lanes.lanesInto(i, eventLanes)) : 1;
    return visibleItems > max;
  });
  return visibleItems <= max ? visibleCount : undefined;
}

/**
 * Single items for a sparse window, with half a window of margin on each side while the total stays within `cap`
 * (vis-timeline measures every item it draws), else for the window alone.
 */
function singleItems(
  index: DatasetIndex,
  matches: Bitset,
  lanes: LanePlan | null,
  window: { start: number; end: number },
  cap: number,
  tz: string,
): EventItem[] {
  const span = Math.max(1, window.end - window.start);
  const collect = (from: number, to: number): EventItem[] | null => {
    const out: EventItem[] = [];
    let overflow = false;
    forEachMatchInWindow(index, matches, from, to, (i) => {
      const e = index.events.at(i)!;
      if (!isOnTimeline(e.start) || !isOnTimeline(e.end)) return;
      const shape = eventShape(e);
      const drawn = drawnSpan(e, tz);
      for (const l of lanes ? lanes.lanesOf(i) : [-1]) {
        const lane = lanes?.lanes[l]?.id;
        out.push({
          kind: 'event',
          id: lane ? `e${i}|${lane}` : `e${i}`,
          position: i,
          ...(lane ? { lane } : {}),
          shape,
          start: drawn.start,
          end: drawn.end,
        });
      }
      if (out.length > cap) return (overflow = true);
    });
    return overflow ? null : out;
  };
  return (
    collect(window.start - span / 2, window.end + span / 2) ??
    // A calendar date is drawn up to a day away from its UTC reading (domain/time.ts).
    collect(window.start - MS_PER_DAY, window.end + MS_PER_DAY) ??
    []
  );
}

/** Calendar bucket boundaries covering the window with half a window of margin on each side (at most 10,000). */
export function bucketBounds(window: { start: number; end: number }, unit: BucketUnit): number[] {
  const span = Math.max(1, window.end - window.start);
  const from = bucketFloor(window.start - span / 2, unit);
  const to = window.end + span / 2;
  const bounds: number[] = [];
  for (let b = from; b < to && bounds.length < 10_000; b = bucketNext(b, unit)) bounds.push(b);
  bounds.push(bucketNext(bounds[bounds.length - 1]!, unit));
  return bounds;
}

/** Finds the bucket of a time; events arrive mostly in time order, so it starts from the previous answer. */
function bucketFinder(bounds: readonly number[]): {
  exact(t: number): number;
  near(t: number): number;
} {
  const nb = bounds.length - 1;
  const exact = (t: number) => {
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bounds[mid + 1]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let hint = 0;
  const near = (t: number) => {
    if (bounds[hint]! <= t) {
      for (let steps = 0; steps < 8; steps++) {
        if (hint + 1 >= nb || bounds[hint + 1]! > t) return hint;
        hint++;
      }
    }
    return (hint = exact(t));
  };
  return { exact, near };
}

/**
 * Per-lane counts of the matching events overlapping each bucket (`counts[lane * buckets + bucket]`) and the
 * events overlapping the window itself.
 */
function countBuckets(
  index: DatasetIndex,
  matches: Bitset,
  lanes: LanePlan | null,
  window: { start: number; end: number },
  bounds: readonly number[],
  weights?: Float64Array,
): { counts: Uint32Array; sums?: Float64Array; visibleCount: number } {
  const nb = bounds.length - 1;
  const laneCount = lanes ? lanes.lanes.length : 1;
  const counts = new Uint32Array(nb * laneCount);
  const sums = weights ? new Float64Array(nb * laneCount) : undefined;
  if (!lanes && !weights && matches.count() === index.size) {
    // Nothing filtered out and no lanes: each count is two binary searches over the index, not a walk over every
    // event of the window.
    for (let b = 0; b < nb; b++) counts[b] = countOverlapping(index, bounds[b]!, bounds[b + 1]!);
    return { counts, visibleCount: countOverlapping(index, window.start, window.end) };
  }
  const { starts, ends } = index;
  const find = bucketFinder(bounds);
  const eventLanes = new Uint16Array(laneCount);
  let visibleCount = 0;
  forEachMatchInWindow(index, matches, bounds[0]!, bounds[nb]!, (i) => {
    if (starts[i]! < window.end && ends[i]! > window.start) visibleCount++;
    const first = find.near(Math.max(starts[i]!, bounds[0]!));
    const lastAt = Math.min(ends[i]!, bounds[nb]!) - 1;
    const last = lastAt < bounds[first + 1]! ? first : find.exact(lastAt);
    const v = weights ? weights[i]! : 0;
    const add = sums !== undefined && v === v;
    if (!lanes) {
      for (let b = first; b <= last; b++) {
        counts[b]!++;
        if (add) sums[b]! += v;
      }
      return;
    }
    const n = lanes.lanesInto(i, eventLanes);
    for (let k = 0; k < n; k++) {
      const at = eventLanes[k]! * nb;
      for (let b = first; b <= last; b++) {
        counts[at + b]!++;
        if (add) sums[at + b]! += v;
      }
    }
  });
  return { counts, ...(sums ? { sums } : {}), visibleCount };
}

/** A bucket's shade, 1..5: its count relative to the densest bucket in view, on a log scale. */
export function bucketDensity(count: number, max: number): number {
  if (!(max > 0)) return 1;
  return Math.max(1, Math.ceil((5 * Math.log1p(count)) / Math.log1p(max)));
}

/** The bucket unit for a window: buckets at least `minBucketPx` wide, wider with more lanes. */
export function bucketUnitFor(
  window: { start: number; end: number },
  laneCount: number,
  opts: LodOptions,
): BucketUnit {
  const span = Math.max(1, window.end - window.start);
  // More lanes means more buckets per pixel column; widen buckets so the total stays bounded.
  const minPx = opts.minBucketPx * Math.max(1, Math.sqrt(laneCount) / 2);
  return chooseUnit((span * minPx) / Math.max(1, opts.widthPx));
}

/** A dense window: per-lane calendar buckets with counts, shaded 1..5 relative to the densest. */
function bucketPlan(
  index: DatasetIndex,
  matches: Bitset,
  lanes: LanePlan | null,
  window: { start: number; end: number },
  opts: LodOptions,
): ItemPlan {
  const laneCount = lanes ? lanes.lanes.length : 1;
  const unit = bucketUnitFor(window, laneCount, opts);
  const bounds = bucketBounds(window, unit);
  const nb = bounds.length - 1;
  const { counts, sums, visibleCount } = countBuckets(
    index,
    matches,
    lanes,
    window,
    bounds,
    opts.weights,
  );
  // Shaded by what the buckets show: the count, or with a measure the size of the sum.
  const shown = (k: number) => (sums ? Math.abs(sums[k]!) : counts[k]!);
  let max = 0;
  for (let k = 0; k < counts.length; k++) if (shown(k) > max) max = shown(k);
  const items: BucketItem[] = [];
  for (let l = 0; l < laneCount; l++) {
    const lane = lanes?.lanes[l]?.id;
    for (let b = 0; b < nb; b++) {
      const c = counts[l * nb + b]!;
      if (c === 0) continue;
      const start = bounds[b]!;
      const end = bounds[b + 1]!;
      items.push({
        kind: 'bucket',
        id: `b|${lane ?? ''}|${start}|${end}`,
        ...(lane ? { lane } : {}),
        start,
        end,
        count: c,
        ...(sums ? { sum: sums[l * nb + b]! } : {}),
        density: bucketDensity(shown(l * nb + b), max),
      });
    }
  }
  return { mode: 'buckets', items, visibleCount, unit };
}

/** The time span covered by the matching events (drawable ones), or undefined when none. */
export function matchExtent(
  index: DatasetIndex,
  matches: Bitset,
): { start: number; end: number } | undefined {
  let start = Infinity;
  let end = -Infinity;
  const first = matches.nextFrom(0);
  if (first < 0) return undefined;
  for (let i = first; i >= 0 && i < index.size; i = matches.nextFrom(i + 1)) {
    if (isOnTimeline(index.starts[i]!)) {
      start = index.starts[i]!;
      break;
    }
  }
  // Short events end at most shortSpan after their start: scan back from the last start only while an earlier
  // one could still end later; long events are checked directly.
  for (let i = matches.prevFrom(index.size - 1); i >= 0; i = matches.prevFrom(i - 1)) {
    if (index.starts[i]! + index.shortSpan < end) break;
    if (isOnTimeline(index.ends[i]!)) end = Math.max(end, index.ends[i]!);
  }
  for (const i of index.longEvents)
    if (matches.has(i) && isOnTimeline(index.ends[i]!)) end = Math.max(end, index.ends[i]!);
  if (!(start < end)) return undefined;
  return { start, end };
}

/** A window around an extent with a margin, at least `minSpan` wide. */
export function paddedWindow(
  extent: { start: number; end: number },
  margin = 0.05,
  minSpan = 86_400_000,
): { start: number; end: number } {
  const span = Math.max(extent.end - extent.start, minSpan);
  const mid = (extent.start + extent.end) / 2;
  return {
    start: Math.round(mid - (span * (1 + 2 * margin)) / 2),
    end: Math.round(mid + (span * (1 + 2 * margin)) / 2),
  };
}
