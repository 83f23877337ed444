import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalSpelling,
  EQUIVALENT_SPELLINGS,
  spellingTable,
  spellingVariants,
} from './spellings';
import type { Entity } from './types';

const entity = (name: string, aliases: string[]): Entity =>
  ({ id: name, name, type: 'place', aliases }) as Entity;

describe('spellingTable', () => {
  it('makes each row of the built-in table one word', () => {
    const t = spellingTable();
    expect(t.get('kiev')).toContain('kyiv');
    expect(t.get('kharkov')).toContain('kharkiv');
    expect(t.get('odessa')).toContain('odesa');
    expect(t.get('lugansk')).toContain('luhansk');
    expect(t.get('zaporozhye')).toContain('zaporizhzhia');
    expect(t.get('nikolaev')).toContain('mykolaiv');
    expect(t.get('mariupol')).toBeUndefined();
  });

  it('holds one-word lower-case spellings only, each in one row', () => {
    const seen = new Set<string>();
    for (const row of EQUIVALENT_SPELLINGS)
      for (const w of row) {
        expect(w).toMatch(/^[a-z]+$/);
        expect(seen.has(w)).toBe(false);
        seen.add(w);
      }
  });

  it('is extended by the one-word names and aliases of an entity, merged with rows they share', () => {
    const t = spellingTable([
      entity('Bakhmut', ['Artemivsk', 'Artyomovsk', 'the city of Bakhmut']),
      entity('Kyiv', ['Kyyiv']),
      entity('Lloyd J. Austin III', ['Austin']),
    ]);
    expect([...t.get('artemivsk')!].sort()).toEqual(['artemivsk', 'artyomovsk', 'bakhmut']);
    expect(t.get('kyyiv')).toEqual(expect.arrayContaining(['kyiv', 'kiev']));
    expect(t.get('kiev')).toContain('kyyiv');
    // Only one one-word spelling: nothing to make equivalent.
    expect(t.get('austin')).toBeUndefined();
  });
});

describe('canonicalSpelling', () => {
  it('writes every equivalent spelling the same way, leaving other words alone', () => {
    const t = spellingTable();
    expect(canonicalSpelling(t, 'talks in kiev, then odessa')).toBe(
      canonicalSpelling(t, 'talks in kyiv, then odesa'),
    );
    expect(canonicalSpelling(t, 'kievan rus')).toBe('kievan rus');
  });
});

describe('spellingVariants', () => {
  const t = spellingTable();

  it('writes a phrase every way its words may be spelt, as written first', () => {
    expect(spellingVariants(t, 'kiev city council')).toEqual([
      'kiev city council',
      ...t
        .get('kiev')!
        .filter((w) => w !== 'kiev')
        .map((w) => `${w} city council`),
    ]);
    expect(spellingVariants(t, 'near mariupol')).toEqual(['near mariupol']);
  });

  it('keeps the punctuation and spaces between words', () => {
    expect(spellingVariants(t, 'kiev/odessa')).toContain('kyiv/odesa');
  });

  it('stops at the number asked for', () => {
    expect(spellingVariants(t, 'kiev kharkov odessa lugansk', 5)).toHaveLength(5);
    expect(spellingVariants(t, 'kiev kharkov odessa lugansk')).toHaveLength(3 * 2 * 2 * 2);
  });

  it("finds a text exactly when its canonical spelling holds the phrase's (whole words)", () => {
    const word = fc.constantFrom('kiev', 'kyiv', 'city', 'odesa', 'odessa', 'port', 'of');
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, text, (hay, phrase) => {
        const byVariants = spellingVariants(t, phrase).some((v) => ` ${hay} `.includes(` ${v} `));
        const byCanon = ` ${canonicalSpelling(t, hay)} `.includes(
          ` ${canonicalSpelling(t, phrase)} `,
        );
        expect(byVariants).toBe(byCanon);
      }),
    );
  });
});
