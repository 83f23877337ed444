import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildIndex } from './buildIndex';
import { ChunkedEventStore, encodeEvents } from './eventStore';
import { normaliseDocument } from './normalise';
import { EQUIVALENT_SPELLINGS } from './spellings';
import {
  buildTextIndex,
  buildTextIndexAsync,
  parseTextQuery,
  quoteTerms,
  searchableText,
  searchText,
  words,
} from './textSearch';

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

describe('quoteTerms', () => {
  it.each([
    ['Mariupol', ['Mariupol'], '"Mariupol"'],
    ['Mariupol convoy', ['mariupol'], '"Mariupol" convoy'],
    ['"Mariupol" convoy', ['Mariupol'], '"Mariupol" convoy'],
    ['convoy  Mariupol "in Kyiv"', ['Mariupol', 'convoy'], '"convoy"  "Mariupol" "in Kyiv"'],
    ['al-Assad', ['assad'], '"al-Assad"'],
  ])('%j quoting %j', (q, typed, expected) => {
    expect(quoteTerms(q, typed)).toBe(expected);
    // Quoted, the words are no longer free terms.
    const { terms } = parseTextQuery(expected);
    for (const t of typed) expect(terms.flatMap(words)).not.toContain(t.toLowerCase());
  });
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

describe('spellings the search let through', () => {
  const places = buildIndex(
    normaliseDocument({
      entities: [{ id: 'bakhmut', name: 'Bakhmut', type: 'place', aliases: ['Artemivsk'] }],
      events: [
        { id: 'm1', title: 'Shelling in Mariupol', start: '2022-03-01' },
        { id: 'm2', title: 'Mariupol theatre struck', start: '2022-03-16' },
        { id: 'f1', title: 'Marfopol convoy reported', start: '2022-09-01' },
        { id: 'k1', title: 'Ceasefire talks in Kiev', start: '2020-03-15' },
        { id: 'k2', title: 'Drone attack on Kyiv', start: '2022-10-10' },
        { id: 'h1', title: 'Kharkov rally', start: '2015-02-01' },
        { id: 'a1', title: 'Fighting in Artemivsk', start: '2023-05-20' },
      ],
    }),
  );
  const placeText = buildTextIndex(places);
  const search = (q: string) => searchText(places, placeText, q);
  const found = (q: string) => Array.from(search(q).positions, (i) => places.events[i]!.id).sort();
  const report = (q: string) =>
    search(q).spellings.map((s) => [s.word, s.typed, s.kind, s.positions.length]);

  it.each([
    ['a near spelling', 'Mariupol', ['f1', 'm1', 'm2'], [['marfopol', 'Mariupol', 'near', 1]]],
    ['quoted: the exact word only', '"Mariupol"', ['m1', 'm2'], []],
    ['an equivalent spelling', 'kyiv', ['k1', 'k2'], [['kiev', 'kyiv', 'equivalent', 1]]],
    ['from the other side', 'Kiev', ['k1', 'k2'], [['kyiv', 'Kiev', 'equivalent', 1]]],
    ['equivalents in exact mode', '"Kharkiv"', ['h1'], [['kharkov', 'Kharkiv', 'equivalent', 1]]],
    ['equivalents in a phrase', '"talks in Kyiv"', ['k1'], [['kiev', 'Kyiv', 'equivalent', 1]]],
    ['a dataset alias', 'Bakhmut', ['a1'], [['artemivsk', 'Bakhmut', 'equivalent', 1]]],
    ['the word itself is not reported', 'Kharkov', ['h1'], []],
  ])('%s: %s', (_name, q, ids, spellings) => {
    expect(found(q)).toEqual(ids);
    expect(report(q)).toEqual(spellings);
  });

  it('highlights the other spellings it found', () => {
    expect(search('Mariupol').terms).toEqual(expect.arrayContaining(['mariupol', 'marfopol']));
    expect(search('kyiv').terms).toEqual(expect.arrayContaining(['kyiv', 'kiev']));
  });
});

/** Edit distance by the textbook table (the naive rule the radix tree's fuzzy lookup must agree with). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}

const EQUIVALENT = new Map<string, readonly string[]>(
  EQUIVALENT_SPELLINGS.flatMap((row) => row.map((w) => [w, row] as const)),
);
const spellingsOf = (w: string) => EQUIVALENT.get(w) ?? [w];
const canonical = (s: string) =>
  s.replace(/[^\s\p{Z}\p{P}\p{Cc}]+/gu, (w) => EQUIVALENT.get(w)?.[0] ?? w);

/**
 * The search rule stated plainly, event by event: every query word (or one of its equivalent spellings) matches
 * some word of the event; a phrase appears as written or with equivalent spellings.
 */
function naiveSearch(hays: string[][], texts: string[], q: string): number[] {
  const { terms, phrases } = parseTextQuery(q);
  const loose = terms.flatMap(words);
  const exact = phrases.flatMap(words);
  if (loose.length + exact.length === 0) return [];
  const out: number[] = [];
  hays.forEach((hay, pos) => {
    const ok =
      loose.every((w) =>
        hay.some(
          (h) =>
            spellingsOf(w).some((e) => h.startsWith(e)) ||
            (w.length >= 5 && editDistance(h, w) <= Math.min(6, Math.round(w.length * 0.2))),
        ),
      ) &&
      exact.every((w) => spellingsOf(w).some((e) => hay.includes(e))) &&
      phrases.every((p) => {
        const lower = p.toLowerCase();
        return texts[pos]!.includes(lower) || canonical(texts[pos]!).includes(canonical(lower));
      });
    if (ok) out.push(pos);
  });
  return out;
}

describe('searchText agrees with the plain rule on random data', () => {
  const vocabulary = [
    'convoy',
    'convey',
    'drone',
    'drones',
    'kyiv',
    'kiev',
    'Kharkov',
    'kharkiv',
    'aid',
    'aide',
    'assets',
    'asset',
    'frozen',
    'frozn',
    'Ümerov',
    'ammunition',
    'am',
  ];
  const arbText = fc
    .array(fc.constantFrom(...vocabulary, ' ', ', ', '-', '.'), { maxLength: 12 })
    .map((parts) => parts.join(' '));
  const arbQuery = fc.oneof(
    fc
      .array(fc.constantFrom(...vocabulary, 'conv', 'dro', 'munitio', 'xyz'), {
        minLength: 1,
        maxLength: 3,
      })
      .map((w) => w.join(' ')),
    fc
      .array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 2 })
      .map((w) => `"${w.join(' ')}"`),
  );

  it('finds exactly the events the rule finds, and highlights only words found in them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbText, arbText), { minLength: 1, maxLength: 40 }),
        arbQuery,
        (rows, q) => {
          const idx = buildIndex(
            normaliseDocument({
              events: rows.map(([title, description], i) => ({
                id: `e${i}`,
                title: title.trim() || `event ${i}`,
                description,
                start: '2024-01-01',
              })),
            }),
          );
          const positions = Array.from({ length: idx.size }, (_, i) => i);
          const texts = positions.map((i) => searchableText(idx, idx.events[i]!));
          const hays = texts.map(words);
          const got = searchText(idx, buildTextIndex(idx), q);
          expect(Array.from(got.positions)).toEqual(naiveSearch(hays, texts, q));
          const foundWords = new Set(Array.from(got.positions, (p) => hays[p]!).flat());
          const foundTexts = Array.from(got.positions, (p) => texts[p]!);
          for (const t of got.terms)
            expect(foundWords.has(t) || foundTexts.some((text) => text.includes(t))).toBe(true);
        },
      ),
    );
  });
});

