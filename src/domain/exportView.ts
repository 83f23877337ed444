import type { Annotation, Layer } from './annotations';
import { isAddedId } from './addedEvents';
import type { Curation } from './curation';
import { CSV_COLUMNS } from './csvColumns';
import Papa from 'papaparse';
import type { Bitset } from './bitset';
import { entityName, type DatasetIndex } from './buildIndex';
import type { TimelineEvent } from './types';

/** An event back in chronoscope/1 form: dates as the dataset wrote them, unknown fields restored. */
export function eventRecord(e: TimelineEvent): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(e.other))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
  Object.assign(out, {
    id: e.id,
    title: e.title,
    start: e.startText,
    ...(e.endText ? { end: e.endText } : {}),
    precision: e.precision,
    ...(e.approximate ? { approximate: true } : {}),
    ...(e.type ? { type: e.type } : {}),
    actors: e.actors,
    ...(e.location ? { location: e.location } : {}),
    ...(e.description ? { description: e.description } : {}),
    tags: e.tags,
    sources: e.sources,
  });
  return out;
}

export interface ExportMeta {
  viewUrl: string;
  source: string;
  exportedAt: string;
}

/** The matching events in chronoscope/1 form, and the entities they name. */
function matchingEvents(index: DatasetIndex, matches: Bitset) {
  const events: Record<string, unknown>[] = [];
  const used = new Set<string>();
  matches.forEach((i) => {
    const e = index.events.at(i)!;
    events.push(eventRecord(e));
    for (const a of e.actors) used.add(a);
  });
  return { events, entities: index.entities.filter((e) => used.has(e.id)) };
}

/** What an export's metadata says of the dataset it came from. */
export interface ExportedDataset {
  title: string;
  description?: string;
  attribution?: string;
  /** The format it was read from. */
  format?: string;
  /** How many events it holds. */
  size: number;
}

/** A chronoscope/1 document's metadata for an export of `count` events: title, provenance, the view's link. */
export function exportHead(ds: ExportedDataset, count: number, meta: ExportMeta) {
  return {
    format: 'chronoscope/1',
    title: `${ds.title} (filtered)`,
    description: `${count} of ${ds.size} events exported from Chronoscope.${ds.description ? `\n\n${ds.description}` : ''}`,
    ...(ds.attribution ? { attribution: ds.attribution } : {}),
    exported: { from: meta.source, view: meta.viewUrl, at: meta.exportedAt, format: ds.format },
  };
}

function documentHead(index: DatasetIndex, count: number, meta: ExportMeta) {
  return exportHead({ ...index.dataset, size: index.size }, count, meta);
}

/** The matching events as a chronoscope/1 document, with the view's link and the source dataset in its metadata. */
export function exportJson(
  index: DatasetIndex,
  matches: Bitset,
  meta: ExportMeta,
  /** The analyst's layer, to export with the events ("with my layer"): its marks on the exported events. */
  layer?: Pick<Layer, 'annotations' | 'curation'>,
): string {
  const { events, entities } = matchingEvents(index, matches);
  return JSON.stringify(
    {
      ...documentHead(index, events.length, meta),
      entities,
      events,
      ...(layer ? layerFields(events, layer) : {}),
    },
    null,
    1,
  );
}

/**
 * The matching events as Chronoscope JSON Lines: a header line (the document's metadata and entities, no events),
 * then one event per line, so that a reader can stream it.
 */
export function exportJsonl(index: DatasetIndex, matches: Bitset, meta: ExportMeta): string {
  const { events, entities } = matchingEvents(index, matches);
  const lines = [JSON.stringify({ ...documentHead(index, events.length, meta), entities })];
  for (const e of events) lines.push(JSON.stringify(e));
  return `${lines.join('\n')}\n`;
}

/**
 * The layer's part for exported events: their annotations, which of them the analyst added (they are in `events`
 * already), and the entity curation the export was read with.
 */
