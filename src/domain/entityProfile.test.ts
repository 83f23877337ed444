import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { entityProfileAnswer, PROFILE_BINS, profileBin } from './entityProfile';
import { normaliseDocument } from './normalise';

const index = buildIndex(
  normaliseDocument({
    entities: [
      { id: 'a', name: 'Alpha' },
      { id: 'b', name: 'Beta' },
      { id: 'c', name: 'Gamma' },
      { id: 'd', name: 'Delta' },
    ],
    events: [
      { id: 'e1', title: 'one', start: '2020-01-01', actors: ['a', 'b'] },
      { id: 'e2', title: 'two', start: '2021-06-01', actors: ['a', 'c'] },
      { id: 'e3', title: 'three', start: '2022-01-01', actors: ['a', 'b', 'c'] },
      { id: 'e4', title: 'four', start: '2022-06-01', actors: ['b'] },
      { id: 'e5', title: 'five', start: '2023-01-01', actors: ['d'] },
    ],
  }),
);
const all = Bitset.full(index.size);

describe('entityProfileAnswer', () => {
  it('names co-actors by id and name, most frequent first, ties in entity order', () => {
    const p = entityProfileAnswer(index, all, 'a')!;
    expect(p.entityId).toBe('a');
    expect(p.count).toBe(3);
    expect(p.firstSeen).toBe(Date.parse('2020-01-01T00:00:00Z'));
    expect(p.lastSeen).toBe(Date.parse('2022-01-01T00:00:00Z'));
    expect(p.coActors).toEqual([
      { id: 'b', name: 'Beta', count: 2 },
      { id: 'c', name: 'Gamma', count: 2 },
    ]);
    expect(p.bins).toHaveLength(PROFILE_BINS);
    expect(p.bins.reduce((s, n) => s + n, 0)).toBe(3);
    expect(p.bins[0]).toBe(1);
  });

  it('counts only the matching events', () => {
    const some = Bitset.of(index.size, [0, 3]);
    const p = entityProfileAnswer(index, some, 'b')!;
    expect(p.count).toBe(2);
    expect(p.lastSeen).toBe(Date.parse('2022-06-01T00:00:00Z'));
    expect(p.coActors).toEqual([{ id: 'a', name: 'Alpha', count: 1 }]);
  });

  it('gives an entity without matching events a count of zero and no dates', () => {
    const p = entityProfileAnswer(index, new Bitset(index.size), 'd')!;
    expect(p).toEqual({
      entityId: 'd',
      count: 0,
      bins: new Array(PROFILE_BINS).fill(0),
      coActors: [],
    });
  });

  it('has no profile for an id the dataset does not hold', () => {
    expect(entityProfileAnswer(index, all, 'nobody')).toBeUndefined();
  });
});

describe('profileBin', () => {
  const ext = { start: 0, end: 240 };
  it.each([
    [0, 0],
    [9.99, 0],
    [10, 1],
    [239, 23],
    [240, 23],
    [-50, 0],
    [1e9, 23],
  ])('%d → %d', (s, bin) => expect(profileBin(s, ext)).toBe(bin));

  it('reads an extent of one instant as one millisecond wide', () => {
    expect(profileBin(5, { start: 5, end: 5 })).toBe(0);
  });
});
