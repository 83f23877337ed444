import { describe, expect, it } from 'vitest';
import { fitCount } from './foldToFit';

describe('fitCount', () => {
  it.each([
    // widths, room, gap, menu, expected
    [[100, 100, 100], 330, 10, 80, 3], // all fit exactly: no menu needed
    [[100, 100, 100], 329, 10, 80, 2], // one short: the last folds into the menu
    [[100, 100, 100], 300, 10, 80, 1], // the menu's own room folds one more
    [[100, 100, 100], 400, 10, 80, 3],
    [[100, 100, 100], 90, 10, 80, 0], // not even the menu's neighbour fits
    [[50, 300, 50], 300, 10, 80, 1], // a wide item folds, and the small one after it goes with it (stable order)
    [[], 0, 10, 80, 0],
  ])('%j in %i px (gap %i, menu %i) keeps %i', (widths, room, gap, menu, expected) => {
    expect(fitCount(widths, room, gap, menu)).toBe(expected);
  });

  it('never keeps items whose widths add up past the room', () => {
    for (let seed = 1; seed < 200; seed++) {
      const widths = Array.from(
        { length: (seed % 9) + 1 },
        (_, k) => ((seed * 37 + k * 53) % 180) + 20,
      );
      const room = (seed * 97) % 1200;
      const n = fitCount(widths, room, 8, 100);
      const kept = widths.slice(0, n).reduce((s, w) => s + w + 8, 0);
      expect(kept + (n < widths.length ? 108 : 0)).toBeLessThanOrEqual(Math.max(room, 108));
      if (n < widths.length && n > 0) expect(kept + widths[n]! + 8 + 108).toBeGreaterThan(room);
    }
  });
});