function layerFields(
  events: readonly Record<string, unknown>[],
  layer: Pick<Layer, 'annotations' | 'curation'>,
): { annotations: Record<string, Annotation>; addedEvents: string[]; curation: Curation } {
  const annotations: Record<string, Annotation> = {};
  const addedEvents: string[] = [];
  for (const e of events) {
    const id = String(e.id);
    if (Object.prototype.hasOwnProperty.call(layer.annotations, id))
      Object.defineProperty(annotations, id, {
        value: layer.annotations[id],
        enumerable: true,
        writable: true,
      });
    if (isAddedId(id)) addedEvents.push(id);
  }
  return { annotations, addedEvents, curation: layer.curation };
}

/** Columns that hold values the normaliser already validated (ISO dates, numbers); they are never formulas. */
const VALIDATED_COLUMNS = new Set(['start', 'end', 'lat', 'lon']);
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with a quote (CSV injection);
 * so is a cell that already starts with a quote, so that reading back removes exactly the quote export added.
 */
function escapeCsvCell(cell: string): string {
  return FORMULA_START.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

/**
 * Joins list items with "; "; a ";" or "\\" inside an item is escaped with a backslash, so nothing splits wrongly,
 * and white space around an item is kept.
 */
export function joinList(items: readonly string[]): string {
  return items.map((i) => i.replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');
}

/**
 * Reads a joinList cell back into its items exactly (empty items kept: parallel lists line up). The separator is
 * "; "; a bare ";" (a list typed by hand) separates too.
 */
export function splitList(cell: string): string[] {
  if (cell === '') return [];
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) item += cell[++i];
    else if (c === ';') {
      items.push(item);
      item = '';
      if (cell[i + 1] === ' ') i++;
    } else item += c;
  }
  items.push(item);
  return items;
}

/** Undoes escapeCsvCell when the export is read back. */
export function unescapeCsvCell(cell: string): string {
  return cell.startsWith("'") && (FORMULA_START.test(cell.slice(1)) || cell[1] === "'")
    ? cell.slice(1)
    : cell;
}

/**
 * The matching events as CSV, one row per event; lists (actors, tags) joined with "; " (joinList). Source URLs and
 * titles are two parallel lists, one entry per source (empty where a source has no URL or no title). The dataset's
 * measures follow as columns named by their field (`ucdp_best`), empty where an event has no value.
 */
export function exportCsv(index: DatasetIndex, matches: Bitset): string {
  const rows: string[][] = [];
  const measures = index.measures.filter(
    (m) => !(CSV_COLUMNS as readonly string[]).includes(m.field),
  );
  const name = (id: string) => entityName(index, id);
  matches.forEach((i) => {
    const row = csvCells(index.events.at(i)!, name);
    // Finite numbers (a leading minus is a sign, never a formula).
    for (const m of measures) row.push(Number.isNaN(m.values[i]!) ? '' : String(m.values[i]));
    rows.push(row);
  });
  const fields = [...CSV_COLUMNS, ...measures.map((m) => escapeCsvCell(m.field))];
  return Papa.unparse({ fields, data: rows });
}

/** An event's cells under CSV_COLUMNS, as exportCsv writes them (lists joined, formula-like cells escaped). */
export function csvCells(e: TimelineEvent, name: (entityId: string) => string): string[] {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: e.id,
    title: e.title,
    start: e.startText,
    end: e.endText ?? '',
    precision: e.precision,
    approximate: e.approximate ? 'true' : 'false',
    type: e.type ?? '',
    actors: joinList(e.actors.map(name)),
    location: e.location?.name ?? '',
    lat: e.location?.lat?.toString() ?? '',
    lon: e.location?.lon?.toString() ?? '',
    tags: joinList(e.tags),
    description: e.description ?? '',
    source_urls: joinList(e.sources.map((s) => s.url ?? '')),
    source_titles: joinList(e.sources.map((s) => s.title ?? '')),
    place_precision: e.location?.precision ?? '',
  };
  return CSV_COLUMNS.map((c) => (VALIDATED_COLUMNS.has(c) ? cells[c] : escapeCsvCell(cells[c])));
}

/** A file name that carries the dataset and the date: "us-ukraine-defence-coordination-2026-11-29.json". */
export function exportFileName(
  title: string,
  now: Date,
  ext: 'json' | 'jsonl' | 'csv' | 'png',
): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'chronoscope';
  return `${slug}-${now.toISOString().slice(0, 10)}.${ext}`;
}
