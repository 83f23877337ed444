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
 * Chronoscope JSON Lines read one line at a time: an optional header line (see isJsonlHeader), then one chronoscope/1
 * event per line. Every line that is not a JSON object (malformed, a list, longer than the line limit) is a reported
 * row with its line number; the others are returned, to go to validation like the events of a JSON document. Blank
 * lines are skipped. importChronoscopeJsonl reads a whole text through it; the server's ingest streams a file
 * through it.
 */
export class JsonlLines {
  readonly issues: ValidationIssue[] = [];
  header: Record<string, unknown> | undefined;
  /** Records read (header and blank lines aside), loaded or not. */
  records = 0;
  /** Whether a non-blank line has been read (only the first may be the header). */
  started = false;

  private bad(number: number, reason: string): undefined {
    this.issues.push({
      severity: 'error',
      position: number,
      message: `Line ${number}: ${reason}; the line is skipped.`,
    });
    return undefined;
  }

  /** A line longer than the limit, known by its length only (a streamed reader never holds it). */
  overlong(number: number, length: number): undefined {
    this.started = true;
    this.records++;
    return this.bad(
      number,
      `${formatMegabytes(length)} long, past the ${formatMegabytes(LIMITS.maxJsonLineChars)} a line may hold`,
    );
  }

  /** One line: the record to validate, or undefined (blank, the header, or a reported bad line). */
  line(line: string, number: number): Record<string, unknown> | undefined {
    if (line.trim() === '') return undefined;
    const isFirst = !this.started;
    this.started = true;
    if (line.length > LIMITS.maxJsonLineChars) {
      return this.overlong(number, line.length);
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      this.records++;
      return this.bad(
        number,
        `not valid JSON (${e instanceof Error ? e.message.slice(0, 80) : 'syntax'})`,
      );
    }
    if (isFirst && isJsonlHeader(value)) {
      this.header = value;
      return undefined;
    }
    this.records++;
    if (!isRecord(value))
      return this.bad(
        number,
        `holds ${Array.isArray(value) ? 'a list' : String(value === null ? null : typeof value)}, not an event object`,
      );
    return value;
  }

  /** The document's fields other than its events, from the header line. */
  documentHeader(): Omit<RawDocument, 'events'> {
    const header = this.header;
    return {
      title: header?.title ?? 'Chronoscope JSON Lines',
      ...(header && 'description' in header ? { description: header.description } : {}),
      ...(header && 'attribution' in header ? { attribution: header.attribution } : {}),
      ...(header && 'entities' in header ? { entities: header.entities } : {}),
      firstRow: 1,
    };
  }
}

/** Chronoscope JSON Lines from a whole text (see JsonlLines). */
export function importChronoscopeJsonl(text: string): {
  doc: RawDocument;
  issues: ValidationIssue[];
} {
  const reader = new JsonlLines();
  const events: unknown[] = [];
  const rows: number[] = [];
  for (const { line, number } of textLines(text)) {
    const value = reader.line(line, number);
    if (value === undefined) continue;
    events.push(value);
    rows.push(number);
  }
  return {
    doc: { ...reader.documentHeader(), events, rows, recordCount: reader.records },
    issues: reader.issues,
  };
}
