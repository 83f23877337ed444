import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  curateActors,
  curatedTarget,
  EMPTY_CURATION,
  editEntity,
  mergeCurations,
  mergedInto,
  mergeEntity,
  readCuration,
  unmergeEntity,
} from './curation';

const merge = (c: typeof EMPTY_CURATION, from: string, into: string) => {
  const r = mergeEntity(c, from, into);
  if (!r.ok) throw new Error(r.error);
  return r.curation;
};

describe('merges', () => {
  it('follow chains, refuse loops, and unmerge one link', () => {
    let c = merge(EMPTY_CURATION, 'a', 'b');
    c = merge(c, 'b', 'c');
    expect(curatedTarget(c, 'a')).toBe('c');
    expect(mergeEntity(c, 'c', 'a')).toEqual({
      ok: false,
      error: 'That entity is already merged into this one.',
    });
    expect(mergeEntity(c, 'x', 'x').ok).toBe(false);
    expect(mergedInto(c, 'b')).toEqual(['a']);
    expect(curateActors(['a', 'b', 'd'], c)).toEqual(['c', 'd']);
    const u = unmergeEntity(c, 'b');
    expect(curatedTarget(u, 'a')).toBe('b');
    expect(curatedTarget(u, 'b')).toBe('b');
  });

  it('a loop in a hostile file ends', () => {
    const { curation } = readCuration({ merges: { a: 'b', b: 'a' } });
    expect(['a', 'b']).toContain(curatedTarget(curation, 'a'));
  });
});

describe('edits', () => {
  it('rename, set a type, add aliases; empty edits go away', () => {
    let c = editEntity(EMPTY_CURATION, 'k', () => ({
      name: '  Kyiv  ',
      aliases: ['Kiev', 'Kiev', ' '],
    }));
    expect(c.edits.k).toEqual({ name: 'Kyiv', aliases: ['Kiev'] });
    c = editEntity(c, 'k', (e) => ({ ...e, type: 'place' }));
    expect(c.edits.k!.type).toBe('place');
    expect(editEntity(c, 'k', () => ({})).edits).toEqual({});
  });
});

describe('readCuration and mergeCurations', () => {
  it('keeps well-formed parts of untrusted input and never throws', () => {
    const r = readCuration({
      merges: { a: 'b', b: 3, c: 'c' },
      edits: { x: { name: 'X', type: 'nonsense' }, y: 5 },
    });
    expect(r.curation).toEqual({ merges: { a: 'b' }, edits: { x: { name: 'X' } } });
    expect(r.dropped).toBe(3);
    fc.assert(fc.property(fc.anything(), (v) => void readCuration(v)));
  });

  it('joins without losing what is here; a differing choice is a conflict', () => {
    const mine = editEntity(merge(EMPTY_CURATION, 'a', 'b'), 'k', () => ({
      name: 'Kyiv',
      aliases: ['Kiev'],
    }));
    const theirs = editEntity(merge(merge(EMPTY_CURATION, 'a', 'c'), 'd', 'b'), 'k', () => ({
      name: 'Kiev',
      aliases: ['Kyjiw'],
    }));
    const r = mergeCurations(mine, theirs);
    expect(r.curation.merges).toEqual({ a: 'b', d: 'b' });
    expect(r.curation.edits.k).toEqual({ name: 'Kyiv', aliases: ['Kiev', 'Kyjiw'] });
    expect(r.conflicts).toBe(2);
    expect(r.added).toBe(1);
  });
});
