import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { histogram } from './histogram';
import { normaliseDocument } from './normalise';

describe('histogram', () => {
  const starts = ['2023-01-15', '2023-01-20', '2023-03-02', '2023-12-31T23:59Z'];
  const index = buildIndex(
    normaliseDocument({ events: starts.map((s, i) => ({ id: `e${i}`, title: 't', start: s })) }),
  );

  it('counts matching events by start in calendar bins', () => {
    const h = histogram(
      index,
      index.all,
      { start: Date.parse('2023-01-01T00:00:00Z'), end: Date.parse('2024-01-01T00:00:00Z') },
      12,
    );
    expect(h.unit.label).toBe('1 month');
    expect(Array.from(h.counts)).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(h.max).toBe(2);
  });

  it('counts only matches', () => {
    const h = histogram(
      index,
      Bitset.of(index.size, [0]),
      { start: Date.parse('2023-01-01T00:00:00Z'), end: Date.parse('2024-01-01T00:00:00Z') },
      12,
    );
    expect(Array.from(h.counts).reduce((a, b) => a + b, 0)).toBe(1);
  });
});
