import { MS_PER_YEAR } from './dates';

/**
 * The span the timeline draws: ±100,000 years around 1970. A JavaScript Date reaches ±8.64e15 ms (about ±271,821
 * years), but vis-timeline computes zoom steps past the window it shows before it applies its limits, and threw
 * "Invalid start/end NaN" when they passed the Date limit; a whole drawable span zoomed out by half on each side
 * still stays inside it. Events beyond are loaded, listed and searchable; the timeline says how many it cannot
 * draw.
 */
export const DRAWABLE_YEARS = 100_000;
export const DRAWABLE = {
  start: -DRAWABLE_YEARS * MS_PER_YEAR,
  end: DRAWABLE_YEARS * MS_PER_YEAR,
} as const;

/** Narrowest window the timeline zooms to, in ms. */
const MIN_SPAN = 10;

/** True when an instant lies within the span the timeline draws. */
export function isOnTimeline(ms: number): boolean {
  return Number.isFinite(ms) && ms >= DRAWABLE.start && ms <= DRAWABLE.end;
}

const clamp = (ms: number) => Math.min(DRAWABLE.end, Math.max(DRAWABLE.start, ms));

/**
 * A window moved and, if need be, shrunk into the drawable span (keeping its width where it fits); NaN or
 * inverted ends give the whole span.
 */
export function clampWindow(w: { start: number; end: number }): { start: number; end: number } {
  if (!Number.isFinite(w.start) || !Number.isFinite(w.end) || !(w.start < w.end))
    return { ...DRAWABLE };
  const span = Math.max(MIN_SPAN, Math.min(w.end - w.start, DRAWABLE.end - DRAWABLE.start));
  const start = clamp(Math.min(w.start, DRAWABLE.end - span));
  return { start, end: Math.min(DRAWABLE.end, start + span) };
}

/** The window zoomed by `factor` (2 shows twice the time) around its middle, inside the drawable span. */
export function zoomWindow(
  w: { start: number; end: number },
  factor: number,
): { start: number; end: number } {
  const mid = (w.start + w.end) / 2;
  const half = ((w.end - w.start) * factor) / 2;
  return clampWindow({ start: mid - half, end: mid + half });
}

/** The part of an item's [start, end] inside the drawable span (an end, when given, is clamped too). */
export function clampItem(start: number, end?: number): { start: number; end?: number } {
  return end === undefined ? { start: clamp(start) } : { start: clamp(start), end: clamp(end) };
}

/**
 * vis-timeline's limits for a dataset's window: how far the analyst may pan (`min`, `max`) and zoom out
 * (`zoomMax`), a few times the data's span around it, never past the drawable span.
 */
export function timelineLimits(dataWindow: { start: number; end: number }): {
  min: number;
  max: number;
  zoomMax: number;
} {
  const w = clampWindow(dataWindow);
  const span = Math.max(1, w.end - w.start);
  const min = clamp(w.start - span * 2);
  const max = clamp(w.end + span * 2);
  return { min, max, zoomMax: Math.min(span * 8, max - min) };
}
