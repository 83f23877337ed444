import { csvRecords, FIRST_CSV_ROW } from './csvRecords';
import { KNOWN_EVENT_FIELDS, type RawDocument } from '../../../domain/normalise';
import type { ValidationIssue } from '../../../domain/types';

type Row = Record<string, unknown>;
const ACTOR_COLUMNS = ['username', 'user', 'uid', 'computer_name', 'hostname'];

/** Microseconds since the epoch as ISO 8601 (millisecond precision, the finest Chronoscope keeps). */
function microsToIso(us: number): string | undefined {
  const ms = Math.floor(us / 1000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * Timesketch's rules: `datetime` (ISO 8601, UTC when it has no zone) is authoritative; a numeric `datetime` is epoch
 * microseconds; a blank one falls back to `timestamp` (microseconds). Returns the ISO text or why none.
 */
export function timesketchTime(row: Row): { iso?: string; error?: string; warning?: string } {
  const dt = String(row.datetime ?? '').trim();
  const ts = String(row.timestamp ?? '').trim();
  if (dt) {
    if (/^\d{10,17}$/.test(dt)) {
      const iso = microsToIso(Number(dt));
      return iso ? { iso } : { error: `datetime ${dt} is not a valid epoch in microseconds` };
    }
    // "2024-01-01 10:00:00" is ISO with a space for the T; other text is passed on as written, to be reported.
    const iso = dt.replace(/^(\d{4}-\d\d-\d\d) (?=\d)/, '$1T');
    if (ts && /^\d+$/.test(ts)) {
      const fromTs = Number(ts) / 1000;
      const fromDt = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
      if (Number.isFinite(fromDt) && Math.abs(fromTs - fromDt) > 1000)
        return {
          iso,
          warning: `timestamp ${ts} does not match datetime ${dt}; the datetime is used`,
        };
    }
    return { iso };
  }
  if (ts && /^-?\d+$/.test(ts)) {
    const iso = microsToIso(Number(ts));
    return iso ? { iso } : { error: `timestamp ${ts} is not a valid epoch in microseconds` };
  }
  return { error: 'no datetime and no timestamp' };
}

const LAT_COLUMNS = ['latitude', 'lat'];
const LON_COLUMNS = ['longitude', 'lon', 'lng'];

/** The first non-blank cell of these columns, as a number (NaN for text, which the validator reports). */
function firstCell(row: Row, columns: readonly string[]): number | undefined {
  for (const c of columns) {
    const v = row[c];
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '') return Number(v.trim());
  }
  return undefined;
}

function toEvent(row: Row, position: number, issues: ValidationIssue[]): Row {
  const time = timesketchTime(row);
  const message = String(row.message ?? '').trim();
  const id = `row-${position}`;
  if (time.warning)
    issues.push({ severity: 'warning', position, id, field: 'timestamp', message: time.warning });
  // Null-prototype with defineProperty: a column named "__proto__" is kept as data (SECURITY.md).
  const other = Object.create(null) as Row;
  for (const [k, v] of Object.entries(row)) {
    if (
      [
        'message',
        'datetime',
        'timestamp_desc',
        'tag',
        'id',
        ...LAT_COLUMNS,
        ...LON_COLUMNS,
      ].includes(k) ||
      v === '' ||
      v === undefined ||
      v === null
    )
      continue;
    // A column named like a Chronoscope field (title, start, actors…) is kept under its own name, prefixed.
    Object.defineProperty(other, KNOWN_EVENT_FIELDS.has(k) ? `timesketch_${k}` : k, {
      value: v,
      enumerable: true,
      writable: true,
    });
  }
  const ownId =
    typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id).trim() : '';
  let tags: string[] = [];
  if (Array.isArray(row.tag)) tags = row.tag.map(String);
  else if (typeof row.tag === 'string' && row.tag.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(row.tag.replace(/'/g, '"'));
      if (Array.isArray(parsed)) tags = parsed.map(String);
    } catch {
      tags = [row.tag];
    }
  }
  const lat = firstCell(row, LAT_COLUMNS);
  const lon = firstCell(row, LON_COLUMNS);
  return {
    ...other,
    // Coordinates, when the sketch has them (geolocated artefacts); half a pair is reported by the validator.
    ...(lat !== undefined || lon !== undefined
      ? {
          location: {
            ...(lat !== undefined ? { lat } : {}),
            ...(lon !== undefined ? { lon } : {}),
          },
        }
      : {}),
    id: ownId || id,
    title: message.split('\n')[0]!.slice(0, 300) || '(no message)',
    // An event with no usable time is still passed on, so the validator reports it by row with the reason.
    start: time.iso ?? `(${time.error})`,
    ...(String(row.timestamp_desc ?? '').trim() ? { type: String(row.timestamp_desc).trim() } : {}),
    ...(message.includes('\n') || message.length > 300 ? { description: message } : {}),
    actors: ACTOR_COLUMNS.map((c) => String(row[c] ?? '').trim()).filter(Boolean),
    tags,
  };
}

/** Timesketch CSV (multi-line quoted cells included); row numbers in the report count the header as row 1. */
export function importTimesketchCsv(text: string): { doc: RawDocument; issues: ValidationIssue[] } {
  const { rows, issues } = csvRecords<Row>(text);
  return {
    doc: {
      title: 'Timesketch timeline',
      events: rows.map((r, i) => toEvent(r, i + FIRST_CSV_ROW, issues)),
      firstRow: FIRST_CSV_ROW,
    },
    issues,
  };
}

/** Timesketch JSONL: one JSON object per line; a line that is not an object is reported and skipped. */
export function importTimesketchJsonl(text: string): {
  doc: RawDocument;
  issues: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const events: Row[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v === 'object' && v !== null && !Array.isArray(v))
        events.push(toEvent(v as Row, i + 1, issues));
      else
        issues.push({
          severity: 'error',
          position: i + 1,
          message: `line ${i + 1} is not a JSON object`,
        });
    } catch (e) {
      issues.push({
        severity: 'error',
        position: i + 1,
        message: `line ${i + 1} is not valid JSON (${e instanceof Error ? e.message.slice(0, 80) : ''})`,
      });
    }
  });
  return { doc: { title: 'Timesketch timeline', events }, issues };
}
