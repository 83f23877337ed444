import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../loadDataset';
import { acledDate } from './acled';

describe('acledDate', () => {
  it.each([
    ['2023-12-21', '2023-12-21'],
    ['21/12/2023', '2023-12-21'],
    ['1/2/2023', '2023-02-01'],
    ['15 November 2023', '2023-11-15'],
    ['14/08/2020 00:00:00', '2020-08-14'],
    ['14-08-2020', '2020-08-14'],
    ['20220224', '2022-02-24'],
    ['2020-08-14 00:00', '2020-08-14'],
    ['August 14, 2020', '2020-08-14'],
    ['yesterday', undefined],
  ])('%s → %s', (text, iso) => expect(acledDate(text)).toBe(iso));
});

describe('an ACLED export (hand-made, ACLED column layout)', () => {
  const o = loadDataset(
    new Uint8Array(readFileSync('fixtures/files/acled-sample.csv')),
    'acled.csv',
  );
  if (!o.ok) throw new Error(o.error.message);
  const byId = (id: string) => o.dataset.events.find((e) => e.id === id)!;
  const names = (id: string) =>
    byId(id).actors.map((a) => o.dataset.entities.find((e) => e.id === a)!.name);

  it('is detected by its columns and loads the good rows, reporting the impossible date by its CSV row', () => {
    expect(o.dataset.recordUnit).toBe('row');
    expect(o.format).toBe('acled');
    expect(o.dataset.events.map((e) => e.id)).toEqual(['UKR1001', 'UKR1002', 'UKR1003']);
    const errors = o.dataset.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.position, i.id])).toEqual([[5, 'UKR1004']]);
    // The reason names the impossible day, not just "not a date".
    expect(errors[0]!.message).toMatch(/day 31 does not exist/);
  });

  it('reads a row field by field', () => {
    const e = byId('UKR1001');
    expect(e).toMatchObject({
      startText: '2023-12-21',
      precision: 'day',
      approximate: false,
      type: 'Explosions/Remote violence',
    });
    expect(names('UKR1001')).toEqual(['Military Forces of Russia (2000-)', 'Civilians (Ukraine)']);
    expect(e.location).toEqual({
      name: 'Kharkiv, Kharkivska, Kharkivskyi, Kharkivska, Ukraine',
      lat: 49.9935,
      lon: 36.2304,
    });
    expect(e.sources.map((s) => s.publisher)).toEqual(['Ukrinform', 'Suspilne']);
    expect(e.tags).toEqual(['Air/drone strike', 'women targeted: girls']);
    expect(e.title).toBe('Air/drone strike in Kharkiv (2 fatalities)');
    expect(e.other.acled_fatalities).toBe(2);
  });

  it('keeps geo_precision as the place’s precision', () => {
    expect(byId('UKR1001').location?.precision).toBeUndefined();
    expect(byId('UKR1003').location?.precision).toBe('near');
    expect(byId('UKR1003').other.acled_geo_precision).toBe(2);
  });

  it('types actor1 and actor2 by their inter codes', () => {
    const type = (name: string) => o.dataset.entities.find((e) => e.name === name)?.type;
    expect(type('Military Forces of Russia (2000-)')).toBe('organization');
    expect(type('Civilians (Ukraine)')).toBe('group');
    expect(type('Protesters (Ukraine)')).toBe('group');
    expect(type('Wagner Group')).toBe('unknown');
  });

  it('splits associated actors on "; " and maps time_precision', () => {
    expect(names('UKR1002')).toEqual([
      'Protesters (Ukraine)',
      'Women (Ukraine)',
      'Labour Group (Ukraine)',
    ]);
    // time_precision 2: ACLED writes the middle day of the reported week, so the event is that week.
    expect(byId('UKR1002')).toMatchObject({
      startText: '2023-12-19',
      endText: '2023-12-25',
      precision: 'day',
      approximate: false,
    });
    expect(byId('UKR1002').other.acled_event_date).toBe('22/12/2023');
    expect(names('UKR1003')).toEqual([
      'Military Forces of Ukraine (2019-)',
      'Military Forces of Russia (2000-)',
      'Wagner Group',
    ]);
    expect(byId('UKR1003')).toMatchObject({
      precision: 'month',
      start: Date.parse('2023-11-01T00:00:00Z'),
    });
  });
});
