import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, type LoadOutcome } from '../loadDataset';
import { htmlToPlainText } from './plainText';
import { timelineJsDate } from './timelinejs';
import { timesketchTime } from './timesketch';

const THIRD_PARTY = 'fixtures/third-party';
const load = (rel: string): Extract<LoadOutcome, { ok: true }> => {
  const o = loadDataset(
    new Uint8Array(readFileSync(resolve(THIRD_PARTY, rel))),
    rel.split('/').pop()!,
  );
  if (!o.ok) throw new Error(o.error.message);
  return o;
};

describe('htmlToPlainText', () => {
  it('keeps text and links, drops markup and scripts', () => {
    expect(
      htmlToPlainText(
        'Romney <a href="http://x.org/a?b=1&amp;c=2">wins</a> in <b>NH</b>.<script>alert(1)</script><p>Next&nbsp;para</p>',
      ),
    ).toEqual({
      text: 'Romney wins in NH.Next para',
      links: [{ title: 'wins', url: 'http://x.org/a?b=1&c=2' }],
    });
  });
});

describe('timelineJsDate', () => {
  it.each([
    [{ year: '2012', month: '1', day: '3' }, '2012-01-03'],
    [
      { year: '1908', month: '05', day: '13', hour: '14', minute: '5', second: '9' },
      '1908-05-13T14:05:09Z',
    ],
    [{ year: '-13800000000' }, '-13800000000'],
    [{ year: '602' }, '0602'],
    [{ year: 1985, month: 6 }, '1985-06'],
    [{ year: '' }, undefined],
  ])('%j → %s', (d, iso) => expect(timelineJsDate(d)).toBe(iso));
});

describe('timesketchTime', () => {
  it.each([
    [
      { datetime: '2015-07-24T19:01:01+00:00', timestamp: 1437764461000000 },
      { iso: '2015-07-24T19:01:01+00:00' },
    ],
    [{ datetime: '2017-09-24 19:01:01' }, { iso: '2017-09-24T19:01:01' }],
    [{ datetime: '1723474994349345' }, { iso: '2024-08-12T15:03:14.349Z' }],
    [{ datetime: '', timestamp: '1435789661000000' }, { iso: '2015-07-01T22:27:41.000Z' }],
    [{ datetime: ' ', timestamp: '' }, { error: 'no datetime and no timestamp' }],
  ])('%j', (row, expected) => expect(timesketchTime(row)).toEqual(expected));
});

describe('real files from public projects (fixtures/third-party)', () => {
  it('TimelineJS republican primaries: 13 day-precision events, HTML links kept as sources', () => {
    const o = load('timelinejs/republican-primaries-2012.json');
    expect(o.format).toBe('timelinejs');
    expect(o.dataset.events).toHaveLength(13);
    const iowa = o.dataset.events.find((e) => e.title === 'Iowa')!;
    expect(iowa.startText).toBe('2012-01-03');
    expect(iowa.precision).toBe('day');
    expect(iowa.description).not.toMatch(/<a /);
    const nh = o.dataset.events.find((e) => e.title === 'New Hampshire')!;
    expect(nh.sources.some((s) => s.url?.startsWith('http://www.nytimes.com/2012/01/11/'))).toBe(
      true,
    );
  });

  it('TimelineJS cosmo-mixed: deep time loads, beyond what the axis can draw', () => {
    const o = load('timelinejs/cosmo-mixed.json');
    expect(o.dataset.events).toHaveLength(11);
    const bang = o.dataset.events.find((e) => e.title === 'The Big Bang')!;
    expect(bang.precision).toBe('year');
    expect(bang.start).toBeLessThan(-4e20);
  });

  it('TimelineJS eras become labelled periods; groups become types; ranges kept', () => {
    const o = load('timelinejs/eras.json');
    expect(o.dataset.events).toHaveLength(20);
    expect(o.dataset.periods.map((p) => p.label)).toContain('Era Test 650-700');
    const wic = load('timelinejs/women_in_computing.json');
    expect(wic.dataset.events).toHaveLength(10);
    expect(wic.dataset.events.some((e) => e.hasEnd)).toBe(true);
    const twain = load('timelinejs/marktwain.json');
    expect(twain.dataset.events).toHaveLength(17);
    expect(twain.dataset.events.some((e) => e.precision === 'second')).toBe(true);
  });

  it('Timesketch evtx CSV: 13 records with multi-line XML cells, extra columns kept', () => {
    const o = load('timesketch/evtx_part.csv');
    expect(o.format).toBe('timesketch-csv');
    expect(o.dataset.events).toHaveLength(13);
    const e = o.dataset.events[0]!;
    expect(e.start).toBe(Date.parse('2012-03-14T04:17:38.276Z'));
    expect(e.precision).toBe('millisecond');
    expect(String(e.other.xml_string)).toContain('<System>');
    expect(e.actors).toHaveLength(1);
  });

  it('Timesketch JSONL with heterogeneous keys', () => {
    const o = load('timesketch/sigma_events.jsonl');
    expect(o.format).toBe('timesketch-jsonl');
    expect(o.dataset.events).toHaveLength(5);
    expect(o.dataset.events[0]!.type).toBe('Write time');
  });

  it.each([
    // "1234 19:01:01" is rejected with its row; bad epochs defer to the datetime with a warning.
    ['invalid_datetime.csv', 3, 1],
    // A blank datetime falls back to the timestamp and a blank timestamp to the datetime.
    ['validate_no_datetime_timestamps.csv', 5, 0],
    // 1601 and 2227 are ordinary dates here (Timesketch's pandas limits do not apply).
    ['validate_time_out_of_range.csv', 2, 0],
    ['validate_time_precision.csv', 2, 0],
    ['csv_timestamp_as_datetime.csv', 4, 0],
    ['validate_time_precision_jsonl.jsonl', 2, 0],
    ['large_field_event.jsonl', 3, 0],
  ])('Timesketch edge case %s: %i load, %i reported', (file, loaded, rejected) => {
    const o = load(`timesketch/edge-cases/${file}`);
    expect(o.dataset.events).toHaveLength(loaded);
    expect(o.dataset.issues.filter((i) => i.severity === 'error')).toHaveLength(rejected);
  });
});
