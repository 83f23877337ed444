import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../domain/buildIndex';
import { measureByName, sumOver } from '../../../domain/measures';
import type { Dataset } from '../../../domain/types';
import { loadDataset } from '../loadDataset';

function load(path: string, name: string): Dataset {
  const o = loadDataset(new Uint8Array(readFileSync(path)), name);
  if (!o.ok) throw new Error(o.error.message);
  return o.dataset;
}

/** Which fields of each importer's output become measures (domain/measures.ts), read from real-shaped files. */
describe('measures of imported datasets', () => {
  it('finds the UCDP death counts, named without the importer prefix, and none of its codes', () => {
    const ds = load('fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv', 'ucdp.csv');
    const index = buildIndex(ds);
    expect(index.measures.map((m) => m.name)).toEqual([
      'deaths_a',
      'deaths_b',
      'deaths_civilians',
      'deaths_unknown',
      'best',
      'high',
      'low',
    ]);
    const best = measureByName(index.measures, 'best')!;
    expect(best).toMatchObject({ field: 'ucdp_best', unit: 'deaths', present: index.size });
    // The column holds each event's own value, by index position.
    let naive = 0;
    for (let i = 0; i < index.size; i++) {
      expect(best.values[i]).toBe(index.events[i]!.other.ucdp_best);
      naive += index.events[i]!.other.ucdp_best as number;
    }
    expect(sumOver(best.values, index.all)).toBe(naive);
    expect(naive).toBeGreaterThan(0);
  });

  it('finds ACLED fatalities and not its year, codes or timestamp', () => {
    const index = buildIndex(load('fixtures/files/acled-sample.csv', 'acled.csv'));
    expect(index.measures.map((m) => [m.name, m.field, m.unit])).toEqual([
      ['fatalities', 'acled_fatalities', 'fatalities'],
    ]);
    const f = index.measures[0]!;
    expect(Array.from(f.values)).toEqual(index.events.map((e) => e.other.acled_fatalities));
  });

  it('finds a numeric column of a generic CSV, numbers written as text', () => {
    const csv = [
      'When,Headline,Casualties,Reference,Remarks,Year',
      '2023-01-05,A,12,R-1,calm,2023',
      '2023-01-06,B,,R-2,12 wounded,2023',
      '2023-01-07,C,3.5,R-3,n/a,2023',
    ].join('\n');
    const o = loadDataset(new TextEncoder().encode(csv), 'generic.csv', {
      mapping: { date: 'When', order: 'ymd', title: 'Headline', actors: [], separator: ';' },
    });
    if (!o.ok) throw new Error(o.error.message);
    const index = buildIndex(o.dataset);
    // Remarks holds text, Year a code, Reference identifiers: none is a measure.
    expect(index.measures.map((m) => m.name)).toEqual(['Casualties']);
    const m = index.measures[0]!;
    expect(m.present).toBe(2);
    expect(Array.from(m.values)).toEqual([12, Number.NaN, 3.5]);
  });
});
