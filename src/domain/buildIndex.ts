import { Bitset } from './bitset';
import { isOnTimeline } from './drawableRange';
import { isPlaceable } from './geo';
import {
  IdTable,
  idTableParts,
  type EventStore,
  type IdLookup,
  type IdTableParts,
} from './eventStore';
import { detectMeasures, type Measure } from './measures';
import type { Dataset, Entity, Precision, TimelineEvent } from './types';
import { ENTITY_TYPES, PRECISIONS } from './types';

/** A dataset as an index holds it: its events in time order, read by position. */
export type IndexedDataset = Omit<Dataset, 'events'> & { events: EventStore };

/** A dictionary of distinct string values, with each value's postings (sorted event positions). */
export interface Dimension {
  values: string[];
  lookup: Map<string, number>;
  postings: Uint32Array[];
}

/**
 * The per-dataset index every query runs on: events sorted by time, typed-array columns, and postings per entity,
 * type, tag, place and precision. Built once per dataset; queries cost about the size of their result.
 */
export interface DatasetIndex {
  dataset: IndexedDataset;
  /** Events sorted by start, then end, then id. Positions below are into this store. */
  events: EventStore;
  size: number;
  starts: Float64Array;
  ends: Float64Array;
  /**
   * Every event's end, ascending (not by position): how many events end by a time is one binary search. With
   * `starts`, how many events overlap any interval when no filter narrows them (levelOfDetail's count buckets).
   */
  endsSorted: Float64Array;
  byId: IdLookup;
  entities: Entity[];
  entityLookup: Map<string, number>;
  actorPostings: Uint32Array[];
  /** CSR layout of each event's actors (entity numbers). */
  actorOffsets: Uint32Array;
  actorValues: Uint32Array;
  /** Per event, a bit per ENTITY_TYPES entry: set when one of its actors is of that type. */
  eventEntityTypes: Uint8Array;
  types: Dimension;
  eventType: Int32Array;
  tags: Dimension;
  tagOffsets: Uint32Array;
  tagValues: Uint32Array;
  places: Dimension;
  eventPlace: Int32Array;
  precisionPostings: Uint32Array[];
  eventPrecision: Uint8Array;
  /** Each event's place in degrees; NaN where it has none (or half of one). */
  lats: Float64Array;
  lons: Float64Array;
  /** How many events have a place the map can draw. */
  located: number;
  /** Events longer than `shortSpan`, scanned separately by window queries. */
  longEvents: Uint32Array;
  shortSpan: number;
  /** The drawable extent of the data, or undefined when no event can be drawn. */
  extent?: { start: number; end: number };
  /** Events whose dates lie outside what the timeline axis can draw. */
  undrawable: number;
  /** The dataset's numeric fields as columns by position (NaN where missing): what can be summed and ranged. */
  measures: Measure[];
  all: Bitset;
}

/**
 * The events sorted by start, then end, then id. The comparison reads typed copies of the times, not the event
 * objects: sorting a million objects by their fields was about a second of the worker's load.
 */
function timeOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  const n = events.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = events[i]!.start;
    ends[i] = events[i]!.end;
    order[i] = i;
  }
  order.sort((a, b) => {
    const d = starts[a]! - starts[b]! || ends[a]! - ends[b]!;
    if (d !== 0) return d;
    const x = events[a]!.id;
    const y = events[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return Array.from(order, (i) => events[i]!);
}

class DimensionBuilder {
  values: string[] = [];
  lookup = new Map<string, number>();
  lists: number[][] = [];

  code(value: string): number {
    let c = this.lookup.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.lookup.set(value, c);
      this.lists.push([]);
    }
    return c;
  }

  post(code: number, position: number): void {
    this.lists[code]!.push(position);
  }

  build(): Dimension {
    return {
      values: this.values,
      lookup: this.lookup,
      postings: this.lists.map((l) => Uint32Array.from(l)),
    };
  }
}

/** An index as built from a dataset, in one place: its events are an array. */
export type BuiltIndex = DatasetIndex & {
  events: TimelineEvent[];
  byId: IdTable;
  dataset: IndexedDataset & { events: TimelineEvent[] };
};

/** Builds the query index of a dataset (without its measures' columns when `measures` is false). */
export function buildIndex(dataset: Dataset, options: { measures?: boolean } = {}): BuiltIndex {
  const events = timeOrder(dataset.events);
  const n = events.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const ids = new Array<string>(n);
  const entities = dataset.entities;
  const entityLookup = new Map<string, number>();
  entities.forEach((e, i) => entityLookup.set(e.id, i));
  const actorLists: number[][] = entities.map(() => []);
  const entityTypeBit = entities.map((e) => 1 << Math.max(0, ENTITY_TYPES.indexOf(e.type)));
  const eventEntityTypes = new Uint8Array(n);
  const actorOffsets = new Uint32Array(n + 1);
  const actorValuesList: number[] = [];
  const types = new DimensionBuilder();
  const tags = new DimensionBuilder();
  const places = new DimensionBuilder();
  const eventType = new Int32Array(n).fill(-1);
  const eventPlace = new Int32Array(n).fill(-1);
  const tagOffsets = new Uint32Array(n + 1);
  const tagValuesList: number[] = [];
  const precisionLists: number[][] = PRECISIONS.map(() => []);
  const eventPrecision = new Uint8Array(n);
  const durations = new Float64Array(n);
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  let located = 0;
  let min = Infinity;
  let max = -Infinity;
  let undrawable = 0;

  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    starts[i] = e.start;
    ends[i] = e.end;
    durations[i] = e.end - e.start;
    ids[i] = e.id;
    if (isOnTimeline(e.start) && isOnTimeline(e.end)) {
      if (e.start < min) min = e.start;
      if (e.end > max) max = e.end;
    } else {
      undrawable++;
    }
    actorOffsets[i] = actorValuesList.length;
    for (const a of e.actors) {
      const code = entityLookup.get(a);
      if (code === undefined) continue;
      actorValuesList.push(code);
      actorLists[code]!.push(i);
      eventEntityTypes[i] = eventEntityTypes[i]! | entityTypeBit[code]!;
    }
    if (e.type !== undefined) {
      const c = types.code(e.type);
      eventType[i] = c;
      types.post(c, i);
    }
    const lat = e.location?.lat ?? Number.NaN;
    const lon = e.location?.lon ?? Number.NaN;
    if (isPlaceable(lat, lon)) {
      lats[i] = lat;
      lons[i] = lon;
      located++;
    } else {
      lats[i] = Number.NaN;
      lons[i] = Number.NaN;
    }
    if (e.location?.name !== undefined) {
      const c = places.code(e.location.name);
      eventPlace[i] = c;
      places.post(c, i);
    }
    tagOffsets[i] = tagValuesList.length;
    for (const t of e.tags) {
      const c = tags.code(t);
      tagValuesList.push(c);
      tags.post(c, i);
    }
    const p = PRECISIONS.indexOf(e.precision as Precision);
    eventPrecision[i] = p;
    precisionLists[p]!.push(i);
  }
  actorOffsets[n] = actorValuesList.length;
  tagOffsets[n] = tagValuesList.length;

  // Window queries binary-search on start and then scan back over at most `shortSpan`; the few longer events
  // (above the 99th percentile of durations) are kept aside and checked directly.
  const sorted = durations.slice().sort();
  const shortSpan = n === 0 ? 0 : sorted[Math.min(n - 1, Math.floor(n * 0.99))]!;
  const long: number[] = [];
  for (let i = 0; i < n; i++) if (durations[i]! > shortSpan) long.push(i);

  return {
    dataset,
    events,
    size: n,
    starts,
    ends,
    endsSorted: ends.slice().sort(),
    // The page's kind of id lookup (typed arrays, of which the page gets copies): a Map of a million ids took
    // the worker about as long to fill as the rest of the index.
    byId: new IdTable(idTableParts(ids)),
    entities,
    entityLookup,
    actorPostings: actorLists.map((l) => Uint32Array.from(l)),
    actorOffsets,
    actorValues: Uint32Array.from(actorValuesList),
    eventEntityTypes,
    types: types.build(),
    eventType,
    tags: tags.build(),
    tagOffsets,
    tagValues: Uint32Array.from(tagValuesList),
    places: places.build(),
    eventPlace,
    precisionPostings: precisionLists.map((l) => Uint32Array.from(l)),
    eventPrecision,
    lats,
    lons,
    located,
    longEvents: Uint32Array.from(long),
    shortSpan,
    ...(min <= max ? { extent: { start: min, end: max } } : {}),
    undrawable,
    measures: options.measures === false ? [] : detectMeasures(events),
    all: Bitset.full(n),
  };
}

