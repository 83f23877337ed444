import { describe, expect, it } from 'vitest';
import { clipText } from './clipText';

describe('clipText', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['one too long', 11, 'one too lo…'],
    ['', 3, ''],
  ])('%j at %i → %j', (s, max, out) => {
    expect(clipText(s, max)).toBe(out);
    expect(clipText(s, max).length).toBeLessThanOrEqual(max);
  });
});
