import { formatMegabytes, LIMITS } from '../../../domain/limits';
import type { RawDocument } from '../../../domain/normalise';
import type { ValidationIssue } from '../../../domain/types';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The header line a Chronoscope JSON Lines file may start with: a chronoscope/1 document without its "events" (title,
 * description, attribution, entities); the events follow, one per line.
 */
export const isJsonlHeader = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && v.format === 'chronoscope/1' && !('events' in v);

/** Whether a parsed line is a Chronoscope event rather than another tool's record. */
export const looksLikeEvent = (v: unknown): boolean =>
  isRecord(v) && 'start' in v && ('title' in v || 'id' in v) && !('events' in v);

/**
 * Each line of a text with its 1-based line number, read with indexOf so that a large file is never split into an
 * array of lines at once (the lines are visited in order, as a stream would deliver them).
 */
export function* textLines(text: string): Generator<{ line: string; number: number }> {
  let start = 0;
  let number = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    number++;
    yield {
      line: text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end),
      number,
    };
    start = end + 1;
  }
}

/**
 * Chronoscope JSON Lines: an optional header line (see isJsonlHeader), then one chronoscope/1 event per line. Every
 * line that is not a JSON object (malformed, a list, longer than the line limit) is a reported row with its line
 * number; the others go to validation like the events of a JSON document. Blank lines are skipped.
 */
export function importChronoscopeJsonl(text: string): {
  doc: RawDocument;
  issues: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const events: unknown[] = [];
  const rows: number[] = [];
  let header: Record<string, unknown> | undefined;
  let records = 0;
  let first = true;
  const bad = (number: number, reason: string) =>
    issues.push({
      severity: 'error',
      position: number,
      message: `Line ${number}: ${reason}; the line is skipped.`,
    });
  for (const { line, number } of textLines(text)) {
    if (line.trim() === '') continue;
    const isFirst = first;
    first = false;
    if (line.length > LIMITS.maxJsonLineChars) {
      records++;
      bad(
        number,
        `${formatMegabytes(line.length)} long, past the ${formatMegabytes(LIMITS.maxJsonLineChars)} a line may hold`,
      );
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      records++;
      bad(number, `not valid JSON (${e instanceof Error ? e.message.slice(0, 80) : 'syntax'})`);
      continue;
    }
    if (isFirst && isJsonlHeader(value)) {
      header = value;
      continue;
    }
    records++;
    if (!isRecord(value)) {
      bad(
        number,
        `holds ${Array.isArray(value) ? 'a list' : String(value === null ? null : typeof value)}, not an event object`,
      );
      continue;
    }
    events.push(value);
    rows.push(number);
  }
  return {
    doc: {
      title: header?.title ?? 'Chronoscope JSON Lines',
      ...(header && 'description' in header ? { description: header.description } : {}),
      ...(header && 'attribution' in header ? { attribution: header.attribution } : {}),
      ...(header && 'entities' in header ? { entities: header.entities } : {}),
      events,
      firstRow: 1,
      rows,
      recordCount: records,
    },
    issues,
  };
}