/** The entity with this id, if the dataset has it. */
export function entityById(index: DatasetIndex, id: string): Entity | undefined {
  const code = index.entityLookup.get(id);
  return code === undefined ? undefined : index.entities[code];
}

/** An actor's display name: the entity's name, or the id itself when the dataset does not know it. */
export function entityName(index: DatasetIndex, id: string): string {
  return entityById(index, id)?.name ?? id;
}

/** First position whose start is ≥ t. */
export function lowerBound(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > t. */
export function upperBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many events overlap [from, to), counting every event (no filter): those starting before `to` less those
 * that end by `from` (an event is [start, end) with end > start, so one that ends by `from` starts before `to`).
 */
export function countOverlapping(index: DatasetIndex, from: number, to: number): number {
  return Math.max(0, lowerBound(index.starts, to) - upperBound(index.endsSorted, from));
}

/** Calls fn for every event overlapping [from, to), in no particular order; returns nothing. */
export function forEachInWindow(
  index: DatasetIndex,
  from: number,
  to: number,
  fn: (i: number) => void,
): void {
  // The same walk as forEachMatchInWindow, without its bitset and stop test: this runs over every event of a dense
  // window (a million at once), where one more call per event is measurable.
  const { starts, ends, longEvents, shortSpan } = index;
  const hi = lowerBound(starts, to);
  const lo = lowerBound(starts, from - shortSpan);
  for (let i = lo; i < hi; i++) {
    if (ends[i]! > from && ends[i]! - starts[i]! <= shortSpan) fn(i);
  }
  for (let k = 0; k < longEvents.length; k++) {
    const i = longEvents[k]!;
    if (starts[i]! < to && ends[i]! > from) fn(i);
  }
}

/**
 * Calls fn for every event of `matches` overlapping [from, to), stopping as soon as fn returns true. The short
 * events are read from the bitset a word at a time (a word without matches is one test), so a narrow filter costs
 * about its matches in the window, not every event of it; long events follow. Events that start inside come first,
 * in position (time) order.
 */
export function forEachMatchInWindow(
  index: DatasetIndex,
  matches: Bitset,
  from: number,
  to: number,
  fn: (i: number) => boolean | void,
): void {
  const { starts, ends, longEvents, shortSpan } = index;
  const hi = lowerBound(starts, to);
  const lo = lowerBound(starts, from - shortSpan);
  // The same word walk as the histogram's, written out in both: through a shared Bitset method taking a callback,
  // this walk and the histogram's were markedly slower at a million events.
  const { words } = matches;
  for (let w = lo >>> 5; w < words.length && w << 5 < hi; w++) {
    let v = words[w]!;
    while (v !== 0) {
      const bit = v & -v;
      v ^= bit;
      const i = (w << 5) + 31 - Math.clz32(bit);
      if (i < lo) continue;
      if (i >= hi) break;
      if (ends[i]! > from && ends[i]! - starts[i]! <= shortSpan && fn(i)) return;
    }
  }
  for (let k = 0; k < longEvents.length; k++) {
    const i = longEvents[k]!;
    if (matches.has(i) && starts[i]! < to && ends[i]! > from && fn(i)) return;
  }
}

/** A dimension without its lookup map (rebuilt on arrival: a Map does not transfer cheaply). */
export type DimensionParts = Omit<Dimension, 'lookup'>;

/**
 * An index in transferable form: every typed array travels by transfer (no copy), small lists by structured clone,
 * and the events and Maps are left out. The loader worker builds the index and sends these parts; the events
 * follow in chunks so that no single message blocks the page.
 */
export type IndexParts = Omit<
  DatasetIndex,
  'dataset' | 'events' | 'byId' | 'entities' | 'entityLookup' | 'types' | 'tags' | 'places' | 'all'
> & {
  dataset: Omit<Dataset, 'events'>;
  types: DimensionParts;
  tags: DimensionParts;
  places: DimensionParts;
  ids: IdTableParts;
};

/**
 * Splits an index into its transferable parts and the list of buffers to transfer. Transferring detaches the typed
 * arrays from the sender's index: what stays usable there is its events, entities, dimension values and id
 * lookup (whose arrays are sent as copies).
 */
export function indexParts(index: BuiltIndex): { parts: IndexParts; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const take = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T): T => {
    transfer.push(a.buffer as ArrayBuffer);
    return a;
  };
  const meta = Object.fromEntries(
    Object.entries(index.dataset).filter(([k]) => k !== 'events'),
  ) as Omit<Dataset, 'events'>;
  const dim = (d: Dimension): DimensionParts => ({
    values: d.values,
    postings: d.postings.map(take),
  });
  // Copies: the index keeps its own id lookup working after this (transferred buffers are emptied).
  const ids = index.byId.parts;
  const parts: IndexParts = {
    dataset: meta,
    ids: { text: ids.text, starts: take(ids.starts.slice()), slots: take(ids.slots.slice()) },
    size: index.size,
    starts: take(index.starts),
    ends: take(index.ends),
    endsSorted: take(index.endsSorted),
    actorPostings: index.actorPostings.map(take),
    actorOffsets: take(index.actorOffsets),
    actorValues: take(index.actorValues),
    eventEntityTypes: take(index.eventEntityTypes),
    types: dim(index.types),
    eventType: take(index.eventType),
    tags: dim(index.tags),
    tagOffsets: take(index.tagOffsets),
    tagValues: take(index.tagValues),
    places: dim(index.places),
    eventPlace: take(index.eventPlace),
    precisionPostings: index.precisionPostings.map(take),
    eventPrecision: take(index.eventPrecision),
    lats: take(index.lats),
    lons: take(index.lons),
    located: index.located,
    longEvents: take(index.longEvents),
    shortSpan: index.shortSpan,
    ...(index.extent ? { extent: index.extent } : {}),
    undrawable: index.undrawable,
    measures: index.measures.map((m) => ({ ...m, values: take(m.values) })),
  };
  // A buffer can be transferred once; views that share one are listed once.
  return { parts, transfer: [...new Set(transfer)] };
}

const lookupOf = (values: readonly string[]) => new Map(values.map((v, i) => [v, i] as const));

/**
 * An index again from its parts and a store that will hold the time-sorted events (the worker sends them after
 * the parts, in chunks). The Maps are rebuilt here.
 */
export function assembleIndex(parts: IndexParts, events: EventStore): DatasetIndex {
  const { dataset, types, tags, places, ids, ...rest } = parts;
  return {
    ...rest,
    dataset: { ...dataset, events },
    events,
    byId: new IdTable(ids),
    entities: dataset.entities,
    entityLookup: lookupOf(dataset.entities.map((e) => e.id)),
    types: { ...types, lookup: lookupOf(types.values) },
    tags: { ...tags, lookup: lookupOf(tags.values) },
    places: { ...places, lookup: lookupOf(places.values) },
    all: Bitset.full(parts.size),
  };
}
