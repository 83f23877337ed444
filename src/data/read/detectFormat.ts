import { CSV_COLUMNS } from '../../domain/csvColumns';

import type { FormatId } from '../../domain/formats';

export { FORMATS, type FormatId } from '../../domain/formats';

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

/** Detects a dataset's format from its content (the file name only breaks ties). */
export function detectFormat(text: string, name = ''): FormatId {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    // JSON Lines: several top-level objects, one per line.
    const lines = head.split('\n').filter((l) => l.trim() !== '');
    if (
      lines.length > 1 &&
      lines.every((l, i) => i === lines.length - 1 || /^\s*\{.*\}\s*$/.test(l)) &&
      !/^\s*[[{]\s*$/.test(lines[0]!)
    ) {
      if (/"message"\s*:/.test(head) && /"datetime"|"timestamp"/.test(head))
        return 'timesketch-jsonl';
    }
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
  if (CSV_COLUMNS.every((c, i) => cols[i] === c)) return 'chronoscope-csv';
  if (has('side_a', 'side_b', 'date_prec', 'date_start')) return 'ucdp';
  if (has('event_id_cnty', 'event_date', 'actor1')) return 'acled';
  if (has('message', 'timestamp_desc') && (has('datetime') || has('timestamp')))
    return 'timesketch-csv';
  if (cols.length > 1 || /\.(csv|tsv|tab)$/i.test(name)) return 'csv';
  return 'unknown';
}
