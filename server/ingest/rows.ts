import { entityName, type BuiltIndex } from '../../src/domain/buildIndex';
import { actorText, fieldText, words } from '../../src/domain/textSearch';
import type { Dataset } from '../../src/domain/types';
import { isPlaceable } from '../../src/domain/geo';

/**
 * PostgreSQL text cannot hold U+0000; a dataset may. Every string the database stores or compares goes through
 * this one replacement (the query side too), so a value with U+0000 still matches itself.
 */
export function pgText(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\ufffd') : s;
}

/** What COPY's text format reads specially. */
const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '\\N';
  return copyEscaped(pgText(s));
}

/** COPY's escapes only (the value holds no U+0000, or leaves it to the caller). */
function copyEscaped(s: string): string {
  // Most values hold none of these: one test instead of a replace that builds a new string.
  if (!COPY_SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** U+FFFD (pgText's replacement for U+0000) as COPY's escapes of its UTF-8 bytes: ASCII text stays one-byte. */
const COPY_REPLACEMENT = '\\xEF\\xBF\\xBD';

/** A list of integers as a PostgreSQL array literal. */
function intArray(xs: ArrayLike<number>, from = 0, to = xs.length): string {
  if (from >= to) return '{}';
  let out = `{${xs[from]!}`;
  for (let k = from + 1; k < to; k++) out += `,${xs[k]!}`;
  return `${out}}`;
}

/** A number COPY reads back as the same double (JSON's shortest round-trip form). */
const num = (x: number) => (Number.isFinite(x) ? String(x) : x > 0 ? 'Infinity' : '-Infinity');

/** The words dictionary of a dataset, filled while its event rows are written. */
export class WordCodes {
  readonly codes = new Map<string, number>();
  code(w: string): number {
    let c = this.codes.get(w);
    if (c === undefined) {
      c = this.codes.size;
      this.codes.set(w, c);
    }
    return c;
  }
}

/**
 * Each event's distinct word codes, recorded in position order as its events row is written: the codes of event
 * i are `codes()[ends[i-1] .. ends[i])`. The word rollups (rollupRows.ts) count them instead of splitting every
 * event's text a second time.
 */
export class WordLists {
  private seq = new Uint32Array(1 << 16);
  private len = 0;
  readonly ends: Uint32Array;
  constructor(size: number) {
    this.ends = new Uint32Array(size);
  }
  push(i: number, codes: readonly number[]): void {
    if (this.len + codes.length > this.seq.length) {
      const grown = new Uint32Array(Math.max(this.len + codes.length, this.seq.length * 2));
      grown.set(this.seq.subarray(0, this.len));
      this.seq = grown;
    }
    for (const c of codes) this.seq[this.len++] = c;
    this.ends[i] = this.len;
  }
  codes(): Uint32Array {
    return this.seq.subarray(0, this.len);
  }
}

/**
 * An event's distinct word codes in the order its searchable text holds them, as the browser's text index posts
 * them: free text (title, description, sources) is split per event, the values that repeat (actors, places, tags,
 * types) once per distinct value, their codes kept. Splitting field by field gives the words of the joined text:
 * the fields are joined at a separator that splits words.
 */
class EventWords {
  readonly list: number[] = [];
  /** The event that last listed each code (one entry per event and word). */
  private last = new Int32Array(1 << 16).fill(-1);
  private event = -1;
  private readonly known = {
    actors: new Map<string, number[]>(),
    location: new Map<string, number[]>(),
    tags: new Map<string, number[]>(),
    type: new Map<string, number[]>(),
  };

  constructor(private readonly dict: WordCodes) {}

  next(): void {
    this.event++;
    this.list.length = 0;
  }

  private add(code: number): void {
    if (code >= this.last.length) {
      const grown = new Int32Array(this.last.length * 2).fill(-1);
      grown.set(this.last);
      this.last = grown;
    }
    if (this.last[code] === this.event) return;
    this.last[code] = this.event;
    this.list.push(code);
  }

  text(text: string): void {
    if (text === '') return;
    for (const w of words(text)) this.add(this.dict.code(pgText(w)));
  }

  value(field: keyof EventWords['known'], value: string, text: string): void {
    let codes = this.known[field].get(value);
    if (!codes) {
      codes = words(text).map((w) => this.dict.code(pgText(w)));
      this.known[field].set(value, codes);
    }
    for (const c of codes) this.add(c);
  }
}

/**
 * Each event's two rows in COPY text format, in time order (`pos` is the browser index's position, so both engines
 * number events alike): its events row (what filters, facets, buckets and the map read) and its docs row (what only
 * shown rows and phrases read: searchable text, title, actor names, JSON). Each event's distinct words are those the
 * browser's text index posts it under; its searchable text is the browser's (`searchableText`), put together from
 * the same fields with each actor's text and name looked up once.
 */
export function* eventAndDocRows(
  index: BuiltIndex,
  dict: WordCodes,
  lists?: WordLists,
): Generator<[events: string, docs: string]> {
  const long = new Uint8Array(index.size);
  for (const i of index.longEvents) long[i] = 1;
  const ws = new EventWords(dict);
  const actorTexts = new Map<string, string>();
  const actorNames = new Map<string, string>();
  const { tagOffsets, tagValues, actorOffsets, actorValues } = index;
  for (let i = 0; i < index.size; i++) {
    const e = index.events[i]!;
    ws.next();
    const title = fieldText(index, e, 'title');
    const description = fieldText(index, e, 'description');
    const sources = e.sources.length > 0 ? fieldText(index, e, 'sources') : '';
    ws.text(title);
    ws.text(description);
    let actors = '';
    let names = '';
    for (let k = 0; k < e.actors.length; k++) {
      const a = e.actors[k]!;
      let t = actorTexts.get(a);
      if (t === undefined) {
        t = actorText(index, a);
        actorTexts.set(a, t);
        actorNames.set(a, entityName(index, a));
      }
      ws.value('actors', a, t);
      actors = k === 0 ? t : `${actors} ${t}`;
      names = k === 0 ? actorNames.get(a)! : `${names}, ${actorNames.get(a)!}`;
    }
    const place = e.location?.name ?? '';
    if (e.location?.name !== undefined) ws.value('location', place, place);
    for (const t of e.tags) ws.value('tags', t, t);
    ws.text(sources);
    if (e.type !== undefined) ws.value('type', e.type, e.type);
    // searchableText's string: the fields in its order, joined at its separator, U+0000, stored as U+FFFD (as
    // pgText stores every U+0000) through COPY's byte escapes, which keep the row a one-byte string: the engine
    // encodes those about twice as fast as text holding a U+FFFD.
    const text =
      `${title} \u0000 ${description} \u0000 ${actors} \u0000 ${place} \u0000 ${e.tags.join(' ')} \u0000 ${sources} \u0000 ${e.type ?? ''}`
        .toLowerCase()
        .replace(/\s+/g, ' ');
    const type = index.eventType[i]!;
    const placeCode = index.eventPlace[i]!;
    // A place the map can draw, or none (both null), as the browser's area filter reads it.
    const placeable = isPlaceable(index.lats[i]!, index.lons[i]!);
    const lat = placeable ? num(index.lats[i]!) : '\\N';
    const lon = placeable ? num(index.lons[i]!) : '\\N';
    lists?.push(i, ws.list);
    yield [
      `${i}\t${copyText(e.id)}\t${num(e.start)}\t${num(e.end)}\t${long[i] ? 't' : 'f'}\t${index.eventPrecision[i]!}\t${type >= 0 ? type : '\\N'}\t${placeCode >= 0 ? placeCode : '\\N'}\t${index.eventEntityTypes[i]!}\t${intArray(actorValues, actorOffsets[i]!, actorOffsets[i + 1]!)}\t${intArray(tagValues, tagOffsets[i]!, tagOffsets[i + 1]!)}\t${intArray(ws.list)}\t${lat}\t${lon}\n`,
      `${i}\t${copyEscaped(text).replaceAll('\u0000', COPY_REPLACEMENT)}\t${copyText(e.title)}\t${e.actors.length ? copyText(names) : '\\N'}\t${copyText(JSON.stringify(e))}\n`,
    ];
  }
}

export function* entityRows(index: BuiltIndex): Generator<string> {
  for (let c = 0; c < index.entities.length; c++) {
    const e = index.entities[c]!;
    yield (
      [c, copyText(e.id), copyText(e.name), copyText(e.type), copyText(JSON.stringify(e))].join(
        '\t',
      ) + '\n'
    );
  }
}

export function* valueRows(index: BuiltIndex): Generator<string> {
  for (const [dim, d] of [
    ['type', index.types],
    ['tag', index.tags],
    ['place', index.places],
  ] as const)
    for (let c = 0; c < d.values.length; c++) yield `${dim}\t${c}\t${copyText(d.values[c]!)}\n`;
}

export function* wordRows(dict: WordCodes): Generator<string> {
  for (const [w, c] of dict.codes) yield `${c}\t${copyText(w)}\n`;
}

/** Facet counts as value → count (the API's form of the browser's per-code arrays): src/domain/viewAnswer.ts. */
export { facetMaps, type FacetMaps } from '../../src/domain/viewAnswer';

/** Replaces U+0000 in every string of a value bound for a jsonb column (jsonb refuses it). */
export function jsonbSafe(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? pgText(v) : v));
}

/** The most validation issues kept with a dataset's metadata; the counts are always whole. */
export const MAX_STORED_ISSUES = 1000;

/** The dataset's metadata as the catalog keeps it (everything but events and entities). */
export function datasetMeta(
  dataset: Dataset,
  index: BuiltIndex,
  extra: { format: string; encoding: string; bytes: number; source: string },
) {
  const errors = dataset.issues.filter((i) => i.severity === 'error').length;
  return {
    title: dataset.title,
    ...(dataset.description !== undefined ? { description: dataset.description } : {}),
    ...(dataset.attribution !== undefined ? { attribution: dataset.attribution } : {}),
    format: dataset.format,
    formatId: extra.format,
    encoding: extra.encoding,
    bytes: extra.bytes,
    source: extra.source,
    recordCount: dataset.recordCount,
    ...(dataset.recordUnit ? { recordUnit: dataset.recordUnit } : {}),
    periods: dataset.periods,
    issueCounts: { errors, warnings: dataset.issues.length - errors },
    issues: dataset.issues.slice(0, MAX_STORED_ISSUES),
    ...(index.extent ? { extent: index.extent } : {}),
    undrawable: index.undrawable,
    shortSpan: index.shortSpan,
    entityCount: index.entities.length,
    /** The events table has lat/lon (the area filter works); absent on versions ingested before. */
    coordinates: true,
    /** Title, JSON and searchable text are in the version's docs table (schema.ts). */
    docs: true,
  };
}
