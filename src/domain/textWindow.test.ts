import { describe, expect, it } from 'vitest';
import { firstWindow, moreWindow } from './textWindow';

describe('text windows', () => {
  it('starts with one step, or the whole of a short text', () => {
    expect(firstWindow(100_000, 2000)).toEqual({ start: 0, end: 2000 });
    expect(firstWindow(50, 2000)).toEqual({ start: 0, end: 50 });
  });

  it('grows by a step and never lays out more than the maximum, reaching the end', () => {
    let w = firstWindow(1_000_000, 2000);
    const seen: number[] = [];
    while (w.end < 1_000_000) {
      w = moreWindow(w, 1_000_000, 2000, 10_000);
      seen.push(w.end - w.start);
    }
    expect(Math.max(...seen)).toBe(10_000);
    expect(w).toEqual({ start: 990_000, end: 1_000_000 });
    expect(moreWindow({ start: 0, end: 4000 }, 5000, 2000, 10_000)).toEqual({
      start: 0,
      end: 5000,
    });
  });
});
