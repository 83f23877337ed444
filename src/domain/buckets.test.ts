import { describe, expect, it } from 'vitest';
import { bucketFloor, bucketNext, chooseUnit } from './buckets';

const D = (s: string) => Date.parse(s);

describe('bucket boundaries', () => {
  it.each([
    [3_600_000, '1 hour', '2023-12-21T14:35:10Z', '2023-12-21T14:00:00Z', '2023-12-21T15:00:00Z'],
    [86_400_000, '1 day', '2023-12-21T14:35:10Z', '2023-12-21T00:00:00Z', '2023-12-22T00:00:00Z'],
    [
      20 * 86_400_000,
      '1 month',
      '2024-02-29T10:00:00Z',
      '2024-02-01T00:00:00Z',
      '2024-03-01T00:00:00Z',
    ],
    [
      80 * 86_400_000,
      '3 months',
      '2023-12-21T00:00:00Z',
      '2023-10-01T00:00:00Z',
      '2024-01-01T00:00:00Z',
    ],
    [
      300 * 86_400_000,
      '1 year',
      '2023-12-21T00:00:00Z',
      '2023-01-01T00:00:00Z',
      '2024-01-01T00:00:00Z',
    ],
    [
      4 * 365 * 86_400_000,
      '5 years',
      '2023-12-21T00:00:00Z',
      '2020-01-01T00:00:00Z',
      '2025-01-01T00:00:00Z',
    ],
  ])('minimum %i ms → %s; %s falls in [%s, %s)', (min, label, t, from, to) => {
    const u = chooseUnit(min);
    expect(u.label).toBe(label);
    const b = bucketFloor(D(t), u);
    expect(b).toBe(D(from));
    expect(bucketNext(b, u)).toBe(D(to));
  });

  it('months are calendar months, not 30-day blocks', () => {
    const u = chooseUnit(20 * 86_400_000);
    let b = bucketFloor(D('2023-01-15T00:00:00Z'), u);
    const starts = [];
    for (let i = 0; i < 3; i++) {
      starts.push(new Date(b).toISOString().slice(0, 10));
      b = bucketNext(b, u);
    }
    expect(starts).toEqual(['2023-01-01', '2023-02-01', '2023-03-01']);
  });

  it('floors BCE years to multiples of the unit', () => {
    const u = chooseUnit(80 * 365 * 86_400_000);
    expect(u.label).toBe('100 years');
    const b = bucketFloor(Date.UTC(0, 0, 1) - 150 * 365.25 * 86_400_000, u);
    expect(new Date(b).getUTCFullYear() % 100).toBe(0);
  });
});
