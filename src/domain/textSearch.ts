import SearchableMap from 'minisearch/SearchableMap';
import { Bitset } from './bitset';
import { entityById, type DatasetIndex } from './buildIndex';
import { LIMITS } from './limits';
import { canonicalSpelling, spellingTable, type SpellingTable } from './spellings';
import type { TimelineEvent } from './types';

const FIELDS = ['title', 'description', 'actors', 'location', 'tags', 'sources', 'type'] as const;

/**
 * The full-text index of a dataset: every distinct word once, in a radix tree (MiniSearch's SearchableMap, which
 * finds words by prefix and by edit distance), and for each word the ascending positions of the events that hold it.
 * Search only filters (the timeline orders by time, never by relevance), so nothing is scored: a query costs the
 * postings it reads, and the index is a few bytes per word occurrence (MiniSearch's own index, with per-field
 * frequencies for scoring, took 1.4 GB at a million events).
 */
export interface TextIndex {
  /** Word -> word number. */
  words: SearchableMap<number>;
  /** Word number -> word. */
  names: string[];
  /** Postings of word w: postings[starts[w] .. starts[w + 1]). */
  starts: Uint32Array;
  postings: Uint32Array;
  size: number;
  /** Equivalent spellings (the built-in table and the dataset's one-word entity aliases). */
  spellings: SpellingTable;
}

export interface ParsedQuery {
  terms: string[];
  phrases: string[];
}

/** Splits a search box text into free terms and "quoted phrases". */
export function parseTextQuery(q: string): ParsedQuery {
  const phrases: string[] = [];
  const rest = q.replace(/"([^"]*)"?/g, (_, p: string) => {
    const phrase = p.trim().replace(/\s+/g, ' ');
    if (phrase) phrases.push(phrase);
    return ' ';
  });
  const terms = rest.split(/\s+/).filter((t) => t.length > 0);
  return { terms, phrases };
}

/**
 * The query with each free term that holds one of `typed` (words as the analyst typed them) put in quotes, which
 * asks for that exact word: the one-click "exact spelling" of a query that also matched near spellings.
 */
export function quoteTerms(q: string, typed: readonly string[]): string {
  const wanted = new Set(typed.flatMap(words));
  return q.replace(/"[^"]*"?|[^\s"]+/g, (token) =>
    token.startsWith('"') || !words(token).some((w) => wanted.has(w)) ? token : `"${token}"`,
  );
}

function clipField(s: string | undefined): string {
  if (!s) return '';
  return s.length > LIMITS.displayFieldChars ? s.slice(0, LIMITS.displayFieldChars) : s;
}

/** The searchable text of one field of an event (searchableText joins them in FIELDS order). */
export function fieldText(index: DatasetIndex, e: TimelineEvent, field: string): string {
  switch (field) {
    case 'title':
      return e.title;
    case 'description':
      return clipField(e.description);
    case 'actors':
      return e.actors.map((id) => actorText(index, id)).join(' ');
    case 'location':
      return e.location?.name ?? '';
    case 'tags':
      return e.tags.join(' ');
    case 'sources':
      return e.sources
        .map((s) => [s.title, s.publisher, clipField(s.quote)].filter(Boolean).join(' '))
        .join(' ');
    case 'type':
      return e.type ?? '';
    default:
      return '';
  }
}

/** All searchable text of an event, lower-cased with runs of white space folded (for phrase checks). */
export function searchableText(index: DatasetIndex, e: TimelineEvent): string {
  return eventText(index, e).toLowerCase().replace(/\s+/g, ' ');
}

/** The text of every searchable field of an event, fields apart (a phrase never spans two fields). */
function eventText(index: DatasetIndex, e: TimelineEvent): string {
  return FIELDS.map((f) => fieldText(index, e, f)).join(' \u0000 ');
}

/** Splits text into lower-case words at white space, punctuation and control characters. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\p{Z}\p{P}\p{Cc}]+/u)
    .filter((w) => w.length > 0);
}

/** The text of an actor as search reads it: the entity's name and aliases, or the id the event names. */
export function actorText(index: DatasetIndex, id: string): string {
  const ent = entityById(index, id);
  return ent ? [ent.name, ...ent.aliases].join(' ') : id;
}

/**
 * Collects the words of events in position order, then lays out the postings word by word. Each event's fields are
 * read in FIELDS order, as `eventText` joins them, so words get the same numbers; values that repeat across events
 * (actors, places, tags, types) are split into words once and their word numbers kept (at a million events, the
 * build spent most of its time splitting and looking up the same actor names again).
 */
class TextIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /** The event that last added each word (one posting per event and word). */
  private readonly lastEvent: number[] = [];
  /** Word numbers, event after event. */
  private seq = new Uint32Array(1 << 16);
  private len = 0;
  /** Where each event's words end in seq. */
  private readonly ends: Uint32Array;
  private next = 0;
  /** Word numbers of repeated values, per field. */
  private readonly known = {
    actors: new Map<string, number[]>(),
    location: new Map<string, number[]>(),
    tags: new Map<string, number[]>(),
    type: new Map<string, number[]>(),
  };

  constructor(private readonly index: DatasetIndex) {
    this.ends = new Uint32Array(index.size);
  }

  private wordId(w: string): number {
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(w, id);
      this.names.push(w);
      this.lastEvent.push(-1);
    }
    return id;
  }

  private post(id: number, event: number): void {
    if (this.lastEvent[id] === event) return;
    this.lastEvent[id] = event;
    if (this.len === this.seq.length) {
      const grown = new Uint32Array(this.seq.length * 2);
      grown.set(this.seq);
      this.seq = grown;
    }
    this.seq[this.len++] = id;
  }

  private postText(text: string, event: number): void {
    for (const w of words(text)) this.post(this.wordId(w), event);
  }

  private postValue(
    field: keyof TextIndexBuilder['known'],
    value: string,
    text: () => string,
    event: number,
  ): void {
    let ids = this.known[field].get(value);
    if (!ids) {
      ids = words(text()).map((w) => this.wordId(w));
      this.known[field].set(value, ids);
    }
    for (const id of ids) this.post(id, event);
  }

  /** Adds the events at positions next .. to-1. */
  addUpTo(to: number): void {
    const { index } = this;
    for (let i = this.next; i < to; i++) {
      const e = index.events.at(i)!;
      this.postText(fieldText(index, e, 'title'), i);
      this.postText(fieldText(index, e, 'description'), i);
      for (const a of e.actors) this.postValue('actors', a, () => actorText(index, a), i);
      const place = e.location?.name;
      if (place !== undefined) this.postValue('location', place, () => place, i);
      for (const t of e.tags) this.postValue('tags', t, () => t, i);
      this.postText(fieldText(index, e, 'sources'), i);
      if (e.type !== undefined) this.postValue('type', e.type, () => e.type!, i);
      this.ends[i] = this.len;
    }
    this.next = Math.max(this.next, to);
  }

  finish(): TextIndex {
    this.addUpTo(this.index.size);
    const { names, seq, len, ends } = this;
    const starts = new Uint32Array(names.length + 1);
    for (let k = 0; k < len; k++) starts[seq[k]! + 1]!++;
    for (let w = 0; w < names.length; w++) starts[w + 1]! += starts[w]!;
    const fill = starts.slice(0, names.length);
    const postings = new Uint32Array(len);
    let k = 0;
    for (let i = 0; i < ends.length; i++) {
      for (const end = ends[i]!; k < end; k++) postings[fill[seq[k]!]!++] = i;
    }
    return {
      words: SearchableMap.from(this.ids),
      names,
      starts,
      postings,
      size: this.index.size,
      spellings: spellingTable(this.index.entities),
    };
  }
}

/** Builds the text index in one go (tests, workers). */
export function buildTextIndex(index: DatasetIndex): TextIndex {
  return new TextIndexBuilder(index).finish();
}

/**
 * Builds the text index in chunks, yielding to the event loop between them (so the thread can answer messages and
 * the page stays responsive), and waiting before each chunk for as long as `pauseMs()` says.
 */
export async function buildTextIndexAsync(
  index: DatasetIndex,
  chunkSize = 500,
  pauseMs: () => number = () => 0,
): Promise<TextIndex> {
  const builder = new TextIndexBuilder(index);
  for (let i = 0; i < index.size; i += chunkSize) {
    await nextTurn(pauseMs());
    builder.addUpTo(Math.min(index.size, i + chunkSize));
  }
  return builder.finish();
}

/**
 * Resolves after `ms`, or with no pause on the event loop's next turn: a message, not a zero timeout, which
 * browsers stretch to 4 ms once timeouts nest, which adds up over hundreds of slices.
 */
function nextTurn(ms: number): Promise<void> {
  if (ms > 0 || typeof MessageChannel === 'undefined')
    return new Promise((r) => setTimeout(r, Math.max(0, ms)));
  return new Promise((r) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      r();
    };
    port2.postMessage(null);
  });
}

/** A spelling other than the query word that the search let through: a near spelling or an equivalent one. */
export interface SpellingMatch {
  /** The indexed word (lower case). */
  word: string;
  /** The query word it stands in for, as typed. */
  typed: string;
  /** `near`: within the typo tolerance; `equivalent`: a known other spelling of the same name. */
  kind: 'near' | 'equivalent';
  /** The events found that hold it, ascending. */
  positions: Uint32Array;
}

export interface TextMatch {
  positions: Uint32Array;
  /** Indexed terms that matched (after prefix and fuzzy expansion), for highlighting. */
  terms: string[];
  /** The other spellings that matched, so the analyst sees why an event was found. */
  spellings: SpellingMatch[];
}

/** One edit per five letters; shorter words match exactly or by prefix only ("froz" must not find "from"). */
function maxEdits(word: string): number {
  return word.length >= 5 ? Math.min(6, Math.round(word.length * 0.2)) : 0;
}

/** The indexed words a query word stands for, by why they match. */
interface Expansion {
  ids: number[];
  near: number[];
  equivalent: number[];
}

/**
 * The indexed words a query word stands for: itself and its equivalent spellings, words they begin (loose only),
 * and (loose, from five letters) near spellings of the word itself.
 */