describe('buildTextIndex holds every word of every field (property)', () => {
  const vocabulary = ['Kyiv', 'aid', 'drone', 'Ümerov', 'convoy', 'Ramstein', 'UDCG', 'group'];
  const arbWords = fc
    .array(fc.constantFrom(...vocabulary), { maxLength: 3 })
    .map((w) => w.join(' '));
  // Few distinct values, so that actors, places, tags and types repeat across events (the builder reads each
  // repeated value's words once).
  const arbEvent = fc.record({
    title: arbWords,
    description: arbWords,
    actors: fc.subarray(['austin', 'umerov', 'kirby', 'unknown-actor']),
    place: fc.option(fc.constantFrom('Kyiv', 'Ramstein air base', 'Brussels')),
    tags: fc.subarray(['aid', 'UDCG', 'drone-strike']),
    type: fc.option(fc.constantFrom('meeting', 'aid package', 'statement')),
    quote: fc.option(arbWords),
  });
  it('each event is in the postings of exactly its words, numbered in the order they first occur', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { minLength: 1, maxLength: 30 }), (rows) => {
        const idx = buildIndex(
          normaliseDocument({
            entities: [
              { id: 'austin', name: 'Lloyd Austin', aliases: ['SecDef'] },
              { id: 'umerov', name: 'Rustem Umerov' },
              { id: 'kirby', name: 'John Kirby', aliases: ['NSC spokesman', 'Kirby'] },
            ],
            events: rows.map((r, i) => ({
              id: `e${i}`,
              title: r.title || `event ${i}`,
              description: r.description,
              start: '2024-01-01',
              actors: r.actors,
              ...(r.place ? { location: { name: r.place } } : {}),
              tags: r.tags,
              ...(r.type ? { type: r.type } : {}),
              ...(r.quote ? { sources: [{ title: 'Readout', quote: r.quote }] } : {}),
            })),
          }),
        );
        const built = buildTextIndex(idx);
        const perEvent = Array.from({ length: idx.size }, (_, i) =>
          words(searchableText(idx, idx.events.at(i)!)),
        );
        expect(built.names).toEqual([...new Set(perEvent.flat())]);
        built.names.forEach((w, id) => {
          const holders = Array.from(
            built.postings.subarray(built.starts[id], built.starts[id + 1]),
          );
          const want = perEvent.flatMap((ws, i) => (ws.includes(w) ? [i] : []));
          expect(holders).toEqual(want);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildTextIndexAsync', () => {
  it('builds in slices the same index as in one go', async () => {
    for (const slice of [1, 2, 3, 100]) {
      const sliced = await buildTextIndexAsync(index, slice);
      expect(sliced).toEqual(buildTextIndex(index));
    }
  });

  it('reads no event before the pause it is given has passed', async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      const counted = {
        ...index,
        events: {
          length: index.size,
          at: (pos: number) => {
            reads++;
            return index.events[pos];
          },
        },
      };
      const quietUntil = Date.now() + 400;
      const built = buildTextIndexAsync(counted, 1, () => quietUntil - Date.now());
      await vi.advanceTimersByTimeAsync(399);
      expect(reads).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect((await built).size).toBe(index.size);
      expect(reads).toBe(index.size);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('text search over encoded events (as the loader worker keeps them)', () => {
  it('builds the same index and finds the same events, phrases included', async () => {
    const store = new ChunkedEventStore(2, 1);
    for (let i = 0; i < index.size; i += 2) {
      const chunk = index.events.slice(i, i + 2);
      store.add(encodeEvents(chunk), chunk.length);
    }
    const kept = { ...index, events: store, dataset: { ...index.dataset, events: store } };
    const fromStore = await buildTextIndexAsync(kept, 1);
    expect(fromStore).toEqual(buildTextIndex(index));
    for (const q of ['frozen', '"frozen Russian"', 'ammun', 'kirby assets', '"no such phrase"'])
      expect(searchText(kept, fromStore, q)).toEqual(searchText(index, buildTextIndex(index), q));
  });
});
