import Papa from 'papaparse';
import type { ValidationIssue } from '../../../domain/types';

/** The file row of the first record under a header row; importers pass it on so reports name file rows. */
export const FIRST_CSV_ROW = 2;

export interface CsvTable<T> {
  /** Header cells as written; a repeated name gets " (2)", " (3)"… so that no column is lost. */
  headers: string[];
  rows: T[];
  issues: ValidationIssue[];
  delimiter: string;
  /** The file row of each record, when they are not numbered from FIRST_CSV_ROW on (a worksheet's own rows). */
  rowNumbers?: number[];
}

/**
 * A CSV/TSV with a header row as records (Papa Parse: delimiter detected, quoted and multi-line cells included), and
 * every parse problem as a report line naming its row. Records are built with defineProperty on null-prototype
 * objects, so a column named "__proto__" or "constructor" is a column like any other.
 */
export function csvRecords<T>(text: string, options: { preview?: number } = {}): CsvTable<T> {
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    ...(options.preview ? { preview: options.preview + 1 } : {}),
  });
  const issues: ValidationIssue[] = parsed.errors.map((e) => ({
    severity: 'error',
    position: (e.row ?? 0) + 1,
    message: `CSV row ${(e.row ?? 0) + 1}: ${e.message}`,
  }));
  const [head = [], ...body] = parsed.data;
  const seen = new Map<string, number>();
  const headers = head.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
  const rows = body.map((cells, i) => {
    if (cells.length !== headers.length) {
      const row = i + FIRST_CSV_ROW;
      issues.push({
        severity: 'error',
        position: row,
        message: `CSV row ${row}: Too ${cells.length < headers.length ? 'few' : 'many'} fields: expected ${headers.length} fields but parsed ${cells.length}`,
      });
    }
    const record = Object.create(null) as Record<string, string>;
    headers.forEach((h, c) => {
      if (cells[c] !== undefined)
        Object.defineProperty(record, h, { value: cells[c], enumerable: true, writable: true });
    });
    return record as T;
  });
  return { headers, rows, issues, delimiter: parsed.meta.delimiter };
}
