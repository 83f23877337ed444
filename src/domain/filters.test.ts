import { describeFilters, EMPTY_FILTERS } from './filters';

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
        },
        name,
      ),
    ).toEqual([
      'text “aid”',
      'actor John Kirby and Umerov',
      'not actor Russia',
      'type statement or call',
      'dates 2023-12 – …',
    ]);
  });
});
