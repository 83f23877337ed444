// First: zod must be jitless before any schema exists (see the module).
import '../../lib/zodConfig';
import { normaliseDocument, type RawDocument } from '../../domain/normalise';
import type { Dataset, ValidationIssue } from '../../domain/types';
import { decodeText, type Encoding } from './decodeText';
import { detectFormat, FORMATS, type FormatId } from './detectFormat';
import { importUcdp } from './importers/ucdp';
import { importAcled } from './importers/acled';
import { importTimelineJs } from './importers/timelinejs';
import { importTimesketchCsv, importTimesketchJsonl } from './importers/timesketch';
import { importChronoscopeCsv } from './importers/chronoscopeCsv';
import { importChronoscopeJsonl } from './importers/chronoscopeJsonl';
import { importGdelt } from './importers/gdelt';
import {
  importGenericCsv,
  PREVIEW_ROWS,
  previewCsv,
  type CsvPreview,
} from './importers/genericCsv';
import { isCompoundFile, isZip } from './xlsx/magic';
import { missingColumns, type CsvMapping } from '../../domain/csvMapping';
import { failure, type LoadFailure } from './loadFailure';
import { parseJson } from './parseJson';
import { looksLikeHtml } from './looksLikeHtml';
import { LIMITS } from '../../domain/limits';

/** The largest file Chronoscope opens (README "Limits"). */
export const MAX_FILE_BYTES = LIMITS.maxFileBytes;

export type LoadOutcome =
  | { ok: true; dataset: Dataset; format: FormatId; encoding: Encoding; bytes: number }
  | { ok: false; error: LoadFailure };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a chronoscope/1 document (or a bare array of events) from parsed JSON. */
export function chronoscopeDocument(
  value: unknown,
): { ok: true; doc: RawDocument } | { ok: false; error: LoadFailure } {
  if (Array.isArray(value)) return { ok: true, doc: { events: value } };
  if (!isRecord(value)) {
    return {
      ok: false,
      error: failure(
        'shape',
        `The file is JSON but holds ${value === null ? 'null' : `a ${typeof value}`}, not a dataset: expected an object with an "events" list, or a list of events.`,
      ),
    };
  }
  if (!('events' in value)) {
    return {
      ok: false,
      error: failure(
        'shape',
        'The file is JSON but has no "events" list, so there is nothing to show.',
        `top-level keys: ${Object.keys(value).slice(0, 10).join(', ') || '(none)'}`,
      ),
    };
  }
  if (!Array.isArray(value.events)) {
    return {
      ok: false,
      error: failure('shape', '"events" is not a list, so there is nothing to show.'),
    };
  }
  return { ok: true, doc: value as unknown as RawDocument };
}

type Imported =
  { ok: true; doc: RawDocument; issues: ValidationIssue[] } | { ok: false; error: LoadFailure };

const read = (r: { doc: RawDocument; issues: ValidationIssue[] }): Imported => ({ ok: true, ...r });

/** Parses JSON first (a syntax error is fatal, with line and column), then reads the value. */
const fromJson =
  (readValue: (value: unknown) => Imported) =>
  (text: string): Imported => {
    const json = parseJson(text);
    return json.ok ? readValue(json.value) : json;
  };

/** How one load reads its file: a format chosen by the analyst, and the column mapping of a generic CSV. */
export interface ReadOptions {
  format?: FormatId;
  mapping?: CsvMapping;
}

/** Generic CSV/TSV: without a mapping (or with one naming columns the file lacks) the analyst is asked for one. */
function genericCsv(text: string, name: string, mapping?: CsvMapping): Imported {
  const csv = previewCsv(text);
  const needs = (message: string): Imported => ({
    ok: false,
    error: { ...failure('needs-mapping', message), csv },
  });
  if (csv.headers.length === 0) return needs(`${name || 'The file'} has no header row.`);
  if (!mapping)
    return needs(
      'This CSV/TSV has no layout Chronoscope knows: choose which columns hold the date, the title and the actors.',
    );
  const missing = missingColumns(mapping, csv.headers);
  if (missing.length > 0)
    return needs(
      `The column mapping names column${missing.length > 1 ? 's' : ''} this file does not have: ${missing.map((m) => `"${m}"`).join(', ')}. Choose the columns again.`,
    );
  return read(importGenericCsv(text, mapping, name));
}

/** Every format Chronoscope reads, and how: text in, a raw document and the importer's own report out. */
const IMPORTERS: Partial<
  Record<FormatId, (text: string, name: string, options: ReadOptions) => Imported>
> = {
  chronoscope: fromJson((value) => {
    const doc = chronoscopeDocument(value);
    return doc.ok ? { ok: true, doc: doc.doc, issues: [] } : doc;
  }),
  'chronoscope-csv': (text) => read(importChronoscopeCsv(text)),
  'chronoscope-jsonl': (text) => read(importChronoscopeJsonl(text)),
  gdelt: (text) => read(importGdelt(text)),
  timelinejs: fromJson((value) => read(importTimelineJs(value))),
  'timesketch-csv': (text) => read(importTimesketchCsv(text)),
  'timesketch-jsonl': (text) => read(importTimesketchJsonl(text)),
  acled: (text) => read(importAcled(text)),
  ucdp: (text) => read(importUcdp(text)),
  csv: (text, name, options) => genericCsv(text, name, options.mapping),
};

