import type { TimelineEvent } from './types';

/**
 * The events of an index by time-sorted position. A plain array is one (the worker's, and tests'); the page holds
 * a ChunkedEventStore. Either way an event is read with `at(pos)`.
 */
export interface EventStore {
  readonly length: number;
  at(pos: number): TimelineEvent | undefined;
}

/** Finds an event's position by its id. A Map is one; the page holds an IdTable. */
export interface IdLookup {
  get(id: string): number | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Every field of an event, in the order a chunk lists them. A chunk is a list of rows, one per event, each the
 * values of these fields (null for an absent one): field names written out in every event were a third of the
 * bytes, which the worker writes, the page keeps and parses.
 */
const FIELDS = [
  'id',
  'title',
  'start',
  'end',
  'startText',
  'endText',
  'precision',
  'approximate',
  'hasEnd',
  'offsetMinutes',
  'type',
  'actors',
  'location',
  'description',
  'tags',
  'sources',
  'other',
] as const satisfies readonly (keyof TimelineEvent)[];
// Every field of TimelineEvent is listed (a field added to the type and not here fails to compile).
const everyField: [Exclude<keyof TimelineEvent, (typeof FIELDS)[number]>] extends [never]
  ? true
  : never = true;
void everyField;

/**
 * A chunk of events as the worker sends it: rows of their field values as JSON, UTF-8 encoded. Events are JSON by
 * construction (parsed from JSON or CSV text; normalised numbers are finite), so the round trip gives them back
 * equal; no field of an event is ever null, so null stands for an absent one.
 */
export function encodeEvents(events: readonly TimelineEvent[]): Uint8Array {
  const rows = new Array<unknown[]>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const row = new Array<unknown>(FIELDS.length);
    for (let f = 0; f < FIELDS.length; f++) row[f] = e[FIELDS[f]!] ?? null;
    rows[i] = row;
  }
  return encoder.encode(JSON.stringify(rows));
}

/** Where each field sits in a row. */
const AT = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<
  (typeof FIELDS)[number],
  number
>;

/**
 * The events of a chunk made by encodeEvents, in order; absent fields are undefined. Built as one object literal:
 * a third faster than setting the fields one by one, and every event
 * has the same shape.
 */
export function decodeEvents(bytes: Uint8Array): TimelineEvent[] {
  const rows = JSON.parse(decoder.decode(bytes)) as unknown[][];
  return rows.map(
    (r) =>
      ({
        id: r[AT.id],
        title: r[AT.title],
        start: r[AT.start],
        end: r[AT.end],
        startText: r[AT.startText],
        endText: r[AT.endText] ?? undefined,
        precision: r[AT.precision],
        approximate: r[AT.approximate],
        hasEnd: r[AT.hasEnd],
        offsetMinutes: r[AT.offsetMinutes] ?? undefined,
        type: r[AT.type] ?? undefined,
        actors: r[AT.actors],
        location: r[AT.location] ?? undefined,
        description: r[AT.description] ?? undefined,
        tags: r[AT.tags],
        sources: r[AT.sources],
        other: r[AT.other],
      }) as TimelineEvent,
  );
}

/** Most events in one chunk, and the encoded size a chunk aims at (a chunk is parsed on the page in one go). */
export const MAX_EVENT_CHUNK = 1000;
export const CHUNK_BYTES = 256 * 1024;

/**
 * Events per chunk for these events, from the encoded size of a sample: about `targetBytes` each, at most `max`.
 * Events vary several-fold in size (UCDP's long descriptions), so a chunk of a fixed count could cost a long
 * render of the table that first reads it; sized by bytes, a chunk of any dataset costs a few milliseconds.
 */
export function chunkSizeFor(
  events: readonly TimelineEvent[],
  targetBytes = CHUNK_BYTES,
  max = MAX_EVENT_CHUNK,
): number {
  const sample = events.slice(0, 200);
  if (sample.length === 0) return max;
  const perEvent = encodeEvents(sample).length / sample.length;
  return Math.max(1, Math.min(max, Math.floor(targetBytes / perEvent)));
}

