import { describe, expect, it } from 'vitest';
import { LIST_SHARE, readLayout } from './layoutStore';

describe('readLayout', () => {
  it.each([
    [null, { entities: true, details: true, list: true }, LIST_SHARE.initial],
    ['not json', { entities: true, details: true, list: true }, LIST_SHARE.initial],
    [
      '{"open":{"entities":false},"listShare":50}',
      { entities: false, details: true, list: true },
      50,
    ],
    [
      '{"open":{"list":"no"},"listShare":500}',
      { entities: true, details: true, list: true },
      LIST_SHARE.max,
    ],
    ['{"listShare":-3}', { entities: true, details: true, list: true }, LIST_SHARE.min],
  ])('%s', (raw, open, share) => {
    expect(readLayout(raw)).toEqual({ open, listShare: share });
  });
});
