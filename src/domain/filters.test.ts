import { describeFilters, EMPTY_FILTERS, FILTER_KEYS, filtersKey, type Filters } from './filters';

describe('describeFilters', () => {
  const name = (id: string) => ({ k: 'John Kirby', r: 'Russia', u: 'Umerov' })[id] ?? id;

  it('says nothing of an unfiltered view', () => {
    expect(describeFilters(EMPTY_FILTERS, name)).toEqual([]);
  });

  it('puts every active filter in words, with actor names and the match mode', () => {
    expect(
      describeFilters(
        {
          ...EMPTY_FILTERS,
          q: ' aid ',
          actors: ['k', 'u'],
          match: 'all',
          xactors: ['r'],
          types: ['statement', 'call'],
          since: '2023-12',
          measures: [
            { name: 'fatalities', min: 10 },
            { name: 'best', min: 5, max: 20 },
            { name: 'low', max: 1.5 },
          ],
        },
        name,
      ),
    ).toEqual([
      'text “aid”',
      'actor John Kirby and Umerov',
      'not actor Russia',
      'type statement or call',
      'dates 2023-12 – …',
      'fatalities ≥ 10',
      'best 5–20',
      'low ≤ 1.5',
    ]);
  });
});

describe('filtersKey', () => {
  // One changed value per field: a field the key forgot would let two different views share a cache entry.
  const changed: { [K in keyof Filters]-?: Filters[K] } = {
    actors: ['a'],
    xactors: ['b'],
    match: 'all',
    etypes: ['person'],
    types: ['call'],
    tags: ['t'],
    places: ['Kyiv'],
    prec: ['day'],
    q: 'aid',
    since: '2023',
    until: '2024',
    bbox: { west: 0, south: 0, east: 1, north: 1 },
    starred: true,
    atags: ['x'],
    measures: [{ name: 'fatalities', min: 10 }],
  };

  it.each(FILTER_KEYS)('changes when %s changes', (k) => {
    expect(filtersKey({ ...EMPTY_FILTERS, [k]: changed[k] })).not.toBe(filtersKey(EMPTY_FILTERS));
  });

  it('is equal for equal filters built apart', () => {
    expect(filtersKey({ ...EMPTY_FILTERS, actors: ['a'] })).toBe(
      filtersKey({ ...EMPTY_FILTERS, actors: ['a'] }),
    );
  });
});
