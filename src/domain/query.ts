import { Bitset } from './bitset';
import { forEachInWindow, type DatasetIndex, type Dimension } from './buildIndex';
import { parseIsoDate } from './dates';
import { inBbox, type Bbox } from './geo';
import { noteMatches, type LayerIndex } from './annotations';
import type { Filters } from './filters';
import { measureByName, type Measure, type MeasureRange } from './measures';
import type { SpellingMatch, TextMatcher } from './textSearch';
import { PRECISIONS, type EntityType, ENTITY_TYPES } from './types';

/** Facet counts: each facet's counts apply every active filter except its own. */
export interface FacetCounts {
  actors: Uint32Array;
  etypes: Uint32Array;
  types: Uint32Array;
  tags: Uint32Array;
  places: Uint32Array;
  prec: Uint32Array;
}

/** Filter values that name nothing in this dataset (shown as stale chips, ignored by matching). */
export interface StaleValues {
  actors: string[];
  xactors: string[];
  types: string[];
  tags: string[];
  places: string[];
}

export interface QueryResult {
  /** The events that pass every filter. */
  matches: Bitset;
  count: number;
  facets: FacetCounts;
  stale: StaleValues;
  /** Indexed terms that matched the text query, for highlighting. */
  highlightTerms: string[];
  /** Spellings other than the query's own that matched, with how many of the matches hold each (most first). */
  spellings: SpellingCount[];
  /** Problems with filter values (an unreadable date), said to the user. */
  notices: string[];
  /** The analyst layer's facets under the facet rule: starred events, and events per analyst tag. */
  layer: { starred: number; atags: Map<string, number> };
  /**
   * Per measure range in force: how many events pass every other filter but have no value of that measure (the
   * range leaves them out, and the analyst is told how many).
   */
  measureMissing: MeasureMissing[];
}

/** Events a measure range leaves out for having no value. */
export interface MeasureMissing {
  name: string;
  count: number;
}

/** A spelling the text search let through and how many matching events hold it. */
export interface SpellingCount {
  word: string;
  /** The query word it stands in for, as typed. */
  typed: string;
  kind: SpellingMatch['kind'];
  count: number;
}

type DimKey =
  | 'actor'
  | 'etype'
  | 'type'
  | 'tag'
  | 'place'
  | 'prec'
  | 'text'
  | 'date'
  | 'area'
  | 'starred'
  | 'atag'
  | 'measure';

function union(size: number, lists: Uint32Array[]): Bitset {
  const b = new Bitset(size);
  for (const l of lists) for (let k = 0; k < l.length; k++) b.add(l[k]!);
  return b;
}

/**
 * Adds to `into` the events per entity type, given how many events have each pattern of entity-type bits (a bit
 * per ENTITY_TYPES entry; `patterns[bits]` events have exactly those). Events are counted per pattern first, a
 * single increment each, and the few patterns spread over the types after: an order of magnitude cheaper than
 * spreading each event's bits.
 */
function addEntityTypes(patterns: Uint32Array, into: Uint32Array): void {
  for (let p = 1; p < patterns.length; p++) {
    const times = patterns[p]!;
    if (times === 0) continue;
    for (let t = 0, bits = p; bits !== 0; bits >>>= 1, t++) if (bits & 1) into[t]! += times;
  }
}

/** Room for every pattern of entity-type bits (index.eventEntityTypes is a Uint8Array). */
const PATTERNS = 256;

const allCounts = new WeakMap<DatasetIndex, FacetCounts>();

/**
 * The facet counts over every event, read off the postings' lengths (and one pass for entity types), once per
 * index: counting them event by event would be a pass over every event on every query without filters.
 */
function countsOfAll(index: DatasetIndex): FacetCounts {
  let c = allCounts.get(index);
  if (!c) {
    const lengths = (lists: Uint32Array[]) => Uint32Array.from(lists, (l) => l.length);
    const etypes = new Uint32Array(ENTITY_TYPES.length);
    const patterns = new Uint32Array(PATTERNS);
    const bits = index.eventEntityTypes;
    for (let i = 0; i < index.size; i++) patterns[bits[i]!]!++;
    addEntityTypes(patterns, etypes);
    c = {
      actors: lengths(index.actorPostings),
      etypes,
      types: lengths(index.types.postings),
      tags: lengths(index.tags.postings),
      places: lengths(index.places.postings),
      prec: lengths(index.precisionPostings),
    };
    allCounts.set(index, c);
  }
  return c;
}

