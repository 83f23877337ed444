import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_YEAR, parseIsoDate, toIsoInstant, utcMs } from './dates';

const D = (s: string) => Date.parse(s);

describe('parseIsoDate', () => {
  it.each([
    ['2023', 'year', D('2023-01-01T00:00:00Z'), D('2024-01-01T00:00:00Z')],
    ['2023-12', 'month', D('2023-12-01T00:00:00Z'), D('2024-01-01T00:00:00Z')],
    ['2024-02', 'month', D('2024-02-01T00:00:00Z'), D('2024-03-01T00:00:00Z')],
    ['2023-12-21', 'day', D('2023-12-21T00:00:00Z'), D('2023-12-22T00:00:00Z')],
    ['2023-12-21T14', 'hour', D('2023-12-21T14:00:00Z'), D('2023-12-21T15:00:00Z')],
    ['2023-12-21T14:05Z', 'minute', D('2023-12-21T14:05:00Z'), D('2023-12-21T14:06:00Z')],
    ['2023-12-21T14:05', 'minute', D('2023-12-21T14:05:00Z'), D('2023-12-21T14:06:00Z')],
    ['2023-12-21T14:05:09Z', 'second', D('2023-12-21T14:05:09Z'), D('2023-12-21T14:05:10Z')],
    [
      '2023-12-21T14:05:09.120+02:00',
      'millisecond',
      D('2023-12-21T12:05:09.120Z'),
      D('2023-12-21T12:05:09.121Z'),
    ],
    [
      '2023-12-21T14:05:09.123456Z',
      'millisecond',
      D('2023-12-21T14:05:09.123Z'),
      D('2023-12-21T14:05:09.124Z'),
    ],
    ['2023-12-21 14:05:09-0530', 'second', D('2023-12-21T19:35:09Z'), D('2023-12-21T19:35:10Z')],
    ['+012023', 'year', utcMs(12023), utcMs(12024)],
    ['0000', 'year', utcMs(0), utcMs(1)],
    ['-0043-03-15', 'day', utcMs(-43, 2, 15), utcMs(-43, 2, 16)],
    ['0050-06', 'month', utcMs(50, 5), utcMs(50, 6)],
  ])('%s is %s precision [start, end)', (text, precision, start, end) => {
    const r = parseIsoDate(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.precision).toBe(precision);
    expect(r.value.start).toBe(start);
    expect(r.value.end).toBe(end);
  });

  it('keeps year 50 as year 50, not 1950', () => {
    const r = parseIsoDate('0050');
    expect(r.ok && new Date(r.value.start).getUTCFullYear()).toBe(50);
  });

  it('places deep time by mean Gregorian years outside the Date range', () => {
    const r = parseIsoDate('-013800000000');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.year).toBe(-13_800_000_000);
    expect(r.value.start).toBeCloseTo((-13_800_000_000 - 1970) * MS_PER_YEAR, -10);
    expect(r.value.end - r.value.start).toBeCloseTo(MS_PER_YEAR, -5);
  });

  it('widens to a coarser declared precision on the written wall clock', () => {
    const r = parseIsoDate('2023-12-21T01:00+02:00', 'day');
    expect(r.ok && r.value).toMatchObject({
      precision: 'day',
      start: D('2023-12-20T22:00:00Z'),
      end: D('2023-12-21T22:00:00Z'),
    });
    const m = parseIsoDate('2023-12-21', 'month');
    expect(m.ok && m.value).toMatchObject({ precision: 'month', start: D('2023-12-01T00:00:00Z') });
  });

  it('never claims more precision than was written', () => {
    const r = parseIsoDate('2023', 'day');
    expect(r.ok && r.value.precision).toBe('year');
  });

  it.each([
    '',
    'yesterday',
    '2023-13',
    '2023-02-30',
    '2023-12-21T25:00',
    '2023-12-21T14:61',
    '12/21/2023',
    '2023-1-5',
    '2023-12-21T14:05+25:00',
  ])('rejects %j with a reason', (text) => {
    const r = parseIsoDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIsoDate('2024-02-29').ok).toBe(true);
    expect(parseIsoDate('2023-02-29').ok).toBe(false);
    expect(parseIsoDate('1900-02-29').ok).toBe(false);
    expect(parseIsoDate('2000-02-29').ok).toBe(true);
  });
});

describe('toIsoInstant', () => {
  it.each([
    [D('2023-12-21T00:00:00Z'), '2023-12-21'],
    [D('2023-12-21T14:05:00Z'), '2023-12-21T14:05Z'],
    [D('2023-12-21T14:05:09Z'), '2023-12-21T14:05:09Z'],
    [D('2023-12-21T14:05:09.120Z'), '2023-12-21T14:05:09.120Z'],
  ])('%d → %s', (ms, text) => {
    expect(toIsoInstant(ms)).toBe(text);
  });

  it('round-trips every drawable millisecond through parseIsoDate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const r = parseIsoDate(toIsoInstant(ms));
        return r.ok && r.value.start === ms;
      }),
      { numRuns: 2000 },
    );
  });
});
