import { Bitset } from './bitset';
import { forEachMatchInWindow, lowerBound, type DatasetIndex } from './buildIndex';

/** The part of the time axis on screen, epoch ms, [start, end). */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Whether the event at a position overlaps the window (what "in view" means on the timeline). */
export function overlapsWindow(index: DatasetIndex, pos: number, w: TimeWindow): boolean {
  return index.starts[pos]! < w.end && index.ends[pos]! > w.start;
}

/**
 * The event j (dir 1) or k (dir -1) selects. From a selection in view it steps to the next or previous match in
 * time, wrapping at the ends. Otherwise it starts from the window: j takes the first match starting at or after the
 * window's start, k the last one starting before the window's end (wrapping when there is none), so the keys walk
 * what the analyst is looking at, not the dataset from its first event. Without a window, from the dataset's ends.
 */
export function stepFromWindow(
  index: DatasetIndex,
  matches: Bitset,
  selected: number | undefined,
  window: TimeWindow | undefined,
  dir: 1 | -1,
): number | undefined {
  if (matches.count() === 0) return undefined;
  const first = () => matches.nextFrom(0);
  const last = () => matches.prevFrom(matches.size - 1);
  if (selected !== undefined && (window === undefined || overlapsWindow(index, selected, window))) {
    const next = dir === 1 ? matches.nextFrom(selected + 1) : matches.prevFrom(selected - 1);
    return next >= 0 ? next : dir === 1 ? first() : last();
  }
  if (window === undefined) return dir === 1 ? first() : last();
  if (dir === 1) {
    const next = matches.nextFrom(lowerBound(index.starts, window.start));
    return next >= 0 ? next : first();
  }
  const prev = matches.prevFrom(lowerBound(index.starts, window.end) - 1);
  return prev >= 0 ? prev : last();
}

/** The matches overlapping the window, as a set of positions. */
export function matchesInWindow(index: DatasetIndex, matches: Bitset, w: TimeWindow): Bitset {
  const out = new Bitset(index.size);
  forEachMatchInWindow(index, matches, w.start, w.end, (i) => void out.add(i));
  return out;
}

/** Where the matches lie relative to the window. */
export interface WindowSummary {
  inView: number;
  /** Matches that end by the window's start. */
  before: number;
  /** Matches that start at or after the window's end. */
  after: number;
  /**
   * When nothing is in view: the nearer (by the gap to the window) of the first match after it and the match that
   * starts last before it, if any.
   */
  nearest?: number;
}

/**
 * Counts the matches in, before and after the window and, when none is in view, finds the nearest one. Costs about
 * the matches in view and a count of the bitset's words after the window.
 */
export function summariseWindow(
  index: DatasetIndex,
  matches: Bitset,
  total: number,
  w: TimeWindow,
): WindowSummary {
  let inView = 0;
  forEachMatchInWindow(index, matches, w.start, w.end, () => void inView++);
  const firstAfter = lowerBound(index.starts, w.end);
  const after = matches.countFrom(firstAfter);
  const before = Math.max(0, total - inView - after);
  if (inView > 0) return { inView, before, after };
  const next = matches.nextFrom(firstAfter);
  // With nothing in view, every match starting before the window ends by its start: the previous match is the one
  // that starts last (an earlier, longer event may end a little later; finding it would mean a walk back).
  const prev = matches.prevFrom(lowerBound(index.starts, w.start) - 1);
  let nearest: number | undefined;
  if (next >= 0 && prev >= 0)
    nearest = index.starts[next]! - w.end <= w.start - index.ends[prev]! ? next : prev;
  else if (next >= 0) nearest = next;
  else if (prev >= 0) nearest = prev;
  return nearest === undefined ? { inView, before, after } : { inView, before, after, nearest };
}
