import { CSV_COLUMNS } from '../../../domain/csvColumns';
import { splitList, unescapeCsvCell } from '../../../domain/exportView';
import type { RawDocument } from '../../../domain/normalise';
import type { ValidationIssue } from '../../../domain/types';
import { csvRecords, FIRST_CSV_ROW } from './csvRecords';

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>> &
  Record<string, string | undefined>;

const list = (s: string | undefined) => splitList(s ?? '').filter((i) => i.trim() !== '');

/** The parallel source lists of the export back as sources (an entry empty in both lists is dropped). */
function sources(urls = '', titles = ''): { url?: string; title?: string }[] {
  const u = splitList(urls);
  const t = splitList(titles);
  return Array.from({ length: Math.max(u.length, t.length) }, (_, i) => ({
    ...(u[i] ? { url: u[i] } : {}),
    ...(t[i] ? { title: t[i] } : {}),
  })).filter((s) => s.url !== undefined || s.title !== undefined);
}

/**
 * Reads back Chronoscope's own CSV export (its header is the export's column list): the exported events return
 * with their ids, dates as written, precision, actors, place, tags and sources.
 */
export function importChronoscopeCsv(text: string): {
  doc: RawDocument;
  issues: ValidationIssue[];
} {
  const { rows, issues } = csvRecords<Row>(text);
  const known = new Set<string>(CSV_COLUMNS);
  const events = rows.map((raw) => {
    // Null-prototype with defineProperty: a column named "__proto__" is kept as data (SECURITY.md).
    const row = Object.create(null) as Record<string, string>;
    for (const [k, v] of Object.entries(raw))
      if (v !== undefined)
        Object.defineProperty(row, k, {
          value: unescapeCsvCell(v),
          enumerable: true,
          writable: true,
        });
    const lat = row.lat?.trim() ? Number(row.lat) : undefined;
    const lon = row.lon?.trim() ? Number(row.lon) : undefined;
    const other: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row))
      if (!known.has(k) && v.trim() !== '')
        Object.defineProperty(other, k, { value: v, enumerable: true, writable: true });
    return {
      ...other,
      id: row.id,
      title: row.title,
      start: row.start,
      ...(row.end ? { end: row.end } : {}),
      ...(row.precision ? { precision: row.precision } : {}),
      ...(row.approximate === 'true' ? { approximate: true } : {}),
      ...(row.type ? { type: row.type } : {}),
      actors: list(row.actors),
      ...(row.location || lat !== undefined
        ? {
            location: {
              ...(row.location ? { name: row.location } : {}),
              ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
              ...(row.place_precision ? { precision: row.place_precision } : {}),
            },
          }
        : {}),
      ...(row.description ? { description: row.description } : {}),
      tags: list(row.tags),
      sources: sources(row.source_urls, row.source_titles),
    };
  });
  return { doc: { title: 'Chronoscope CSV export', firstRow: FIRST_CSV_ROW, events }, issues };
}
