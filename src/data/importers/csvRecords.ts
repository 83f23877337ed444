import Papa from 'papaparse';
import type { ValidationIssue } from '../../domain/types';

/** The file row of the first record under a header row; importers pass it on so reports name file rows. */
export const FIRST_CSV_ROW = 2;

/**
 * A CSV/TSV with a header row as records (Papa Parse: quoted, multi-line cells included), and every parse problem
 * as a report line naming its file row.
 */
export function csvRecords<T>(text: string): { rows: T[]; issues: ValidationIssue[] } {
  const parsed = Papa.parse<T>(text, { header: true, skipEmptyLines: 'greedy' });
  const issues: ValidationIssue[] = parsed.errors.map((e) => ({
    severity: 'error',
    position: (e.row ?? 0) + FIRST_CSV_ROW,
    message: `CSV row ${(e.row ?? 0) + FIRST_CSV_ROW}: ${e.message}`,
  }));
  return { rows: parsed.data, issues };
}
