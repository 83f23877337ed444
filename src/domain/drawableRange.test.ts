import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampItem,
  clampWindow,
  DRAWABLE,
  isOnTimeline,
  timelineLimits,
  zoomWindow,
} from './drawableRange';

const Y = (year: number) => {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
};

describe('the drawable range', () => {
  it.each([
    [Y(2024), true],
    [Y(-90_000), true],
    [Y(150_000), false],
    [Y(270_000), false],
    [Y(-260_000), false],
    [8.64e15, false],
    [-8.64e15, false],
    [NaN, false],
  ])('%d on the timeline: %s', (ms, on) => expect(isOnTimeline(ms)).toBe(on));

  it('keeps a window inside it, keeping its width where it fits', () => {
    expect(clampWindow({ start: Y(2000), end: Y(2024) })).toEqual({ start: Y(2000), end: Y(2024) });
    const w = clampWindow({ start: Y(90_000), end: Y(160_000) });
    expect(w.end).toBe(DRAWABLE.end);
    expect(w.end - w.start).toBe(Y(160_000) - Y(90_000));
    expect(clampWindow({ start: -8.64e15, end: 8.64e15 })).toEqual(DRAWABLE);
    expect(clampWindow({ start: NaN, end: 1 })).toEqual(DRAWABLE);
  });

  it('gives vis-timeline limits that never leave the range, for any data window', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
        fc.double({ min: 1, max: 1.7e16, noNaN: true }),
        (start, span) => {
          const { min, max, zoomMax } = timelineLimits({ start, end: start + span });
          expect(min).toBeGreaterThanOrEqual(DRAWABLE.start);
          expect(max).toBeLessThanOrEqual(DRAWABLE.end);
          expect(min).toBeLessThan(max);
          expect(zoomMax).toBeLessThanOrEqual(max - min);
          expect(zoomMax).toBeGreaterThan(0);
          const w = clampWindow({ start, end: start + span });
          expect(w.start).toBeGreaterThanOrEqual(DRAWABLE.start);
          expect(w.end).toBeLessThanOrEqual(DRAWABLE.end);
          expect(w.start).toBeLessThan(w.end);
        },
      ),
    );
  });

  it('zooms out to the whole span at most, and never outside it', () => {
    expect(zoomWindow({ start: 0, end: 100 }, 2)).toEqual({ start: -50, end: 150 });
    expect(zoomWindow({ start: DRAWABLE.end - 1e15, end: DRAWABLE.end }, 1e6)).toEqual(DRAWABLE);
  });

  it('clips items to it', () => {
    expect(clampItem(8.64e15)).toEqual({ start: DRAWABLE.end });
    expect(clampItem(-8.64e15, Y(2024))).toEqual({ start: DRAWABLE.start, end: Y(2024) });
  });
});