/**
 * The page's events: the worker's chunks kept as encoded bytes, each parsed the first time one of its events is
 * read, with the most recently read chunks kept parsed. Held as event objects, a million events fill the page's JS
 * heap and, as they arrive, make long garbage collections (every object survives, so each collection copies them); bytes are not traced by the collector at all. What the page reads is bounded: the
 * events on screen, in the list's rows and in the details, or every event once for an export or a sort by title.
 */
export class ChunkedEventStore implements EventStore {
  private readonly chunks: Uint8Array[] = [];
  private readonly parsed = new Map<number, TimelineEvent[]>();
  private count = 0;
  private lastChunk = -1;
  private lastEvents: TimelineEvent[] | undefined;

  /**
   * @param chunkSize events per chunk; every chunk but the last holds exactly this many.
   * @param keep how many chunks stay parsed at once.
   */
  constructor(
    private readonly chunkSize: number,
    private readonly keep = 64,
  ) {}

  get length(): number {
    return this.count;
  }

  /** Appends the next chunk (`count` events, encoded by encodeEvents). */
  add(bytes: Uint8Array, count: number): void {
    if (this.count % this.chunkSize !== 0)
      throw new Error('Only the last chunk may hold fewer events than the chunk size.');
    if (count > this.chunkSize) throw new Error('A chunk holds more events than the chunk size.');
    this.chunks.push(bytes);
    this.count += count;
  }

  at(pos: number): TimelineEvent | undefined {
    if (!Number.isInteger(pos) || pos < 0 || pos >= this.count) return undefined;
    const c = Math.floor(pos / this.chunkSize);
    // Reads come in runs (a window, rows, a build going through every event): the chunk read last is already
    // the most recent, so it needs no reordering.
    if (c === this.lastChunk) return this.lastEvents![pos - c * this.chunkSize];
    let events = this.parsed.get(c);
    if (events) {
      // Most recently read last: the first key is the one to drop.
      this.parsed.delete(c);
    } else {
      events = decodeEvents(this.chunks[c]!);
      if (this.parsed.size >= this.keep) this.parsed.delete(this.parsed.keys().next().value!);
    }
    this.parsed.set(c, events);
    this.lastChunk = c;
    this.lastEvents = events;
    return events[pos - c * this.chunkSize];
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An IdTable as it travels from the worker: one string and two typed arrays (transferable). */
export interface IdTableParts {
  /** Every id, in position order, end to end. */
  text: string;
  /** Where each position's id starts in `text`; one more entry than positions. */
  starts: Uint32Array;
  /** Open-addressed hash table of positions (-1: empty); its length is a power of two. */
  slots: Int32Array;
}

/** Builds the id lookup of events in position order. Ids are unique (the normaliser keeps the first). */
export function idTableParts(ids: readonly string[]): IdTableParts {
  const starts = new Uint32Array(ids.length + 1);
  let at = 0;
  ids.forEach((id, i) => {
    starts[i] = at;
    at += id.length;
  });
  starts[ids.length] = at;
  let size = 1;
  while (size < ids.length * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  ids.forEach((id, pos) => {
    let s = hash(id) & mask;
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = pos;
  });
  return { text: ids.join(''), starts, slots };
}

/**
 * The page's id → position lookup: a Map of a million ids cost ~60 MB of heap and a long collection as it
 * grew; this is one string and two typed arrays.
 */
export class IdTable implements IdLookup {
  constructor(readonly parts: IdTableParts) {}

  get(id: string): number | undefined {
    const { text, starts, slots } = this.parts;
    const mask = slots.length - 1;
    if (mask < 0) return undefined; // no table (its buffer was transferred away): never loop forever
    for (let s = hash(id) & mask; ; s = (s + 1) & mask) {
      const pos = slots[s]!;
      if (pos === -1) return undefined;
      const from = starts[pos]!;
      const to = starts[pos + 1]!;
      if (to - from === id.length && text.startsWith(id, from)) return pos;
    }
  }
}