function expand(text: TextIndex, word: string, loose: boolean): Expansion {
  const found = new Set<number>();
  const near: number[] = [];
  const equivalent: number[] = [];
  const spellings = text.spellings.get(word) ?? [word];
  for (const spelling of [word, ...spellings.filter((s) => s !== word)]) {
    const ids = loose
      ? Array.from(text.words.atPrefix(spelling).values())
      : [text.words.get(spelling)].filter((id): id is number => id !== undefined);
    for (const id of ids) {
      if (found.has(id)) continue;
      found.add(id);
      if (spelling !== word) equivalent.push(id);
    }
  }
  const edits = loose ? maxEdits(word) : 0;
  if (edits > 0)
    for (const [id] of text.words.fuzzyGet(word, edits).values()) {
      if (found.has(id)) continue;
      found.add(id);
      near.push(id);
    }
  return { ids: [...found], near, equivalent };
}

/** The events holding any of the words. */
function eventsWithAny(text: TextIndex, ids: readonly number[]): Bitset {
  const set = new Bitset(text.size);
  const { starts, postings } = text;
  for (const id of ids) for (let k = starts[id]!; k < starts[id + 1]!; k++) set.add(postings[k]!);
  return set;
}

/** Splits text into words as `words` does, keeping their case (to show a spelling as the analyst typed it). */
function typedWords(text: string): string[] {
  return text.split(/[\s\p{Z}\p{P}\p{Cc}]+/u).filter((w) => w.length > 0);
}

/**
 * Events matching every term (prefix, fuzzy, equivalent spellings) and every quoted phrase (exact words, or their
 * equivalent spellings), ascending by position.
 */
export function searchText(index: DatasetIndex, text: TextIndex, q: string): TextMatch {
  const { terms, phrases } = parseTextQuery(q);
  const wanted: (Expansion & { highlight: boolean; typed: string })[] = [];
  for (const t of terms)
    for (const w of typedWords(t))
      for (const lw of words(w))
        wanted.push({ ...expand(text, lw, true), highlight: true, typed: w });
  for (const p of phrases)
    for (const w of typedWords(p))
      for (const lw of words(w))
        wanted.push({ ...expand(text, lw, false), highlight: false, typed: w });
  if (wanted.length === 0) return { positions: new Uint32Array(0), terms: [], spellings: [] };

  let found: Bitset | undefined;
  for (const { ids } of wanted) {
    const set = eventsWithAny(text, ids);
    found = found ? found.and(set) : set;
  }
  let positions = found!.toArray();
  const phrasesFound = new Set<string>();
  if (phrases.length > 0) {
    const lowered = phrases.map((p) => p.toLowerCase().replace(/\s+/g, ' '));
    const { spellings } = text;
    const respelled = lowered.map((p) =>
      words(p).some((w) => spellings.has(w)) ? canonicalSpelling(spellings, p) : undefined,
    );
    positions = positions.filter((pos) => {
      const hay = searchableText(index, index.events.at(pos)!);
      let canonHay: string | undefined;
      const asWritten = lowered.map((p) => hay.includes(p));
      const ok = lowered.every((_, k) => {
        if (asWritten[k]) return true;
        const canon = respelled[k];
        if (canon === undefined) return false;
        canonHay ??= canonicalSpelling(spellings, hay);
        return canonHay.includes(canon);
      });
      if (ok) lowered.forEach((p, k) => asWritten[k] && phrasesFound.add(p));
      return ok;
    });
    found = Bitset.of(text.size, positions);
  }

  // Highlight the words that matched in the events found (as a search engine reports its matched terms), and
  // report the spellings other than the query's own with the events found that hold them.
  const matched = new Set<string>();
  const others = new Map<string, SpellingMatch>();
  const { starts, postings, names } = text;
  const heldBy = (id: number): boolean => {
    for (let k = starts[id]!; k < starts[id + 1]!; k++) if (found!.has(postings[k]!)) return true;
    return false;
  };
  for (const { ids, highlight } of wanted)
    if (highlight) for (const id of ids) if (heldBy(id)) matched.add(names[id]!);
  for (const { near, equivalent, typed } of wanted) {
    for (const [kind, list] of [
      ['near', near],
      ['equivalent', equivalent],
    ] as const) {
      for (const id of list) {
        const word = names[id]!;
        if (others.has(word)) continue;
        const held: number[] = [];
        for (let k = starts[id]!; k < starts[id + 1]!; k++)
          if (found!.has(postings[k]!)) held.push(postings[k]!);
        if (held.length === 0) continue;
        matched.add(word);
        others.set(word, { word, typed, kind, positions: Uint32Array.from(held) });
      }
    }
  }
  for (const p of phrasesFound) matched.add(p);
  return { positions, terms: [...matched], spellings: [...others.values()] };
}

/** Answers a text query, or undefined while its answer is not known yet (the search runs elsewhere). */
export type TextMatcher = (q: string) => TextMatch | undefined;

/** A matcher that searches an index in this thread. */
export function textMatcher(index: DatasetIndex, text: TextIndex): TextMatcher {
  return (q) => searchText(index, text, q);
}
