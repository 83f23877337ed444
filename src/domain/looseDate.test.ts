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
