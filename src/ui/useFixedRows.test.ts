import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow } from './useFixedRows';

describe('rowWindow', () => {
  it('draws every row that shows, and at most the overscan more on each side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0, max: 7e7, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        (count, rowPx, overscan, top, height) => {
          const { first, end } = rowWindow(count, rowPx, overscan, top, height);
          expect(0 <= first && first <= end && end <= count).toBe(true);
          // Every row overlapping [top, top + height) is drawn; a viewport of no height shows none.
          for (
            let r = Math.floor(top / rowPx);
            height > 0 && r * rowPx < top + height && r < count;
            r++
          ) {
            expect(r >= first && r < end).toBe(true);
          }
          // No more than the overscan beyond what shows.
          expect(first).toBeGreaterThanOrEqual(Math.min(count, Math.floor(top / rowPx)) - overscan);
          expect(end).toBeLessThanOrEqual(Math.ceil((top + height) / rowPx) + overscan);
        },
      ),
    );
  });
});
