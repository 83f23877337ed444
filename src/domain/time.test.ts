import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoDate } from './dates';
import {
  axisLabel,
  calendarTicks,
  canonicalZone,
  drawnSpan,
  formatLinkInstant,
  instantAt,
  listedZoneName,
  offsetAt,
  startOfNextUnit,
  startOfUnit,
  wallAt,
} from './time';
import { zoneFields } from '../test/zoneFields';

// The independent computation: zoneFields reads a zone's calendar straight from Intl, not through this module.

/** Compares calendar field lists (year, month, day, …) of equal length. */
function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Zones with the awkward cases: DST both ways, a half-hour offset, a skipped day (Apia, 30 Dec 2011). */
const NAMED = [
  'Europe/Kyiv',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Apia',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Europe/London',
  'Africa/Casablanca',
  'America/Santiago',
  'Asia/Tehran',
];
const ALL: string[] = (
  Intl as unknown as { supportedValuesOf(k: string): string[] }
).supportedValuesOf('timeZone');
const zone = fc.oneof(fc.constantFrom(...NAMED), fc.constantFrom(...ALL), fc.constant('utc'));
const zoneName = (tz: string) => (tz === 'utc' ? 'UTC' : tz);

/** A calendar date as ISO text, years -3000..2300 (BCE, pre-1970, DST eras, the future). */
const isoDate = fc
  .record({
    y: fc.integer({ min: -3000, max: 2300 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .chain(({ y, m, d }) =>
    fc.constantFrom(...[28, 29, 30, 31].filter((n) => n >= d)).map((dd) => ({ y, m, d: dd })),
  )
  .filter(({ y, m, d }) => parseIsoDate(iso(y, m, d)).ok)
  .map(({ y, m, d }) => ({ y, m, d, text: iso(y, m, d) }));

function iso(y: number, m: number, d: number): string {
  const year =
    y >= 0 && y <= 9999
      ? String(y).padStart(4, '0')
      : (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Instants from 3000 BCE to 2300 CE. */
const instant = fc.integer({ min: -156_000_000_000_000, max: 10_400_000_000_000 });

describe('drawnSpan', () => {
  it('draws a day-precision event as exactly its local calendar day, in any zone', () => {
    fc.assert(
      fc.property(zone, isoDate, (tz, { y, m, d, text }) => {
        const parsed = parseIsoDate(text);
        if (!parsed.ok) throw new Error(text);
        const { start, end } = drawnSpan(parsed.value, tz);
        const z = zoneName(tz);
        const day = [y, m, d];
        const at = (t: number) => zoneFields(z, t).slice(0, 3);
        if (cmp(at(start), day) > 0) {
          // The zone skipped this day entirely: nothing of it to draw.
          expect(end).toBe(start);
          expect(cmp(at(start - 1), day)).toBeLessThan(0);
          return;
        }
        expect(at(start)).toEqual(day);
        expect(cmp(at(start - 1), day)).toBeLessThan(0);
        expect(at(end - 1)).toEqual(day);
        expect(cmp(at(end), day)).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it.each(['month', 'year'] as const)(
    'draws a %s-precision event as its local calendar %s',
    (p) => {
      fc.assert(
        fc.property(zone, isoDate, (tz, { y, m, text }) => {
          const parsed = parseIsoDate(text, p);
          if (!parsed.ok) throw new Error(text);
          const { start, end } = drawnSpan(parsed.value, tz);
          const unit = p === 'year' ? [y] : [y, m];
          const at = (t: number) => zoneFields(zoneName(tz), t).slice(0, unit.length);
          expect(at(start)).toEqual(unit);
          expect(cmp(at(start - 1), unit)).toBeLessThan(0);
          expect(at(end - 1)).toEqual(unit);
          expect(cmp(at(end), unit)).toBeGreaterThan(0);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('draws the calendar day a date with an offset was written on', () => {
    const parsed = parseIsoDate('2023-12-21T23:30+05:30', 'day');
    if (!parsed.ok) throw new Error('unreadable');
    const { start, end } = drawnSpan(parsed.value, 'America/New_York');
    expect(new Date(start).toISOString()).toBe('2023-12-21T05:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2023-12-22T05:00:00.000Z');
  });

  it('leaves exact times where they are', () => {
    const parsed = parseIsoDate('2023-12-21T14:05Z');
    if (!parsed.ok) throw new Error('unreadable');
    expect(drawnSpan(parsed.value, 'Asia/Kolkata')).toEqual({
      start: parsed.value.start,
      end: parsed.value.end,
    });
  });
});

describe('wallAt and instantAt', () => {
  it('read the same calendar fields as Intl, and find the first instant of a reading', () => {
    fc.assert(
      fc.property(zone, instant, (tz, t) => {
        const w = new Date(wallAt(tz, t));
        const expected = zoneFields(zoneName(tz), t);
        const got = [
          w.getUTCFullYear(),
          w.getUTCMonth() + 1,
          w.getUTCDate(),
          w.getUTCHours(),
          w.getUTCMinutes(),
          w.getUTCSeconds(),
        ];
        expect(got).toEqual(expected);
        const back = instantAt(tz, wallAt(tz, t));
        expect(back).toBeLessThanOrEqual(t);
        expect(wallAt(tz, back)).toBe(wallAt(tz, t));
      }),
      { numRuns: 500 },
    );
  });

  it('knows offsets across DST, half hours and local mean time', () => {
    expect(offsetAt('Europe/Kyiv', Date.parse('2023-07-01T12:00Z'))).toBe(180 * 60_000);
    expect(offsetAt('Europe/Kyiv', Date.parse('2023-12-21T12:00Z'))).toBe(120 * 60_000);
    expect(offsetAt('America/New_York', Date.parse('2023-12-21T12:00Z'))).toBe(-300 * 60_000);
    expect(offsetAt('Asia/Kolkata', Date.parse('2023-12-21T12:00Z'))).toBe(330 * 60_000);
    // Kyiv kept local mean time, +2:02:04, until 1880.
    expect(offsetAt('Europe/Kyiv', Date.parse('1850-01-01T00:00Z'))).toBe(
      (2 * 3600 + 2 * 60 + 4) * 1000,
    );
  });

  it('reads a skipped clock time as the change and a repeated one at its first instant', () => {
    // New York, 12 March 2023: 02:00 → 03:00; 5 November 2023: 02:00 → 01:00.
    expect(
      new Date(instantAt('America/New_York', Date.parse('2023-03-12T02:30Z'))).toISOString(),
    ).toBe('2023-03-12T07:00:00.000Z');
    expect(
      new Date(instantAt('America/New_York', Date.parse('2023-11-05T01:30Z'))).toISOString(),
    ).toBe('2023-11-05T05:30:00.000Z');
  });
});

describe('calendar units in a zone', () => {
  it.each([
    [
      'Europe/Kyiv',
      '2014-06-15T12:00Z',
      'year',
      '2013-12-31T22:00:00.000Z',
      '2014-12-31T22:00:00.000Z',
    ],
    [
      'America/New_York',
      '2014-06-15T12:00Z',
      'year',
      '2014-01-01T05:00:00.000Z',
      '2015-01-01T05:00:00.000Z',
    ],
    [
      'Asia/Kolkata',
      '2022-03-01T00:00Z',
      'month',
      '2022-02-28T18:30:00.000Z',
      '2022-03-31T18:30:00.000Z',
    ],
    [
      'Pacific/Apia',
      '2011-12-29T12:00Z',
      'day',
      '2011-12-29T10:00:00.000Z',
      '2011-12-30T10:00:00.000Z',
    ],
  ] as const)('%s at %s: the %s runs from %s to %s', (tz, at, unit, from, to) => {
    const t = Date.parse(at);
    expect(new Date(startOfUnit(tz, t, unit)).toISOString()).toBe(from);
    expect(new Date(startOfNextUnit(tz, t, unit)).toISOString()).toBe(to);
  });
});

describe('axisLabel', () => {
  it('names the local unit that starts at a tick', () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        fc.constantFrom('year', 'month', 'day') as fc.Arbitrary<'year' | 'month' | 'day'>,
        (tz, t, unit) => {
          const tick = startOfUnit(tz, t, unit);
          const [y, m, d] = zoneFields(zoneName(tz), tick);
          const year = y! >= 1 ? String(y) : `${1 - y!} BCE`;
          const month = new Intl.DateTimeFormat('en-US', {
            month: 'short',
            timeZone: 'UTC',
          }).format(Date.UTC(2000, m! - 1, 15));
          const expected = unit === 'year' ? year : unit === 'month' ? month : String(d);
          expect(axisLabel(tick, unit, 'minor', tz)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['Europe/Kyiv', '2013-12-31T22:00Z', 'month', 'minor', 'Jan'],
    ['Europe/Kyiv', '2013-12-31T22:00Z', 'month', 'major', '2014'],
    ['America/New_York', '2014-01-01T05:00Z', 'year', 'minor', '2014'],
    ['Asia/Kolkata', '2023-12-21T08:30Z', 'hour', 'minor', '14:00'],
    ['utc', '-002208988800000', 'day', 'major', 'January 1900'],
  ] as const)('%s at %s, %s %s label: %s', (tz, at, scale, kind, text) => {
    const t = /^-?\d+$/.test(at) ? Number(at) : Date.parse(at);
    expect(axisLabel(t, scale, kind, tz)).toBe(text);
  });
});

describe('formatLinkInstant', () => {
  it.each([
    [Date.parse('2014-06-01T00:00:00Z'), '2014-06-01T00:00Z'],
    [Date.parse('2023-12-21T14:05:09.120Z'), '2023-12-21T14:05:09.120Z'],
    [Date.parse('2023-12-21T14:05:09Z'), '2023-12-21T14:05:09Z'],
  ])('%i → %s', (ms, text) => expect(formatLinkInstant(ms)).toBe(text));

  it('always writes a time and reads back to the millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const text = formatLinkInstant(ms);
        expect(text).toMatch(/T\d{2}:\d{2}/);
        const back = parseIsoDate(text);
        expect(back.ok && back.value.start).toBe(ms);
      }),
    );
  });
});

describe('canonicalZone', () => {
  it.each([
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['europe/kiev', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Pacific/Apia', 'Pacific/Apia'],
    ['UTC', 'utc'],
    ['utc', 'utc'],
    ['local', 'local'],
    ['Mars/Olympus_Mons', undefined],
    ['<script>', undefined],
  ])('%s → %s', (given, expected) => expect(canonicalZone(given)).toBe(expected));
});

describe('listedZoneName', () => {
  it("names every zone of the runtime's list as canonicalZone does, without asking Intl", () => {
    const listed = (
      Intl as unknown as { supportedValuesOf(k: string): string[] }
    ).supportedValuesOf('timeZone');
    expect(listed.length).toBeGreaterThan(300);
    const differ = listed.filter((z) => listedZoneName(z) !== canonicalZone(z));
    expect(differ).toEqual([]);
    expect(listedZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(listedZoneName('UTC')).toBe('utc');
  });
});

describe("calendarTicks (the histogram's axis)", () => {
  const utc = (iso: string) => Date.parse(iso);
  const iso = (ms: number) => new Date(ms).toISOString();

  it('marks the starts of years where a range spans years: 2022 begins at 1 Jan 2022, not where 2022 is reached', () => {
    // The UCDP sample's window: labels at even fractions named "2022" a point in late 2021's bars.
    const range = { start: utc('2013-08-08T12:00:00Z'), end: utc('2023-08-19T12:00:00Z') };
    const ticks = calendarTicks(range, 'utc', 6);
    expect(ticks.map((t) => iso(t.at))).toEqual([
      '2014-01-01T00:00:00.000Z',
      '2016-01-01T00:00:00.000Z',
      '2018-01-01T00:00:00.000Z',
      '2020-01-01T00:00:00.000Z',
      '2022-01-01T00:00:00.000Z',
    ]);
    expect(ticks.every((t) => t.precision === 'year')).toBe(true);
  });

  it('steps in months, days and hours as the range narrows', () => {
    const months = calendarTicks(
      { start: utc('2022-01-20T00:00Z'), end: utc('2022-07-02T00:00Z') },
      'utc',
    );
    expect(months.map((t) => iso(t.at).slice(0, 10))).toEqual([
      '2022-02-01',
      '2022-03-01',
      '2022-04-01',
      '2022-05-01',
      '2022-06-01',
      '2022-07-01',
    ]);
    expect(months[0]!.precision).toBe('month');
    const days = calendarTicks(
      { start: utc('2022-03-01T06:00Z'), end: utc('2022-03-05T06:00Z') },
      'utc',
    );
    expect(days.map((t) => iso(t.at).slice(0, 10))).toEqual([
      '2022-03-02',
      '2022-03-03',
      '2022-03-04',
      '2022-03-05',
    ]);
    const hours = calendarTicks(
      { start: utc('2022-03-01T06:10Z'), end: utc('2022-03-01T09:00Z') },
      'utc',
    );
    expect(hours.map((t) => iso(t.at).slice(11, 16))).toEqual(['07:00', '08:00', '09:00']);
    expect(hours[0]!.precision).toBe('minute');
  });

  it("marks the zone's own midnights and new years", () => {
    const kyiv = calendarTicks(
      { start: utc('2013-08-08T12:00:00Z'), end: utc('2023-08-19T12:00:00Z') },
      'Europe/Kyiv',
    );
    expect(iso(kyiv[0]!.at)).toBe('2013-12-31T22:00:00.000Z');
    const days = calendarTicks(
      { start: utc('2022-03-01T06:00Z'), end: utc('2022-03-05T06:00Z') },
      'America/New_York',
    );
    expect(iso(days[0]!.at)).toBe('2022-03-02T05:00:00.000Z');
  });

  it('gives at most the number asked for, ascending, inside the range, for any range', () => {
    const t = fc.oneof(
      fc.integer({ min: Date.UTC(-3000, 0, 1), max: Date.UTC(3000, 0, 1) }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      // The calendar's ends, where zones' offsets are read at its edge.
      fc.integer({ min: -8.64e15, max: -8.6e15 }),
      fc.integer({ min: 8.6e15, max: 8.64e15 }),
    );
    fc.assert(
      fc.property(
        t,
        t,
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('utc', 'Asia/Kolkata', 'Europe/London'),
        (a, b, max, tz) => {
          const range = { start: Math.min(a, b), end: Math.max(a, b) };
          const ticks = calendarTicks(range, tz, max);
          expect(ticks.length).toBeLessThanOrEqual(max);
          for (let k = 0; k < ticks.length; k++) {
            expect(ticks[k]!.at).toBeGreaterThanOrEqual(range.start);
            expect(ticks[k]!.at).toBeLessThanOrEqual(range.end);
            if (k > 0) expect(ticks[k]!.at).toBeGreaterThan(ticks[k - 1]!.at);
          }
          // A range longer than the finest step, asked for four or more, always has a mark.
          // (Within two days of the calendar's ends there are none: see calendarTicks.)
          const span = range.end - range.start;
          const inside = Math.max(Math.abs(range.start), Math.abs(range.end)) < 8.6e15;
          if (max >= 4 && ((inside && span > 2 * 60_000) || span > 5 * 86_400_000))
            expect(ticks.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('has nothing to mark beyond the drawable calendar', () => {
    expect(calendarTicks({ start: -1e17, end: 0 }, 'utc')).toEqual([]);
  });

  it("starts from the calendar's first day where a step's start lies before it", () => {
    // The first step's start (a multiple of its years) is before -271821, where no Date reads it.
    for (const range of [
      { start: -8.64e15, end: -8.63e15 },
      { start: -8.64e15, end: 0 },
      { start: -8.5e15, end: 8.5e15 },
    ]) {
      // London's local mean time reads the calendar's first instant a minute before it.
      for (const tz of ['utc', 'Europe/London']) {
        const ticks = calendarTicks(range, tz);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.every((t) => t.at >= range.start && t.at <= range.end)).toBe(true);
      }
      const ticks = calendarTicks(range, 'utc');
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.every((t) => t.at >= range.start && t.at <= range.end)).toBe(true);
    }
  });
});
