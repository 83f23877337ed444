import { CSV_SIGNATURE } from '../../domain/csvColumns';

import type { FormatId } from '../../domain/formats';
import { looksLikeGdelt } from './importers/gdelt';
import { isJsonlHeader, looksLikeEvent, textLines } from './importers/chronoscopeJsonl';

export { FORMATS, type FormatId } from '../../domain/formats';

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

/** Lines read to decide whether a file is JSON Lines, and the longest line parsed for it. */
const JSONL_PROBE_LINES = 8;
const JSONL_PROBE_CHARS = 4 * 1024 * 1024;

/**
 * JSON Lines: one object per line. Timesketch's records have "message" and "datetime" or "timestamp"; Chronoscope's
 * start with a header (a chronoscope/1 document without events) or are events (start with id or title). Whole lines
 * are read (a first line may be far longer than any fixed prefix), a few of them. A malformed, overlong or non-object
 * line is counted, not decisive (the importer reports it as a bad row), but records must be at least as many: the
 * lines of a pretty-printed JSON document are mostly not objects. A first line that is only "{" or "[" is one.
 */
function jsonLinesKind(text: string): 'timesketch-jsonl' | 'chronoscope-jsonl' | undefined {
  let lines = 0;
  let timesketch = 0;
  let chronoscope = 0;
  let other = 0;
  for (const { line: raw } of textLines(text)) {
    if (lines >= JSONL_PROBE_LINES) break;
    const line = raw.trim();
    if (line === '') continue;
    lines++;
    if (lines === 1 && (line === '{' || line === '[' || !line.startsWith('{'))) return undefined;
    let value: unknown;
    try {
      if (!line.startsWith('{') || line.length > JSONL_PROBE_CHARS) throw new Error('not probed');
      value = JSON.parse(line);
    } catch {
      other++;
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) other++;
    else if ('message' in value && ('datetime' in value || 'timestamp' in value)) timesketch++;
    else if ((lines === 1 && isJsonlHeader(value)) || looksLikeEvent(value)) chronoscope++;
    else other++;
  }
  if (timesketch > 0) return 'timesketch-jsonl';
  return chronoscope > 0 && chronoscope >= other ? 'chronoscope-jsonl' : undefined;
}

/** Detects a dataset's format from its content (the file name only breaks ties). */
export function detectFormat(text: string, name = ''): FormatId {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    const jsonl = head.startsWith('{') ? jsonLinesKind(text) : undefined;
    if (jsonl) return jsonl;
    if (/"start_date"\s*:\s*\{/.test(text.slice(0, 200_000))) return 'timelinejs';
    return 'chronoscope';
  }
  // Other JSON values (null, a number, a string) or a file named .json: parse as JSON and say what is wrong.
  if (/^(null|true|false|-?\d[\d.eE+-]*|"[^"\n]*")\s*$/.test(head) || /\.json$/i.test(name))
    return 'chronoscope';
  if (looksLikeGdelt(text)) return 'gdelt';
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
