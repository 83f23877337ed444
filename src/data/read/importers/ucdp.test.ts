import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../decodeText';
import { loadDataset } from '../loadDataset';
import { importUcdp, ucdpDate, ucdpSources } from './ucdp';

const FILE = 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv';

describe('ucdpDate: both month-first layouts', () => {
  it.each([
    ['1/22/2014 12:00:00 AM', '2014-01-22'],
    ['12/3/2015 12:00:00 AM', '2015-12-03'],
    ['05/02/2014 00:00', '2014-05-02'],
    ['2014-05-02', '2014-05-02'],
    ['22/1/2014', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (text, iso) => expect(ucdpDate(text)).toBe(iso));
});

describe('ucdpSources', () => {
  it('splits the quoted list into publisher, date and headline', () => {
    expect(
      ucdpSources(
        '"Agence France Presse,2014-01-22,Police disperse Kiev protest, activists say one shot dead";"Reuters News,2014-01-23,Second"',
      ),
    ).toEqual([
      {
        publisher: 'Agence France Presse',
        published: '2014-01-22',
        title: 'Police disperse Kiev protest, activists say one shot dead',
      },
      { publisher: 'Reuters News', published: '2014-01-23', title: 'Second' },
    ]);
  });
});

describe('the real UCDP GED Ukraine file', () => {
  const bytes = readFileSync(FILE);
  const outcome = loadDataset(new Uint8Array(bytes), 'UCDP-Ukraine.csv');

  it('is detected as UCDP and decoded as Windows-1252', () => {
    expect(outcome.ok && [outcome.format, outcome.encoding]).toEqual(['ucdp', 'Windows-1252']);
  });

  it('loads all 3,883 rows with no rejection', () => {
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.dataset.events).toHaveLength(3883);
    expect(outcome.dataset.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads the first row field by field', () => {
    if (!outcome.ok) throw new Error('load failed');
    const e = outcome.dataset.events.find((x) => x.id === '147997')!;
    expect(e.startText).toBe('2014-01-22');
    expect(e.precision).toBe('day');
    expect(e.start).toBe(Date.parse('2014-01-22T00:00:00Z'));
    expect(e.actors.map((a) => outcome.dataset.entities.find((x) => x.id === a)!.name)).toEqual([
      'Government of Ukraine',
      'Maidan',
    ]);
    expect(e.location).toMatchObject({ name: 'Kiev Special Republican city', lat: 50.45 });
    expect(e.sources[0]).toEqual({
      publisher: 'Agence France Presse',
      published: '2014-01-22',
      title: 'Police disperse Kiev protest, activists say one shot dead',
    });
    expect(e.type).toBe('state-based conflict');
  });

  it('keeps where_prec as the place’s precision: exact places stay points, a country-level place says so', () => {
    if (!outcome.ok) throw new Error('load failed');
    const at = (id: string) => outcome.dataset.events.find((x) => x.id === id)!.location;
    expect(at('147997')?.precision).toBeUndefined();
    expect(at('428182')?.precision).toBe('country');
    const counts = new Map<string | undefined, number>();
    for (const e of outcome.dataset.events)
      counts.set(e.location?.precision, (counts.get(e.location?.precision) ?? 0) + 1);
    // The file's where_prec counts: 1 → 1,055; 2 → 1,841; 3 → 38; 4 and 5 → 911, 7 → 1; 6 → 37.
    expect(Object.fromEntries(counts)).toEqual({
      undefined: 1055,
      near: 1841,
      district: 38,
      region: 912,
      country: 37,
    });
  });

  it('reads the Excel-resaved "MM/DD/YYYY HH:MM" rows month-first', () => {
    if (!outcome.ok) throw new Error('load failed');
    const { doc } = importUcdp(decodeText(new Uint8Array(bytes)).text);
    const raw = (doc.events as { id: string; start: string }[]).filter(
      (x) => x.start === '2014-05-02',
    );
    expect(raw.length).toBeGreaterThan(0);
  });

  it('decodes Windows-1252 punctuation', () => {
    if (!outcome.ok) throw new Error('load failed');
    const titles = outcome.dataset.events.flatMap((e) => e.sources.map((s) => s.title ?? ''));
    expect(titles.some((t) => t.includes('Ukraine’s southeast'))).toBe(true);
    expect(titles.some((t) => t.includes('\u0092'))).toBe(false);
  });

  it('maps date_prec to precision and multi-day events to ranges', () => {
    if (!outcome.ok) throw new Error('load failed');
    const ev = outcome.dataset.events;
    // Every date_prec 4 (116) and 5 (52) row gives date_start..date_end: drawn across it as circa, not widened.
    const prec = (p: number) => ev.filter((e) => e.other.ucdp_date_prec === p);
    expect(prec(4)).toHaveLength(116);
    expect(prec(5)).toHaveLength(52);
    for (const e of [...prec(4), ...prec(5)])
      expect(e).toMatchObject({ precision: 'day', approximate: true, hasEnd: true });
    expect(ev.filter((e) => e.approximate).length).toBe(819 + 87 + 116 + 52);
    expect(ev.filter((e) => e.hasEnd).length).toBeGreaterThan(1000);
  });

  it('draws a date_prec 5 record across the interval it gives (2014-07-01 to 2014-08-03)', () => {
    if (!outcome.ok) throw new Error('load failed');
    const e = outcome.dataset.events.find((x) => x.id === '154734')!;
    expect([new Date(e.start).toISOString(), new Date(e.end).toISOString()]).toEqual([
      '2014-07-01T00:00:00.000Z',
      '2014-08-04T00:00:00.000Z',
    ]);
  });
});
