import { CSV_SIGNATURE } from '../../domain/csvColumns';

import type { FormatId } from '../../domain/formats';

export { FORMATS, type FormatId } from '../../domain/formats';

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

/** Lines read to decide whether a file is JSON Lines, and the most characters read for it. */
const JSONL_PROBE_LINES = 5;
const JSONL_PROBE_CHARS = 4 * 1024 * 1024;

/**
 * Timesketch JSON Lines: one object per line, the first readable ones with "message" and "datetime" or
 * "timestamp". Whole lines are read (a first line may be far longer than any fixed prefix), a few of them, and a
 * malformed one is skipped here: the importer reports it as a bad row.
 */
function looksLikeTimesketchJsonl(text: string): boolean {
  let start = 0;
  let lines = 0;
  let timesketch = 0;
  while (lines < JSONL_PROBE_LINES && start < text.length && start < JSONL_PROBE_CHARS) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    lines++;
    if (!line.startsWith('{')) return false;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    if ('message' in value && ('datetime' in value || 'timestamp' in value)) timesketch++;
  }
  // A JSON document (one object, or a pretty-printed one whose first line is "{") has no Timesketch record line.
  return timesketch > 0;
}

/** Detects a dataset's format from its content (the file name only breaks ties). */
export function detectFormat(text: string, name = ''): FormatId {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (head.startsWith('{') && looksLikeTimesketchJsonl(text)) return 'timesketch-jsonl';
    if (/"start_date"\s*:\s*\{/.test(text.slice(0, 200_000))) return 'timelinejs';
    return 'chronoscope';
  }
  // Other JSON values (null, a number, a string) or a file named .json: parse as JSON and say what is wrong.
  if (/^(null|true|false|-?\d[\d.eE+-]*|"[^"\n]*")\s*$/.test(head) || /\.json$/i.test(name))
    return 'chronoscope';
  const header = firstLine(text).toLowerCase();
  const cols = header
    .split(header.includes('\t') ? '\t' : ',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  const has = (...names: string[]) => names.every((n) => cols.includes(n));
  if (CSV_SIGNATURE.every((c, i) => cols[i] === c)) return 'chronoscope-csv';
  if (has('side_a', 'side_b', 'date_prec', 'date_start')) return 'ucdp';
  if (has('event_id_cnty', 'event_date', 'actor1')) return 'acled';
  if (has('message', 'timestamp_desc') && (has('datetime') || has('timestamp')))
    return 'timesketch-csv';
  if (cols.length > 1 || /\.(csv|tsv|tab)$/i.test(name)) return 'csv';
  return 'unknown';
}
