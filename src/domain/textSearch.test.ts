import { describe, expect, it } from 'vitest';
import { buildIndex } from './buildIndex';
import { normaliseDocument } from './normalise';
import { buildTextIndex, parseTextQuery, searchText } from './textSearch';

const index = buildIndex(
  normaliseDocument({
    entities: [{ id: 'kirby', name: 'John Kirby', aliases: ['NSC spokesman'] }],
    events: [
      {
        id: 'a',
        title: 'Kirby says using frozen Russian assets is premature',
        start: '2023-12-21',
        actors: ['kirby'],
      },
      {
        id: 'b',
        title: 'Assets frozen by the EU',
        start: '2023-12-22',
        description: 'Russian central bank reserves',
      },
      {
        id: 'c',
        title: 'Contact group meets',
        start: '2024-01-23',
        sources: [{ title: 'Readout', quote: 'critical gear and ammunition' }],
        location: { name: 'Ramstein' },
        tags: ['UDCG'],
      },
    ],
  }),
);
const text = buildTextIndex(index);
const ids = (q: string) =>
  Array.from(searchText(index, text, q).positions, (i) => index.events[i]!.id);

describe('parseTextQuery', () => {
  it.each([
    ['kirby assets', ['kirby', 'assets'], []],
    ['"frozen Russian assets" kirby', ['kirby'], ['frozen Russian assets']],
    ['"unclosed phrase', [], ['unclosed phrase']],
    ['  ', [], []],
  ])('%j', (q, terms, phrases) => expect(parseTextQuery(q)).toEqual({ terms, phrases }));
});

describe('searchText', () => {
  it.each([
    ['exact term', 'kirby', ['a']],
    ['prefix', 'ammun', ['c']],
    ['fuzzy (typo)', 'premture', ['a']],
    ['all terms must match', 'frozen russian', ['a', 'b']],
    ['phrase keeps word order', '"frozen Russian assets"', ['a']],
    ['phrase in another order does not match', '"Russian frozen"', []],
    ['actor alias', 'spokesman', ['a']],
    ['location', 'ramstein', ['c']],
    ['tag', 'udcg', ['c']],
    ['source quote', 'critical gear', ['c']],
    ['nothing', 'zeppelin', []],
    ['short words are not fuzzy', 'froz', ['a', 'b']],
    ['a one-letter typo in a short word does not match', 'kriby', []],
  ])('%s: %j', (_n, q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it('returns the matched terms for highlighting', () => {
    expect(searchText(index, text, 'ammun').terms).toContain('ammunition');
  });
});
