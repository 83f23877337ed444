import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './formatCount';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [1000, '1,000'],
    [3883, '3,883'],
    [100000, '100,000'],
    [1e10, '10,000,000,000'],
    [-1234567, '-1,234,567'],
    [1234.5678, '1,234.568'],
  ])('%d reads %s', (n, s) => expect(formatCount(n)).toBe(s));

  it("writes integers as toLocaleString('en') does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
    );
  });

  it("writes decimals as toLocaleString('en') does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 999 }), (w, f) => {
        const n = w + f / 1000;
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
    );
  });
});
