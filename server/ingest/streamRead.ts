import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { decodeWindows1252, type Encoding } from '../../src/data/read/decodeText';
import { detectFormat, FORMATS, type FormatId } from '../../src/data/read/detectFormat';
import { JsonlLines } from '../../src/data/read/importers/chronoscopeJsonl';
import {
  chronoscopeDocument,
  loadAnyDataset,
  MAX_FILE_BYTES,
  type LoadOutcome,
  type ReadOptions,
} from '../../src/data/read/loadDataset';
import { failure } from '../../src/data/read/loadFailure';
import { looksLikeHtml } from '../../src/data/read/looksLikeHtml';
import { isCompoundFile, isZip } from '../../src/data/read/xlsx/magic';
import { LIMITS } from '../../src/domain/limits';
import {
  DocumentNormaliser,
  recordPosition,
  type DocumentHeader,
} from '../../src/domain/normalise';
import type { Dataset } from '../../src/domain/types';
import type { LoadFailure } from '../../src/data/read/loadFailure';
import { JsonEventsScanner, JsonStreamError } from './jsonScanner';

/**
 * The formats read as a stream, whatever the file's size: the text is decoded in chunks and every record goes
 * through the app's own validation (DocumentNormaliser) as it arrives, so no string ever holds the file. Other
 * formats are read whole through loadAnyDataset, up to `wholeFileLimit` (the app's limit).
 */
export const STREAMED_FORMATS: readonly FormatId[] = ['chronoscope', 'chronoscope-jsonl'];

/** The head read to detect the encoding and the format (as much as detectFormat looks at). */
const HEAD_BYTES = 8 * 2 ** 20;

export interface StreamReadOptions extends ReadOptions {
  /** The largest file read whole (formats that do not stream); the app's limit by default. */
  wholeFileLimit?: number;
  /** Bytes per chunk read from the file. */
  chunkBytes?: number;
  /** Called now and then with the bytes read so far (of one pass). */
  onBytes?: (bytes: number) => void;
}

class DecodeError extends Error {}

/** The file's text in chunks, decoded as `encoding`; strict UTF-8 throws DecodeError on a byte it cannot read. */
async function* textChunks(
  path: string,
  encoding: Encoding,
  chunkBytes: number,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const skip =
    encoding === 'UTF-8 (BOM)' ? 3 : encoding === 'UTF-16LE' || encoding === 'UTF-16BE' ? 2 : 0;
  const decoder =
    encoding === 'Windows-1252'
      ? undefined
      : new TextDecoder(
          encoding === 'UTF-16LE' ? 'utf-16le' : encoding === 'UTF-16BE' ? 'utf-16be' : 'utf-8',
          { fatal: encoding === 'UTF-8' },
        );
  let read = 0;
  for await (const chunk of createReadStream(path, { start: skip, highWaterMark: chunkBytes })) {
    const bytes = chunk as Buffer;
    read += bytes.length;
    onBytes?.(read);
    if (!decoder) yield decodeWindows1252(bytes);
    else {
      try {
        yield decoder.decode(bytes, { stream: true });
      } catch {
        throw new DecodeError();
      }
    }
  }
  if (decoder) {
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new DecodeError();
    }
  }
}

/** The encoding as decodeText would find it from the first bytes (strict UTF-8 is confirmed while reading). */
function headEncoding(b: Uint8Array): Encoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'UTF-8 (BOM)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (b.length >= 4 && b[1] === 0 && b[3] === 0 && b[0] !== 0) return 'UTF-16LE';
  if (b.length >= 4 && b[0] === 0 && b[2] === 0 && b[1] !== 0) return 'UTF-16BE';
  return 'UTF-8';
}

const fail = (kind: Parameters<typeof failure>[0], message: string): LoadOutcome => ({
  ok: false,
  error: failure(kind, message),
});

/**
 * A dataset file read as loadAnyDataset reads it (the same events, the same report), streamed for the formats that
 * stream (STREAMED_FORMATS): a file of any size. Never throws on the file's content.
 */