function resolve(dim: Dimension, values: string[], stale: string[]): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (const v of values) {
    const c = dim.lookup.get(v);
    if (c === undefined) stale.push(v);
    else out.push(dim.postings[c]!);
  }
  return out;
}

/**
 * Runs the filters over the index: the matching events and the facet counts under the facet rule.
 * Pure; the text answer is optional (without it a text query narrows nothing yet, and says so in `textPending`).
 */
export function runQuery(
  index: DatasetIndex,
  text: TextMatcher | undefined,
  f: Filters,
  textPending = 'The text index is still being built; the search applies when it is ready.',
  layer?: LayerIndex,
): QueryResult {
  const { masks, stale, notices, highlightTerms, spellings } = filterMasks(
    index,
    text,
    f,
    textPending,
    layer,
  );
  const active = [...masks.entries()];
  const andAll = (except?: DimKey): Bitset => {
    const b = index.all.clone();
    for (const [k, m] of active) if (k !== except) b.and(m);
    return b;
  };
  const matches = andAll();
  return {
    matches,
    count: active.length === 0 ? index.size : matches.count(),
    facets: facetCounts(index, masks, matches, andAll),
    layer: layerCounts(layer, masks, matches, andAll),
    stale,
    highlightTerms,
    spellings: countSpellings(spellings, matches),
    notices,
    measureMissing: missingValues(index, f.measures, masks, andAll),
  };
}

/** The ranges of a filter that name a measure of this dataset, each with its measure. */
function rangesOf(
  index: DatasetIndex,
  ranges: readonly MeasureRange[],
): { range: MeasureRange; measure: Measure }[] {
  const out: { range: MeasureRange; measure: Measure }[] = [];
  for (const range of ranges) {
    const measure = measureByName(index.measures, range.name);
    if (measure) out.push({ range, measure });
  }
  return out;
}

/** The measure range filter: events whose every ranged value is in its range (no value: out). */
function measureMask(index: DatasetIndex, f: Filters, notices: string[]): Bitset | undefined {
  for (const r of f.measures)
    if (!measureByName(index.measures, r.name))
      notices.push(
        `Ignored the range on "${r.name}": this dataset has no such numeric field${index.measures.length ? ` (it has ${index.measures.map((m) => m.name).join(', ')})` : ''}.`,
      );
  const ranges = rangesOf(index, f.measures);
  if (ranges.length === 0) return undefined;
  let m: Bitset | undefined;
  for (const { range, measure } of ranges) {
    // One tight pass per range, a bit set by hand: NaN (no value) fails both comparisons.
    const lo = range.min ?? -Infinity;
    const hi = range.max ?? Infinity;
    const { values } = measure;
    const b = new Bitset(index.size);
    const { words } = b;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v >= lo && v <= hi) words[i >>> 5]! |= 1 << (i & 31);
    }
    m = m ? m.and(b) : b;
  }
  return m;
}

/** Per range, the events passing every other filter that have no value of its measure. */
function missingValues(
  index: DatasetIndex,
  ranges: readonly MeasureRange[],
  masks: ReadonlyMap<DimKey, Bitset>,
  andAll: (except?: DimKey) => Bitset,
): MeasureMissing[] {
  if (!masks.has('measure')) return [];
  const base = andAll('measure');
  return rangesOf(index, ranges).map(({ measure }) => {
    let count = 0;
    const { values } = measure;
    base.forEach((i) => {
      if (values[i] !== values[i]) count++;
    });
    return { name: measure.name, count };
  });
}

