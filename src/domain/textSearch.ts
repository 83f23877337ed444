import MiniSearch, { type SearchOptions } from 'minisearch';
import { entityById, type DatasetIndex } from './buildIndex';
import { LIMITS } from './normalise';
import type { TimelineEvent } from './types';

type Doc = { id: number };
const FIELDS = ['title', 'description', 'actors', 'location', 'tags', 'sources', 'type'] as const;

/** The full-text index of a dataset (MiniSearch): prefix and fuzzy terms, quoted phrases. */
export interface TextIndex {
  search: MiniSearch<Doc>;
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

function clipField(s: string | undefined): string {
  if (!s) return '';
  return s.length > LIMITS.displayFieldChars ? s.slice(0, LIMITS.displayFieldChars) : s;
}

/** The searchable text of one field of an event. */
function fieldText(index: DatasetIndex, e: TimelineEvent, field: string): string {
  switch (field) {
    case 'title':
      return e.title;
    case 'description':
      return clipField(e.description);
    case 'actors':
      return e.actors
        .map((id) => {
          const ent = entityById(index, id);
          return ent ? [ent.name, ...ent.aliases].join(' ') : id;
        })
        .join(' ');
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
  return FIELDS.map((f) => fieldText(index, e, f))
    .join(' \u0000 ')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function createMiniSearch(index: DatasetIndex): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: [...FIELDS],
    storeFields: [],
    extractField: (doc, field) => {
      if (field === 'id') return doc.id;
      const e = index.events[doc.id];
      return e ? fieldText(index, e, field) : '';
    },
    searchOptions: { boost: { title: 3, actors: 2 } },
  });
}

/** Builds the text index in one go (tests, workers). */
export function buildTextIndex(index: DatasetIndex): TextIndex {
  const search = createMiniSearch(index);
  search.addAll(docs(index.size));
  return { search };
}

/** Builds the text index in chunks, yielding to the event loop between them so the page stays responsive. */
export async function buildTextIndexAsync(
  index: DatasetIndex,
  chunkSize = 500,
): Promise<TextIndex> {
  const search = createMiniSearch(index);
  await search.addAllAsync(docs(index.size), { chunkSize });
  return { search };
}

function docs(n: number): Doc[] {
  const out: Doc[] = new Array<Doc>(n);
  for (let i = 0; i < n; i++) out[i] = { id: i };
  return out;
}

export interface TextMatch {
  positions: Uint32Array;
  /** Indexed terms that matched (after prefix and fuzzy expansion), for highlighting. */
  terms: string[];
}

// One edit per five letters; shorter words match exactly or by prefix only ("froz" must not find "from").
const fuzzyFor = (term: string) => (term.length >= 5 ? 0.2 : false);

/** Events matching every term (prefix, fuzzy) and every quoted phrase, ascending by position. */
export function searchText(index: DatasetIndex, text: TextIndex, q: string): TextMatch {
  const { terms, phrases } = parseTextQuery(q);
  if (terms.length === 0 && phrases.length === 0)
    return { positions: new Uint32Array(0), terms: [] };
  const queries: (string | (SearchOptions & { queries: string[] }))[] = [];
  for (const t of terms)
    queries.push({ queries: [t], prefix: true, fuzzy: fuzzyFor(t) ? fuzzyFor : false });
  for (const p of phrases)
    queries.push({ queries: [p], prefix: false, fuzzy: false, combineWith: 'AND' });
  const results = text.search.search({ queries, combineWith: 'AND' });
  const matched = new Set<string>();
  const positions: number[] = [];
  const lowered = phrases.map((p) => p.toLowerCase());
  for (const r of results) {
    const pos = r.id as number;
    if (lowered.length > 0) {
      const e = index.events[pos];
      if (!e) continue;
      const hay = searchableText(index, e);
      if (!lowered.every((p) => hay.includes(p))) continue;
    }
    positions.push(pos);
    for (const t of r.terms) matched.add(t);
  }
  positions.sort((a, b) => a - b);
  for (const p of phrases) matched.add(p.toLowerCase());
  return { positions: Uint32Array.from(positions), terms: [...matched] };
}

/** Answers a text query, or undefined while its answer is not known yet (the search runs elsewhere). */
export type TextMatcher = (q: string) => TextMatch | undefined;

/** A matcher that searches an index in this thread. */
export function textMatcher(index: DatasetIndex, text: TextIndex): TextMatcher {
  return (q) => searchText(index, text, q);
}
