import { clipText } from '../../../domain/clipText';
import type { CsvMapping } from '../../../domain/csvMapping';
import { readLooseDate } from '../../../domain/looseDate';
import { KNOWN_EVENT_FIELDS, type RawDocument } from '../../../domain/normalise';
import type { ValidationIssue } from '../../../domain/types';
import { csvRecords, FIRST_CSV_ROW } from './csvRecords';

/** What the column-mapping dialog shows of a file: its header, first rows and size. */
export interface CsvPreview {
  headers: string[];
  /** The first rows, one cell per header. */
  rows: string[][];
  delimiter: string;
}

export const PREVIEW_ROWS = 8;

/** The header and the first rows of a CSV/TSV (the delimiter is detected). */
export function previewCsv(text: string): CsvPreview {
  const { headers, rows, delimiter } = csvRecords<Record<string, string | undefined>>(text, {
    preview: PREVIEW_ROWS,
  });
  return {
    headers,
    rows: rows.map((r) => headers.map((h) => clipText(r[h] ?? '', 200))),
    delimiter,
  };
}

type Row = Record<string, string | undefined>;

const cell = (row: Row, column: string | undefined) =>
  column === undefined ? '' : (row[column] ?? '').trim();

/**
 * Converts any CSV/TSV with a header row through the analyst's column mapping. Rows whose date cannot be read
 * are reported with their file row; every unmapped column is kept on the event under its own name.
 */
export function importGenericCsv(
  text: string,
  mapping: CsvMapping,
  name: string,
): { doc: RawDocument; issues: ValidationIssue[] } {
  const { rows, issues } = csvRecords<Row>(text);
  const mapped = new Set(
    [
      mapping.date,
      mapping.time,
      mapping.end,
      mapping.title,
      mapping.type,
      mapping.location,
      mapping.description,
      mapping.url,
      mapping.id,
      ...mapping.actors,
    ].filter((c): c is string => c !== undefined),
  );
  const events: unknown[] = [];
  const fileRows: number[] = [];
  rows.forEach((row, i) => {
    const fileRow = i + FIRST_CSV_ROW;
    const id = cell(row, mapping.id) || `row-${fileRow}`;
    const start = readLooseDate(cell(row, mapping.date), mapping.order, cell(row, mapping.time));
    if (!start.ok) {
      issues.push({
        severity: 'error',
        position: fileRow,
        id,
        field: 'start',
        message: `Row ${fileRow}: ${mapping.date}: ${start.error}; the row is skipped.`,
      });
      return;
    }
    let end: string | undefined;
    const endText = cell(row, mapping.end);
    if (endText) {
      const e = readLooseDate(endText, mapping.order);
      if (e.ok) end = e.start;
      else
        issues.push({
          severity: 'warning',
          position: fileRow,
          id,
          field: 'end',
          message: `Row ${fileRow}: ${mapping.end}: ${e.error}; the event is kept as a point.`,
        });
    }
    const description = cell(row, mapping.description);
    const type = cell(row, mapping.type);
    const title =
      cell(row, mapping.title) ||
      (description ? clipText(description, 80) : `${type || 'Event'} (row ${fileRow})`);
    const actors = mapping.actors.flatMap((column) => {
      const value = cell(row, column);
      return (mapping.separator ? value.split(mapping.separator) : [value])
        .map((a) => a.trim())
        .filter(Boolean);
    });
    const place = cell(row, mapping.location);
    const url = cell(row, mapping.url);
    const other: Record<string, unknown> = {};
    Object.entries(row).forEach(([column, value], c) => {
      if (mapped.has(column) || value === undefined || value.trim() === '') return;
      const key = column.trim() || `column_${c + 1}`;
      const safeKey = KNOWN_EVENT_FIELDS.has(key) ? `csv_${key}` : key;
      Object.defineProperty(other, safeKey, { value, enumerable: true, writable: true });
    });
    fileRows.push(fileRow);
    events.push({
      ...other,
      id,
      title,
      start: start.start,
      ...(end ? { end } : {}),
      precision: start.precision,
      ...(type ? { type } : {}),
      actors: [...new Set(actors)],
      ...(place ? { location: { name: place } } : {}),
      ...(description ? { description } : {}),
      // A string source becomes a link only if it is http(s); anything else is kept as text.
      sources: url ? [url] : [],
    });
  });
  return {
    doc: {
      title: name.replace(/\.(csv|tsv|txt)$/i, '') || 'CSV import',
      firstRow: FIRST_CSV_ROW,
      rows: fileRows,
      events,
    },
    issues,
  };
}
