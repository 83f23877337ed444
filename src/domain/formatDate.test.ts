import { describe, expect, it } from 'vitest';
import { normaliseDocument } from './normalise';
import { dateKnowledge, formatEventDate, isValidTimeZone } from './formatDate';

function ev(fields: Record<string, unknown>) {
  return normaliseDocument({ events: [{ id: 'a', title: 'A', ...fields }] }).events[0]!;
}

describe('formatEventDate', () => {
  it.each([
    [{ start: '2023' }, 'utc', '2023'],
    [{ start: '2023', approximate: true }, 'utc', 'c. 2023'],
    [{ start: '2023-12' }, 'utc', 'Dec 2023'],
    [{ start: '2023-12' }, 'America/New_York', 'Dec 2023'],
    [{ start: '2023-12-21' }, 'Asia/Tokyo', '21 Dec 2023'],
    [{ start: '2023-12-21' }, 'America/New_York', '21 Dec 2023'],
    [{ start: '2023-12-21T23:30+05:30', precision: 'day' }, 'Pacific/Apia', '21 Dec 2023'],
    [{ start: '2023-07-01T21:30Z' }, 'Europe/Kyiv', '2 Jul 2023, 00:30 EEST'],
    [{ start: '2023-12-21T14:05Z' }, 'utc', '21 Dec 2023, 14:05 UTC'],
    [{ start: '2023-12-21T14:05Z' }, 'Asia/Tokyo', '21 Dec 2023, 23:05 GMT+9'],
    [{ start: '2023-12-21T14:05:09.120Z' }, 'utc', '21 Dec 2023, 14:05:09.120 UTC'],
    [{ start: '2012-01-03', end: '2012-01-05' }, 'utc', '3 Jan 2012 – 5 Jan 2012'],
    [{ start: '-0043-03-15' }, 'utc', '15 Mar 44 BCE'],
    [{ start: '-013800000000' }, 'utc', '13.8 billion BCE'],
  ])('%j in %s reads %s', (fields, tz, text) => {
    expect(formatEventDate(ev(fields), tz)).toBe(text);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['utc', true],
    ['local', true],
    ['Europe/Kyiv', true],
    ['Mars/Olympus_Mons', false],
    ['<script>', false],
  ])('%s → %s', (tz, valid) => expect(isValidTimeZone(tz)).toBe(valid));
});

describe('dateKnowledge', () => {
  it('says how the date is known and what was written', () => {
    expect(dateKnowledge(ev({ start: '2017-04-14', end: '2017-04-21', approximate: true }))).toBe(
      'known to the day, approximate; written “2017-04-14” to “2017-04-21”',
    );
    expect(dateKnowledge(ev({ start: '2023-12' }))).toBe('known to the month; written “2023-12”');
  });
});