/** How many of the matches hold each spelling; those none holds are left out. */
function countSpellings(spellings: readonly SpellingMatch[], matches: Bitset): SpellingCount[] {
  const out: SpellingCount[] = [];
  for (const { word, typed, kind, positions } of spellings) {
    let count = 0;
    for (let k = 0; k < positions.length; k++) if (matches.has(positions[k]!)) count++;
    if (count > 0) out.push({ word, typed, kind, count });
  }
  return out.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

interface Masks {
  /** One bitset per active filter dimension: the events that pass that filter alone. */
  masks: Map<DimKey, Bitset>;
  stale: StaleValues;
  notices: string[];
  highlightTerms: string[];
  spellings: SpellingMatch[];
}

/** The events each active filter lets through, with the filter values that name nothing in this dataset. */
function filterMasks(
  index: DatasetIndex,
  text: TextMatcher | undefined,
  f: Filters,
  textPending: string,
  layer: LayerIndex | undefined,
): Masks {
  const n = index.size;
  const stale: StaleValues = { actors: [], xactors: [], types: [], tags: [], places: [] };
  const notices: string[] = [];
  const masks = new Map<DimKey, Bitset>();
  let highlightTerms: string[] = [];
  let spellings: SpellingMatch[] = [];

  const actors = actorMask(index, f, stale);
  if (actors) masks.set('actor', actors);
  if (f.etypes.length > 0) {
    const wanted = new Set<EntityType>(f.etypes);
    const lists = index.entities.flatMap((e, i) =>
      wanted.has(e.type) ? [index.actorPostings[i]!] : [],
    );
    masks.set('etype', union(n, lists));
  }
  if (f.types.length > 0) masks.set('type', union(n, resolve(index.types, f.types, stale.types)));
  if (f.tags.length > 0) masks.set('tag', union(n, resolve(index.tags, f.tags, stale.tags)));
  if (f.places.length > 0)
    masks.set('place', union(n, resolve(index.places, f.places, stale.places)));
  if (f.prec.length > 0) {
    masks.set(
      'prec',
      union(
        n,
        f.prec.map((p) => index.precisionPostings[PRECISIONS.indexOf(p)] ?? new Uint32Array()),
      ),
    );
  }
  if (f.q.trim() !== '') {
    const r = text?.(f.q);
    if (r) {
      highlightTerms = r.terms;
      spellings = r.spellings;
      const m = Bitset.of(n, r.positions);
      if (layer) m.or(noteMatches(layer, n, f.q));
      masks.set('text', m);
    } else {
      notices.push(textPending);
    }
  }
  const dates = dateMask(index, f, notices);
  if (dates) masks.set('date', dates);
  if (f.bbox) masks.set('area', areaMask(index, f.bbox));
  const measures = measureMask(index, f, notices);
  if (measures) masks.set('measure', measures);
  if (f.starred) masks.set('starred', layer ? layer.starred.clone() : new Bitset(n));
  if (f.atags.length > 0)
    masks.set(
      'atag',
      union(
        n,
        f.atags.map((t) => layer?.tags.get(t) ?? new Uint32Array()),
      ),
    );
  return { masks, stale, notices, highlightTerms, spellings };
}

/** The actor dimension: included actors (any or all of them) and excluded ones together. */
function actorMask(index: DatasetIndex, f: Filters, stale: StaleValues): Bitset | undefined {
  const n = index.size;
  const postings = (ids: string[], staleInto: string[]) => {
    const out: Uint32Array[] = [];
    for (const id of ids) {
      const c = index.entityLookup.get(id);
      if (c === undefined) staleInto.push(id);
      else out.push(index.actorPostings[c]!);
    }
    return out;
  };
  const inc = postings(f.actors, stale.actors);
  const exc = postings(f.xactors, stale.xactors);
  if (inc.length === 0 && exc.length === 0) return undefined;
  let m: Bitset;
  if (inc.length === 0) m = index.all.clone();
  else if (f.match === 'all') {
    m = Bitset.of(n, inc[0]!);
    for (const l of inc.slice(1)) m.and(Bitset.of(n, l));
  } else m = union(n, inc);
  if (exc.length > 0) m.andNot(union(n, exc));
  return m;
}

/**
 * The date-range filter's bounds in ms: `since`'s start and `until`'s end, each of any precision; an unreadable
 * bound is said in `notices` and left open. Undefined when neither bound narrows anything. Read by every engine.
 */
export function dateRangeBounds(
  f: Pick<Filters, 'since' | 'until'>,
  notices: string[],
): { from: number; to: number } | undefined {
  let from = -Infinity;
  let to = Infinity;
  if (f.since) {
    const d = parseIsoDate(f.since);
    if (d.ok) from = d.value.start;
    else notices.push(`Ignored the "from" date: ${d.error}`);
  }
  if (f.until) {
    const d = parseIsoDate(f.until);
    if (d.ok) to = d.value.end;
    else notices.push(`Ignored the "to" date: ${d.error}`);
  }
  return from === -Infinity && to === Infinity ? undefined : { from, to };
}

/** The date-range filter: events overlapping [since, until], each bound of any precision. */
function dateMask(index: DatasetIndex, f: Filters, notices: string[]): Bitset | undefined {
  const bounds = dateRangeBounds(f, notices);
  if (!bounds) return undefined;
  const { from, to } = bounds;
  const m = new Bitset(index.size);
  forEachInWindow(index, from, to, (i) => m.add(i));
  return m;
}

/**
 * Whether the analyst's layer can change which events a filter set matches (the starred and analyst-tag filters,
 * and a text query, which also searches notes). When it cannot, a star or a note changes only the layer's counts.
 */
export function filtersReadLayer(f: Pick<Filters, 'starred' | 'atags' | 'q'>): boolean {
  return f.starred || f.atags.length > 0 || f.q.trim() !== '';
}

/**
 * A result of `runQuery` for filters that do not read the layer (`filtersReadLayer` false), with the layer's
 * counts taken over its matches: the same as running the query with the layer, at the cost of the starred set's
 * words and the tags' postings. The matches and facets are the result's own (same objects), so what is drawn from
 * them is not redrawn for a star.
 */
export function withLayerCounts(result: QueryResult, layer: LayerIndex | undefined): QueryResult {
  const all = () => result.matches;
  return { ...result, layer: layerCounts(layer, new Map(), result.matches, all) };
}

/** Starred events and events per analyst tag, each counted over every active filter but its own. */
function layerCounts(
  layer: LayerIndex | undefined,
  masks: ReadonlyMap<DimKey, Bitset>,
  matches: Bitset,
  andAll: (except?: DimKey) => Bitset,
): QueryResult['layer'] {
  const atags = new Map<string, number>();
  if (!layer) return { starred: 0, atags };
  const starredBase = masks.has('starred') ? andAll('starred') : matches;
  const tagBase = masks.has('atag') ? andAll('atag') : matches;
  for (const [t, postings] of layer.tags) {
    let c = 0;
    for (const p of postings) if (tagBase.has(p)) c++;
    atags.set(t, c);
  }
  return { starred: starredBase.clone().and(layer.starred).count(), atags };
}

/** The area filter: events placed inside the box (an event without a place is outside every box). */
function areaMask(index: DatasetIndex, box: Bbox): Bitset {
  const m = new Bitset(index.size);
  const { lats, lons } = index;
  for (let i = 0; i < index.size; i++) if (inBbox(box, lats[i]!, lons[i]!)) m.add(i);
  return m;
}

/**
 * The facet counts under the facet rule: each facet counts over every active filter but its own. A facet no
 * other filter narrows reads the counts over every event, known in advance.
 */
function facetCounts(
  index: DatasetIndex,
  masks: ReadonlyMap<DimKey, Bitset>,
  matches: Bitset,
  andAll: (except?: DimKey) => Bitset,
): FacetCounts {
  const facetMask = (k: DimKey) => (masks.has(k) ? andAll(k) : matches);
  const unfiltered = (k: DimKey) => [...masks.keys()].every((key) => key === k);
  const all = countsOfAll(index);
  const facets: FacetCounts = {
    actors: new Uint32Array(index.entities.length),
    etypes: new Uint32Array(ENTITY_TYPES.length),
    types: new Uint32Array(index.types.values.length),
    tags: new Uint32Array(index.tags.values.length),
    places: new Uint32Array(index.places.values.length),
    prec: new Uint32Array(PRECISIONS.length),
  };
  const {
    actorOffsets,
    actorValues,
    tagOffsets,
    tagValues,
    eventType,
    eventPlace,
    eventPrecision,
    eventEntityTypes,
  } = index;
  const tally = (k: DimKey, field: keyof FacetCounts, add: (i: number) => void) => {
    if (unfiltered(k)) facets[field].set(all[field]);
    else facetMask(k).forEach(add);
  };
  tally('actor', 'actors', (i) => {
    for (let k = actorOffsets[i]!; k < actorOffsets[i + 1]!; k++) facets.actors[actorValues[k]!]!++;
  });
  const patterns = new Uint32Array(PATTERNS);
  tally('etype', 'etypes', (i) => patterns[eventEntityTypes[i]!]!++);
  addEntityTypes(patterns, facets.etypes);
  tally('type', 'types', (i) => {
    const t = eventType[i]!;
    if (t >= 0) facets.types[t]!++;
  });
  tally('tag', 'tags', (i) => {
    for (let k = tagOffsets[i]!; k < tagOffsets[i + 1]!; k++) facets.tags[tagValues[k]!]!++;
  });
  tally('place', 'places', (i) => {
    const p = eventPlace[i]!;
    if (p >= 0) facets.places[p]!++;
  });
  tally('prec', 'prec', (i) => {
    facets.prec[eventPrecision[i]!]!++;
  });
  return facets;
}
