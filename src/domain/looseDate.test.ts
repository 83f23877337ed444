import fc from 'fast-check';
import { readLooseDate } from './looseDate';

describe('readLooseDate', () => {
  it.each([
    ['2023-12-21', 'dmy', '2023-12-21', 'day'],
    ['2023-12', 'mdy', '2023-12', 'month'],
    ['2023', 'dmy', '2023', 'year'],
    ['2023-12-21T14:05Z', 'dmy', '2023-12-21T14:05Z', 'minute'],
    ['21/12/2023', 'dmy', '2023-12-21', 'day'],
    ['12/21/2023', 'mdy', '2023-12-21', 'day'],
    ['03/04/2023', 'dmy', '2023-04-03', 'day'],
    ['03/04/2023', 'mdy', '2023-03-04', 'day'],
    ['3.4.2023', 'dmy', '2023-04-03', 'day'],
    ['2023/12/21', 'mdy', '2023-12-21', 'day'],
    ['21/12/23', 'dmy', '2023-12-21', 'day'],
    ['21/12/99', 'dmy', '1999-12-21', 'day'],
    ['12/2023', 'dmy', '2023-12', 'month'],
    ['21 December 2023', 'mdy', '2023-12-21', 'day'],
    ['21 Dec 2023', 'mdy', '2023-12-21', 'day'],
    ['21-Dec-2023', 'mdy', '2023-12-21', 'day'],
    ['December 21, 2023', 'dmy', '2023-12-21', 'day'],
    ['Sept 5 2023', 'dmy', '2023-09-05', 'day'],
    ['Dec 2023', 'dmy', '2023-12', 'month'],
    ['21/12/2023 14:05', 'dmy', '2023-12-21T14:05', 'minute'],
    ['12/21/2023 2:05 PM', 'mdy', '2023-12-21T14:05', 'minute'],
    ['12/21/2023, 12:30:09 am', 'mdy', '2023-12-21T00:30:09', 'second'],
    ['2023-12-21 09:30+02:00', 'dmy', '2023-12-21 09:30+02:00', 'minute'],
  ] as const)('reads %s (%s) as %s', (text, order, start, precision) => {
    expect(readLooseDate(text, order)).toEqual({ ok: true, start, precision });
  });

  it('takes the time from its own column', () => {
    expect(readLooseDate('21/12/2023', 'dmy', '14:05:09')).toEqual({
      ok: true,
      start: '2023-12-21T14:05:09',
      precision: 'second',
    });
    expect(readLooseDate('2023-12-21', 'dmy', '9:30 pm')).toEqual({
      ok: true,
      start: '2023-12-21T21:30',
      precision: 'minute',
    });
  });

  it.each([
    ['', 'dmy', /empty/],
    ['31/02/2023', 'dmy', /not a real date/],
    ['12/21/2023', 'dmy', /not a real date/],
    ['yesterday', 'dmy', /not a date/],
    ['Foo 12 2023', 'dmy', /not a date/],
    ['2023-12 14:05', 'dmy', /time but no day/],
  ] as const)('refuses %s (%s) in words', (text, order, why) => {
    const r = readLooseDate(text, order);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('refuses a time that is no time', () => {
    const r = readLooseDate('21/12/2023', 'dmy', '25:99');
    expect(r).toEqual({ ok: false, error: '"25:99" is not a time of day' });
  });

  it('reads any day of the Gregorian calendar in every order and never throws', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        fc.string(),
        (date, junk) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          expect(readLooseDate(`${d}/${m}/${y}`, 'dmy')).toMatchObject({ ok: true, start: iso });
          expect(readLooseDate(`${m}/${d}/${y}`, 'mdy')).toMatchObject({ ok: true, start: iso });
          expect(() => readLooseDate(junk, 'dmy', junk)).not.toThrow();
        },
      ),
    );
  });
});

