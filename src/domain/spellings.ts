import type { Entity } from './types';

/**
 * Transliterations of the same name that search treats as one word: searching any spelling of a row finds the
 * others. Ukrainian places written from Ukrainian and from Russian, and a few other spellings common in the sources
 * analysts read. One word per spelling, lower case. A dataset adds its own through entity aliases (see
 * `spellingTable`); renamings (Bakhmut/Artemivsk) belong there, not here, since they are not the same word.
 */
export const EQUIVALENT_SPELLINGS: readonly (readonly string[])[] = [
  ['kyiv', 'kiev', 'kyjiw'],
  ['kharkiv', 'kharkov'],
  ['odesa', 'odessa'],
  ['mykolaiv', 'nikolaev', 'mykolayiv', 'nikolayev'],
  ['zaporizhzhia', 'zaporozhye', 'zaporizhia', 'zaporizhzhya', 'zaporozhzhia'],
  ['luhansk', 'lugansk'],
  ['donetsk', 'donezk'],
  ['lviv', 'lvov'],
  ['dnipro', 'dnepr'],
  ['chernihiv', 'chernigov'],
  ['horlivka', 'gorlovka'],
  ['makiivka', 'makeyevka', 'makeevka'],
  ['sloviansk', 'slavyansk', 'slovyansk'],
  ['sievierodonetsk', 'severodonetsk', 'syeverodonetsk'],
  ['lysychansk', 'lisichansk'],
  ['avdiivka', 'avdeyevka', 'avdeevka'],
  ['vuhledar', 'ugledar'],
  ['izium', 'izyum'],
  ['kupiansk', 'kupyansk'],
  ['zhytomyr', 'zhitomir'],
  ['vinnytsia', 'vinnitsa'],
  ['rivne', 'rovno'],
  ['chernivtsi', 'chernovtsy'],
  ['zelenskyy', 'zelensky', 'zelenskiy', 'zelenski'],
];

/** Each word with the spellings equivalent to it (itself included). */
export type SpellingTable = ReadonlyMap<string, readonly string[]>;

const WORD = /^[^\s\p{Z}\p{P}\p{Cc}]+$/u;

/**
 * The equivalent spellings for a dataset: the built-in table, extended by each entity whose name and aliases
 * include two or more one-word spellings (an entity "Bakhmut" with the alias "Artemivsk" makes the two equivalent).
 * Rows that share a word are merged.
 */
export function spellingTable(entities: readonly Entity[] = []): SpellingTable {
  const rows: string[][] = EQUIVALENT_SPELLINGS.map((r) => [...r]);
  for (const e of entities) {
    const single = [e.name, ...e.aliases]
      .map((n) => n.trim().toLowerCase())
      .filter((n) => WORD.test(n));
    const distinct = [...new Set(single)];
    if (distinct.length >= 2) rows.push(distinct);
  }
  // Merge rows sharing a word, so equivalence is transitive.
  const groupOf = new Map<string, Set<string>>();
  for (const row of rows) {
    const group = new Set<string>(row);
    for (const w of row) for (const o of groupOf.get(w) ?? []) group.add(o);
    for (const w of group) groupOf.set(w, group);
  }
  const table = new Map<string, readonly string[]>();
  const frozen = new Map<Set<string>, readonly string[]>();
  for (const [w, group] of groupOf) {
    let spellings = frozen.get(group);
    if (!spellings) frozen.set(group, (spellings = [...group]));
    table.set(w, spellings);
  }
  return table;
}

/**
 * A phrase (lower case) written every way its words' equivalent spellings allow, itself first, at most `max` of
 * them (the server's form of `canonicalSpelling`'s phrase check: a text holds one of them).
 */
export function spellingVariants(table: SpellingTable, phrase: string, max = 64): string[] {
  let out = [''];
  const parts = phrase.split(/([^\s\p{Z}\p{P}\p{Cc}]+)/u);
  for (let k = 0; k < parts.length; k++) {
    const ways =
      k % 2 === 1
        ? [parts[k]!, ...(table.get(parts[k]!) ?? []).filter((w) => w !== parts[k])]
        : [parts[k]!];
    const next: string[] = [];
    for (const head of out) for (const w of ways) if (next.length < max) next.push(head + w);
    out = next;
  }
  return out;
}

/** The text with every word that has equivalent spellings written as the first of them (for phrase checks). */
export function canonicalSpelling(table: SpellingTable, text: string): string {
  return text.replace(/[^\s\p{Z}\p{P}\p{Cc}]+/gu, (w) => table.get(w)?.[0] ?? w);
}
