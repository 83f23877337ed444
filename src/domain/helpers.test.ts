import { describe, expect, it } from 'vitest';
import { buildIndex } from './buildIndex';
import { entityProfile } from './entityProfile';
import { sortedMatches } from './eventOrder';
import { highlightSegments } from './highlight';
import { normaliseDocument } from './normalise';
import { safeHref } from './safeUrl';

describe('highlightSegments', () => {
  it.each([
    [
      'Frozen Russian assets',
      ['frozen'],
      [
        ['Frozen', true],
        [' Russian assets', false],
      ],
    ],
    [
      'a.b a*b',
      ['a*b'],
      [
        ['a.b ', false],
        ['a*b', true],
      ],
    ],
    [
      'aid aide',
      ['aid', 'aide'],
      [
        ['aid', true],
        [' ', false],
        ['aide', true],
      ],
    ],
    ['nothing', [], [['nothing', false]]],
  ])('%j with %j', (text, terms, segs) => {
    expect(highlightSegments(text, terms).map((s) => [s.text, s.match])).toEqual(segs);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['HTTP://example.org', 'http://example.org/'],
    ['javascript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['//evil.example/x', undefined],
    ['vbscript:x', undefined],
    ['https://', undefined],
    ['https://user:pass@example.org/', undefined],
    ['https://example.org@evil.example/', undefined],
    [undefined, undefined],
  ])('%j → %j', (url, href) => expect(safeHref(url)).toBe(href));
});

const index = buildIndex(
  normaliseDocument({
    entities: [
      { id: 'a', name: 'Alpha' },
      { id: 'b', name: 'Beta' },
      { id: 'c', name: 'Gamma' },
    ],
    events: [
      { id: 'e1', title: 'Zulu', start: '2020', actors: ['a', 'b'], type: 'x' },
      { id: 'e2', title: 'alpha', start: '2021', actors: ['a'] },
      { id: 'e3', title: 'Mike', start: '2022', actors: ['a', 'b', 'c'], type: 'a' },
    ],
  }),
);
const ids = (ps: Uint32Array) => Array.from(ps, (p) => index.events[p]!.id);

describe('sortedMatches', () => {
  it.each([
    ['date', false, ['e1', 'e2', 'e3']],
    ['date', true, ['e3', 'e2', 'e1']],
    ['title', false, ['e2', 'e3', 'e1']],
    ['type', false, ['e3', 'e1', 'e2']],
  ] as const)('%s desc=%s', (key, desc, expected) =>
    expect(ids(sortedMatches(index, index.all, key, desc))).toEqual(expected),
  );
});

describe('entityProfile', () => {
  it('reports first and last seen and co-occurring actors by count', () => {
    const p = entityProfile(index, index.all, index.entityLookup.get('a')!);
    expect(p.count).toBe(3);
    expect(p.firstSeen).toBe(Date.parse('2020-01-01T00:00:00Z'));
    expect(p.lastSeen).toBe(Date.parse('2022-01-01T00:00:00Z'));
    expect(p.coActors.map((c) => [index.entities[c.code]!.id, c.count])).toEqual([
      ['b', 2],
      ['c', 1],
    ]);
    expect(p.bins.reduce((s, n) => s + n, 0)).toBe(3);
  });
});