describe('readLooseDate: dates as real exports write them', () => {
  it.each([
    ['2023-12-21 14:05:09', 'dmy', '2023-12-21 14:05:09', 'second'],
    ['14.08.2020 14:05', 'dmy', '2020-08-14T14:05', 'minute'],
    ['20220224', 'dmy', '2022-02-24', 'day'],
    ['20220224', 'mdy', '2022-02-24', 'day'],
    ['20220224140509', 'dmy', '2022-02-24T14:05:09', 'second'],
    ['20220224T1405', 'dmy', '2022-02-24T14:05', 'minute'],
  ] as const)('reads %s (%s) as %s', (text, order, start, precision) => {
    expect(readLooseDate(text, order)).toEqual({ ok: true, start, precision });
  });

  it('refuses a compact date that does not exist', () => {
    expect(readLooseDate('20220231', 'dmy').ok).toBe(false);
  });

  it('marks a midnight time without zone, and reads it as the day when told it is a placeholder', () => {
    expect(readLooseDate('14/08/2020 00:00:00', 'dmy')).toEqual({
      ok: true,
      start: '2020-08-14T00:00:00',
      precision: 'second',
      midnight: true,
    });
    expect(readLooseDate('14/08/2020 00:00:00', 'dmy', '', { midnightIsDay: true })).toEqual({
      ok: true,
      start: '2020-08-14',
      precision: 'day',
    });
    expect(readLooseDate('2023-10-07 00:00', 'dmy', '', { midnightIsDay: true })).toEqual({
      ok: true,
      start: '2023-10-07',
      precision: 'day',
    });
    // A midnight with a zone is a real instant.
    expect(readLooseDate('2023-10-07T00:00Z', 'dmy', '', { midnightIsDay: true })).toMatchObject({
      start: '2023-10-07T00:00Z',
      precision: 'minute',
    });
    // Any other time is kept.
    expect(readLooseDate('07/10/2023 00:00:01', 'dmy', '', { midnightIsDay: true })).toMatchObject({
      precision: 'second',
    });
  });

  it.each([
    ['45000', 'excel', '2023-03-15', 'day'],
    ['45000.5', 'excel', '2023-03-15T12:00:00Z', 'second'],
    ['1', 'excel', '1900-01-01', 'day'],
    ['61', 'excel', '1900-03-01', 'day'],
    ['1703116800', 'unix-s', '2023-12-21T00:00:00Z', 'second'],
    ['1703116800123', 'unix-ms', '2023-12-21T00:00:00.123Z', 'millisecond'],
  ] as const)('reads the number %s as %s: %s', (text, kind, start, precision) => {
    expect(readLooseDate(text, 'dmy', '', { kind })).toEqual({ ok: true, start, precision });
  });

  it.each([
    ['21/12/2023', 'excel', /not a number/],
    ['0', 'excel', /outside Excel/],
    ['1e30', 'unix-ms', /not a number/],
    ['99999999999999999', 'unix-s', /out of range/],
  ] as const)('refuses %s as %s', (text, kind, why) => {
    const r = readLooseDate(text, 'dmy', '', { kind });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  const MONTHS = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  it('reads any day written in any supported layout back to the same day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        fc.constantFrom('dmy', 'mdy', 'ymd'),
        (date, order) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-') as [string, string, string];
          const month = MONTHS[Number(m) - 1]!;
          const numeric =
            order === 'dmy'
              ? `${d}/${m}/${y}`
              : order === 'mdy'
                ? `${m}/${d}/${y}`
                : `${y}/${m}/${d}`;
          const layouts = [
            numeric,
            `${numeric} 00:00:00`,
            `${numeric.replace(/\//g, '.')} 00:00`,
            `${y}${m}${d}`,
            `${iso} 00:00:00`,
            `${Number(d)} ${month} ${y}`,
            `${month} ${Number(d)}, ${y}`,
          ];
          for (const text of layouts)
            expect(readLooseDate(text, order, '', { midnightIsDay: true })).toEqual({
              ok: true,
              start: iso,
              precision: 'day',
            });
          const serial = (Date.UTC(+y, +m - 1, +d) - Date.UTC(1899, 11, 30)) / 86_400_000;
          if (serial >= 61)
            expect(readLooseDate(String(serial), order, '', { kind: 'excel' })).toMatchObject({
              start: iso,
            });
        },
      ),
    );
  });
});
