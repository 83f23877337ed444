import { describe, expect, it } from 'vitest';
import { bucketLabelShift } from './bucketLabels';

const canvas = { left: 100, right: 900 };

describe('bucketLabelShift', () => {
  it.each([
    ['a bucket wholly on screen keeps its label in the middle', { left: 200, right: 300 }, 0],
    // Cut at the right edge: the middle of 850..900 is 875, 75 left of the bucket's middle (950).
    [
      'a bucket cut by the right edge moves it left, into what shows',
      { left: 850, right: 1050 },
      -75,
    ],
    // Cut at the left edge: the middle of 100..150 is 125, the bucket's is 50.
    ['a bucket cut by the left edge moves it right', { left: -50, right: 150 }, 75],
    ['no further than the bucket’s own end', { left: 860, right: 960 }, -30],
    ['hidden where too little shows for the whole number', { left: 880, right: 1000 }, 'hidden'],
    ['a bucket too narrow for its label leaves it', { left: 880, right: 910 }, 0],
    ['a bucket off screen leaves it', { left: 950, right: 1100 }, 0],
  ])('%s', (_, box, shift) => expect(bucketLabelShift(box, canvas, 40)).toBe(shift));
});