/**
 * The whole load pipeline, pure and synchronous: bytes → text → format → document → validated dataset.
 * Runs in the loader worker; never throws.
 */
export function loadDataset(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
): LoadOutcome {
  try {
    if (bytes.length === 0)
      return { ok: false, error: failure('empty', `${name || 'The file'} is empty.`) };
    if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes);
    if (isZip(bytes) || isCompoundFile(bytes))
      return {
        ok: false,
        error: failure(
          'unsupported',
          `${name || 'The file'} is a ZIP archive or an Office file, which this reader does not open: open a JSON, CSV or TSV file, or an .xlsx workbook in the app.`,
        ),
      };
    const { text, encoding } = decodeText(bytes);
    if (text.trim() === '')
      return {
        ok: false,
        error: failure('empty', `${name || 'The file'} holds only white space.`),
      };
    if (looksLikeHtml(text))
      return {
        ok: false,
        error: failure(
          'unsupported',
          `${name || 'The file'} is a web page (HTML), not a dataset: open a JSON, CSV or TSV file.`,
        ),
      };
    const format = options.format ?? detectFormat(text, name);
    const importer = IMPORTERS[format];
    if (!importer) {
      const supported = (Object.keys(IMPORTERS) as FormatId[]).map((f) => FORMATS[f]).join(', ');
      return {
        ok: false,
        error: failure(
          'unsupported',
          `This looks like ${FORMATS[format]}, which this version cannot import yet. Supported: ${supported}.`,
        ),
      };
    }
    const imported = importer(text, name, options);
    if (!imported.ok) return imported;
    const dataset = normaliseDocument(imported.doc, FORMATS[format]);
    dataset.issues.unshift(...imported.issues);
    return { ok: true, dataset, format, encoding, bytes: bytes.length };
  } catch (e) {
    return {
      ok: false,
      error: failure(
        'worker',
        'The file could not be read because of an internal error.',
        e instanceof Error ? e.message : String(e),
      ),
    };
  }
}

const tooLarge = (bytes: Uint8Array): LoadOutcome => ({
  ok: false,
  error: failure(
    'too-large',
    `The file is ${(bytes.length / 2 ** 20).toFixed(0)} MB; Chronoscope opens files up to ${MAX_FILE_BYTES / 2 ** 20} MB.`,
  ),
});

/**
 * An Excel workbook through the column mapping: without a mapping (or with one naming columns or a sheet the
 * workbook lacks) the analyst is asked for one, with the first rows of every sheet; with one, the mapped sheet
 * (the first by default) is read whole. The reader (and fflate) is a chunk of its own, fetched only for a workbook.
 */
async function loadWorkbook(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions,
): Promise<LoadOutcome> {
  const xlsx = await import('./xlsx/readWorkbook');
  try {
    const needs = (message: string): LoadOutcome => {
      const sheets = xlsx.workbookPreviews(bytes, PREVIEW_ROWS);
      if (sheets.every((s) => s.headers.length === 0))
        return {
          ok: false,
          error: failure('empty', `${name || 'The workbook'}: its sheets hold no cells.`),
        };
      const chosen = sheets.find((s) => s.name === options.mapping?.sheet) ?? sheets[0]!;
      const csv: CsvPreview = { headers: chosen.headers, rows: chosen.rows, delimiter: '', sheets };
      return { ok: false, error: { ...failure('needs-mapping', message), csv } };
    };
    const mapping = options.mapping;
    if (!mapping)
      return needs(
        'A workbook has no layout Chronoscope knows: choose the sheet, and which columns hold the date, the title and the actors.',
      );
    let table;
    try {
      table = xlsx.workbookTable(bytes, mapping.sheet);
    } catch (e) {
      if (
        mapping.sheet !== undefined &&
        e instanceof xlsx.WorkbookError &&
        /no sheet named/.test(e.message)
      )
        return needs(`${e.message} Choose the sheet and its columns again.`);
      throw e;
    }
    const missing = missingColumns(mapping, table.headers);
    if (missing.length > 0)
      return needs(
        `The column mapping names column${missing.length > 1 ? 's' : ''} this sheet does not have: ${missing.map((m) => `"${m}"`).join(', ')}. Choose the columns again.`,
      );
    const stem = name.replace(/\.(xlsx|xlsm)$/i, '') || 'Workbook';
    const imported = importGenericCsv(
      table,
      mapping,
      table.sheetCount > 1 ? `${stem} (${table.sheet})` : stem,
    );
    const dataset = normaliseDocument(imported.doc, FORMATS.xlsx);
    dataset.issues.unshift(...imported.issues);
    return { ok: true, dataset, format: 'xlsx', encoding: 'UTF-8', bytes: bytes.length };
  } catch (e) {
    if (e instanceof xlsx.WorkbookError)
      return { ok: false, error: failure('unsupported', `${name || 'The file'}: ${e.message}`) };
    return {
      ok: false,
      error: failure(
        'worker',
        'The workbook could not be read because of an internal error.',
        e instanceof Error ? e.message : String(e),
      ),
    };
  }
}

/**
 * loadDataset for any file: a workbook (a ZIP archive, or an old binary .xls) goes to the workbook reader, fetched
 * on demand; everything else to loadDataset. Never throws.
 */
export async function loadAnyDataset(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
): Promise<LoadOutcome> {
  if (!isZip(bytes) && !isCompoundFile(bytes)) return loadDataset(bytes, name, options);
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(bytes);
  return loadWorkbook(bytes, name, options);
}