export async function readDatasetFile(
  path: string,
  name: string,
  options: StreamReadOptions = {},
): Promise<LoadOutcome> {
  const size = (await stat(path)).size;
  const limit = options.wholeFileLimit ?? MAX_FILE_BYTES;
  const handle = await open(path, 'r');
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const whole = async (): Promise<LoadOutcome> => {
    if (size > limit)
      return fail(
        'too-large',
        `The file is ${(size / 2 ** 20).toFixed(0)} MB; files over ${(limit / 2 ** 20).toFixed(0)} MB are read as a stream only in ${STREAMED_FORMATS.map((f) => FORMATS[f]).join(' and ')}.`,
      );
    return loadAnyDataset(new Uint8Array(await readFile(path)), name, options);
  };
  if (size === 0 || isZip(head) || isCompoundFile(head)) return whole();
  let encoding = headEncoding(head);
  const headText =
    encoding === 'UTF-8'
      ? new TextDecoder('utf-8').decode(head)
      : new TextDecoder(
          encoding === 'UTF-16LE' ? 'utf-16le' : encoding === 'UTF-16BE' ? 'utf-16be' : 'utf-8',
        ).decode(head);
  // The head cut mid-line says nothing about the line; detectFormat sees whole lines only.
  const headLines =
    size > head.length ? headText.slice(0, Math.max(0, headText.lastIndexOf('\n'))) : headText;
  const format = options.format ?? detectFormat(headLines, name);
  if (!STREAMED_FORMATS.includes(format) || looksLikeHtml(headText) || headText.trim() === '')
    return whole();
  const chunkBytes = options.chunkBytes ?? 4 * 2 ** 20;
  for (;;) {
    try {
      const read = format === 'chronoscope' ? readJson : readJsonl;
      const outcome = await read(
        () => textChunks(path, encoding, chunkBytes, options.onBytes),
        FORMATS[format],
      );
      return outcome.ok ? { ...outcome, format, encoding, bytes: size } : outcome;
    } catch (e) {
      // Not UTF-8 after all: read it again as Windows-1252, as decodeText does.
      if (e instanceof DecodeError && encoding === 'UTF-8') {
        encoding = 'Windows-1252';
        continue;
      }
      if (e instanceof DecodeError) return fail('syntax', `The file is not valid ${encoding}.`);
      throw e;
    }
  }
}

type Chunks = () => AsyncGenerator<string>;
type Read = { ok: true; dataset: Dataset } | { ok: false; error: LoadFailure };

/**
 * A chronoscope/1 document (an object with an "events" list, or a list of events), one event at a time. The
 * entities must be known before the first event is validated (actors resolve against them): a document that
 * names its entities after its events is read a second time, with them.
 */
async function readJson(chunks: Chunks, format: string): Promise<Read> {
  let known: DocumentHeader | undefined;
  for (;;) {
    const header: Record<string, unknown> = { ...known };
    let normaliser: DocumentNormaliser | undefined;
    let entitiesLate = false;
    let events: unknown;
    let eventsSeen = false;
    let scalar: { value: unknown } | undefined;
    const scanner = new JsonEventsScanner({
      field(key, value) {
        if (key === 'events') {
          eventsSeen = true;
          events = value;
        } else if (known === undefined || !(key in known)) {
          if (key === 'entities' && normaliser) entitiesLate = true;
          header[key] = value;
        }
      },
      eventsStart() {
        eventsSeen = true;
        normaliser = new DocumentNormaliser(header, format, Infinity);
      },
      event(value, index) {
        // Where the whole-document reader would report it (a document's own row fields included).
        if (!entitiesLate) normaliser!.add(value, recordPosition(header, index));
      },
      scalar(value) {
        scalar = { value };
      },
    });
    try {
      for await (const text of chunks()) scanner.write(text);
      scanner.end();
    } catch (e) {
      if (e instanceof JsonStreamError) return fail('syntax', e.message);
      throw e;
    }
    if (entitiesLate) {
      known = { entities: header.entities };
      continue;
    }
    if (scalar) {
      const doc = chronoscopeDocument(scalar.value);
      return doc.ok ? { ok: true, dataset: new DocumentNormaliser(doc.doc, format).finish() } : doc;
    }
    if (!normaliser) {
      // No events list: the app's own messages for a document without one, or with something else there.
      const doc = chronoscopeDocument(eventsSeen ? { ...header, events } : header);
      if (!doc.ok) return doc;
      normaliser = new DocumentNormaliser(header, format, Infinity);
    }
    return { ok: true, dataset: normaliser.finish(recordCountOf(header)) };
  }
}

/** A document's own record count, as normaliseDocument reads it. */
const recordCountOf = (header: DocumentHeader): number =>
  (header as { recordCount?: number }).recordCount ?? 0;

/** Chronoscope JSON Lines, one line at a time (JsonlLines: the importer's own line rules). */
async function readJsonl(chunks: Chunks, format: string): Promise<Read> {
  const lines = new JsonlLines();
  let normaliser: DocumentNormaliser | undefined;
  let carry = '';
  let overlong = 0;
  let number = 0;
  const take = (line: string) => {
    number++;
    if (overlong > 0) {
      lines.overlong(number, overlong + line.length);
      overlong = 0;
    } else {
      const value = lines.line(line.endsWith('\r') ? line.slice(0, -1) : line, number);
      if (value === undefined) return;
      normaliser ??= new DocumentNormaliser(lines.documentHeader(), format, Infinity);
      normaliser.add(value, number);
    }
  };
  for await (const text of chunks()) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      take(carry + text.slice(start, nl));
      carry = '';
      start = nl + 1;
    }
    carry += text.slice(start);
    // A line past the limit is never held: its length is counted until its end.
    if (carry.length > LIMITS.maxJsonLineChars) {
      overlong += carry.length;
      carry = '';
    }
  }
  if (carry !== '' || overlong > 0) take(carry);
  normaliser ??= new DocumentNormaliser(lines.documentHeader(), format, Infinity);
  const dataset = normaliser.finish(lines.records);
  dataset.issues.unshift(...lines.issues);
  return { ok: true, dataset };
}
