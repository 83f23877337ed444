import { entityName, type BuiltIndex } from '../../src/domain/buildIndex';
import { searchableText, words } from '../../src/domain/textSearch';
import type { Dataset } from '../../src/domain/types';
import { isPlaceable } from '../../src/domain/geo';

/**
 * PostgreSQL text cannot hold U+0000; a dataset may. Every string the database stores or compares goes through
 * this one replacement (the query side too), so a value with U+0000 still matches itself.
 */
export function pgText(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\ufffd') : s;
}

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '\\N';
  return pgText(s).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const intArray = (xs: ArrayLike<number>) => `{${Array.prototype.join.call(xs, ',')}}`;

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
 * Each event's two rows in COPY text format, in time order (`pos` is the browser index's position, so both engines
 * number events alike): its events row (what filters, facets, buckets and the map read) and its docs row (what only
 * shown rows and phrases read: searchable text, title, actor names, JSON). Each event's distinct words are those the
 * browser's text index posts it under; the searchable text is built once for both rows.
 */
export function* eventAndDocRows(
  index: BuiltIndex,
  dict: WordCodes,
): Generator<[events: string, docs: string]> {
  const long = new Uint8Array(index.size);
  for (const i of index.longEvents) long[i] = 1;
  for (let i = 0; i < index.size; i++) {
    const e = index.events[i]!;
    const text = searchableText(index, e);
    const ws = new Set<number>();
    for (const w of words(text)) ws.add(dict.code(pgText(w)));
    const tagCodes: number[] = [];
    for (let k = index.tagOffsets[i]!; k < index.tagOffsets[i + 1]!; k++)
      tagCodes.push(index.tagValues[k]!);
    const actorCodes = index.actorValues.subarray(
      index.actorOffsets[i]!,
      index.actorOffsets[i + 1]!,
    );
    const type = index.eventType[i]!;
    const place = index.eventPlace[i]!;
    const placeable = isPlaceable(index.lats[i]!, index.lons[i]!);
    yield [
      [
        i,
        copyText(e.id),
        num(e.start),
        num(e.end),
        long[i] ? 't' : 'f',
        index.eventPrecision[i]!,
        type >= 0 ? type : '\\N',
        place >= 0 ? place : '\\N',
        index.eventEntityTypes[i]!,
        intArray(actorCodes),
        intArray(tagCodes),
        intArray([...ws]),
        // A place the map can draw, or none (both null), as the browser's area filter reads it.
        placeable ? num(index.lats[i]!) : '\\N',
        placeable ? num(index.lons[i]!) : '\\N',
      ].join('\t') + '\n',
      [
        i,
        copyText(text),
        copyText(e.title),
        copyText(e.actors.length ? e.actors.map((a) => entityName(index, a)).join(', ') : null),
        copyText(JSON.stringify(e)),
      ].join('\t') + '\n',
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
