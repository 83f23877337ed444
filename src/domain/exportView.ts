import Papa from 'papaparse';
import type { Bitset } from './bitset';
import { entityName, type DatasetIndex } from './buildIndex';
import type { TimelineEvent } from './types';

/** An event back in chronoscope/1 form: dates as the dataset wrote them, unknown fields restored. */
function eventRecord(e: TimelineEvent): Record<string, unknown> {
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

/** The matching events as a chronoscope/1 document, with the view's link and the source dataset in its metadata. */
export function exportJson(
  index: DatasetIndex,
  matches: Bitset,
  meta: { viewUrl: string; source: string; exportedAt: string },
): string {
  const events: Record<string, unknown>[] = [];
  const used = new Set<string>();
  matches.forEach((i) => {
    const e = index.events[i]!;
    events.push(eventRecord(e));
    for (const a of e.actors) used.add(a);
  });
  const ds = index.dataset;
  return JSON.stringify(
    {
      format: 'chronoscope/1',
      title: `${ds.title} (filtered)`,
      description: `${events.length} of ${index.size} events exported from Chronoscope.${ds.description ? `\n\n${ds.description}` : ''}`,
      ...(ds.attribution ? { attribution: ds.attribution } : {}),
      exported: { from: meta.source, view: meta.viewUrl, at: meta.exportedAt, format: ds.format },
      entities: index.entities.filter((e) => used.has(e.id)),
      events,
    },
    null,
    1,
  );
}

const CSV_COLUMNS = [
  'id',
  'title',
  'start',
  'end',
  'precision',
  'approximate',
  'type',
  'actors',
  'location',
  'lat',
  'lon',
  'tags',
  'description',
  'source_urls',
  'source_titles',
] as const;

/** The matching events as CSV, one row per event; lists (actors, tags, sources) joined with "; ". */
export function exportCsv(index: DatasetIndex, matches: Bitset): string {
  const rows: string[][] = [];
  const name = (id: string) => entityName(index, id);
  matches.forEach((i) => {
    const e = index.events[i]!;
    rows.push([
      e.id,
      e.title,
      e.startText,
      e.endText ?? '',
      e.precision,
      e.approximate ? 'true' : 'false',
      e.type ?? '',
      e.actors.map(name).join('; '),
      e.location?.name ?? '',
      e.location?.lat?.toString() ?? '',
      e.location?.lon?.toString() ?? '',
      e.tags.join('; '),
      e.description ?? '',
      e.sources
        .map((s) => s.url ?? '')
        .filter(Boolean)
        .join('; '),
      e.sources
        .map((s) => s.title ?? '')
        .filter(Boolean)
        .join('; '),
    ]);
  });
  // Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with a quote (CSV injection).
  const safe = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: safe });
}

/** A file name that carries the dataset and the date: "us-ukraine-defence-coordination-2026-11-29.json". */
export function exportFileName(title: string, now: Date, ext: 'json' | 'csv'): string {
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
