import { readLooseDate } from '../../../domain/looseDate';
import { LIMITS } from '../../../domain/limits';
import type { ValidationIssue } from '../../../domain/types';
import type { CsvTable } from '../importers/csvRecords';
import { scanXml, type Attributes } from './xmlScan';
import { isCompoundFile } from './magic';
import { WorkbookError, ZipArchive } from './zipArchive';

export { WorkbookError };

/** Columns read from a sheet (Excel allows 16,384; an event table uses tens). */
const MAX_COLUMNS = 1024;
/** Sheets listed in the sheet picker, and the XML read of each to preview its first rows. */
const MAX_SHEETS = 50;
const PREVIEW_XML_BYTES = 2 * 1024 * 1024;

type CellFormat = 'date' | 'time' | undefined;

interface Workbook {
  zip: ZipArchive;
  sheets: { name: string; path: string }[];
  strings: string[];
  formats: CellFormat[];
  date1904: boolean;
}

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

/** OOXML writes characters XML cannot hold as `_xHHHH_`. */
const unescapeOoxml = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;

/** Built-in number formats that show a date (with or without a time), and those that show a time of day only. */
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 45, 47, 55, 56]);

/** Whether a custom number format shows a date, a time of day, or a number (durations such as [h]:mm are numbers). */
export function formatKind(code: string): CellFormat {
  if (/\[(h+|m+|s+)\]/i.test(code)) return undefined;
  const clean = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  if (/[dy]/i.test(clean) || (/m/i.test(clean) && !/[hs]/i.test(clean) && /[/.-]/.test(clean)))
    return 'date';
  if (/[hs]/i.test(clean)) return 'time';
  return undefined;
}

function parseXml(zip: ZipArchive, path: string, limit?: number): string | undefined {
  const bytes = zip.read(path, limit);
  return bytes ? utf8(bytes) : undefined;
}

/** Resolves a relationship target against the workbook's folder (xl/). */
const resolveTarget = (target: string) =>
  target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;

function notAWorkbook(zip: ZipArchive): WorkbookError {
  const names = zip.names();
  if (zip.has('xl/workbook.bin'))
    return new WorkbookError(
      'This is a binary Excel workbook (.xlsb). Save it as .xlsx or CSV in Excel and open that.',
    );
  if (zip.has('word/document.xml'))
    return new WorkbookError('This is a Word document, not a workbook or a dataset.');
  if (names.some((n) => n.startsWith('ppt/')))
    return new WorkbookError('This is a PowerPoint presentation, not a workbook or a dataset.');
  if (zip.has('content.xml') && zip.has('mimetype'))
    return new WorkbookError(
      'This is an OpenDocument file (.ods or similar). Save it as .xlsx or CSV and open that.',
    );
  return new WorkbookError(
    'This is a ZIP archive, not an Excel workbook: Chronoscope opens .xlsx workbooks and JSON, CSV or TSV files. Unpack it and open the dataset inside.',
  );
}

/** Opens a workbook's zip and reads what every sheet needs: the sheet list, shared strings, number formats. */
function openWorkbook(bytes: Uint8Array): Workbook {
  if (isCompoundFile(bytes))
    throw new WorkbookError(
      'This is an Excel 97–2003 workbook (.xls) or a password-protected one, which Chronoscope does not read. Save it as .xlsx (without a password) or CSV and open that.',
    );
  const zip = new ZipArchive(bytes, LIMITS.maxWorkbookBytes);
  if (!zip.has('[Content_Types].xml') || !zip.has('xl/workbook.xml')) throw notAWorkbook(zip);

  const targets = new Map<string, string>();
  scanXml(parseXml(zip, 'xl/_rels/workbook.xml.rels') ?? '', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && /worksheet$/.test(a.Type ?? 'worksheet'))
        targets.set(a.Id, resolveTarget(a.Target));
    },
  });
  const sheets: Workbook['sheets'] = [];
  const hidden: Workbook['sheets'] = [];
  let date1904 = false;
  scanXml(parseXml(zip, 'xl/workbook.xml')!, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet' || !a.name || !a.id) return;
      const path = targets.get(a.id);
      if (path && zip.has(path))
        (a.state === 'hidden' || a.state === 'veryHidden' ? hidden : sheets).push({
          name: a.name,
          path,
        });
    },
  });
  // Hidden sheets come last: the first sheet offered is one the analyst sees in Excel.
  sheets.push(...hidden);
  if (sheets.length === 0) throw new WorkbookError('The workbook has no worksheet to read.');

  const strings: string[] = [];
  let si: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  scanXml(parseXml(zip, 'xl/sharedStrings.xml') ?? '', {
    open(name) {
      if (name === 'si') si = [];
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (si && inT && phonetic === 0) si.push(t);
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && si) {
        strings.push(unescapeOoxml(si.join('')));
        si = undefined;
      }
    },
  });

  const custom = new Map<number, CellFormat>();
  const formats: CellFormat[] = [];
  let inCellXfs = false;
  scanXml(parseXml(zip, 'xl/styles.xml') ?? '', {
    open(name, a: Attributes) {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined)
        custom.set(Number(a.numFmtId), formatKind(a.formatCode));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        formats.push(
          custom.has(id)
            ? custom.get(id)
            : BUILTIN_DATE.has(id)
              ? 'date'
              : BUILTIN_TIME.has(id)
                ? 'time'
                : undefined,
        );
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return { zip, sheets, strings, formats, date1904 };
}

/** Column index of a cell reference ("C7" → 2). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Spreadsheet letters of a column index (2 → "C"). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A number cell shown as a date: ISO (a whole day is a calendar day; a time is kept to the second, without zone). */
function dateText(value: string, format: CellFormat, date1904: boolean): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  if (format === 'time' && n >= 0 && n < 1) {
    const s = Math.round(n * 86_400);
    const pad = (x: number) => String(x).padStart(2, '0');
    return `${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }
  const read = readLooseDate(String(date1904 ? n + 1462 : n), 'ymd', '', { kind: 'excel' });
  return read.ok ? read.start.replace(/Z$/, '') : value;
}

interface SheetRows {
  rows: { number: number; cells: string[] }[];
  issues: ValidationIssue[];
}

const STOP = {};

/**
 * The rows of one worksheet as text cells: shared and inline strings, numbers as written, booleans as TRUE/FALSE,
 * errors as Excel shows them (#N/A), and number cells formatted as dates as ISO dates. Formulas are never
 * evaluated: a formula cell is its cached value. `maxRows` stops after that many non-empty rows.
 */
function readSheet(wb: Workbook, xml: string, maxRows = Infinity): SheetRows {
  const rows: SheetRows['rows'] = [];
  const issues: ValidationIssue[] = [];
  let cells: string[] | undefined;
  let rowNumber = 0;
  let col = -1;
  let type = 'n';
  let style = 0;
  let value: string[] | undefined;
  let inline: string[] | undefined;
  let phonetic = 0;
  let cellCount = 0;
  let wide = 0;
  let capped = false;
  const finishCell = () => {
    if (!cells) return;
    const v = (value ?? []).join('');
    const text =
      type === 's'
        ? (wb.strings[Number(v)] ?? '')
        : type === 'inlineStr'
          ? unescapeOoxml((inline ?? []).join(''))
          : type === 'str'
            ? unescapeOoxml(v)
            : type === 'b'
              ? v === '1' || v === 'true'
                ? 'TRUE'
                : v === ''
                  ? ''
                  : 'FALSE'
              : type === 'n' && v !== '' && wb.formats[style]
                ? dateText(v, wb.formats[style], wb.date1904)
                : v;
    if (col >= MAX_COLUMNS) {
      wide++;
      return;
    }
    if (text !== '') cells[col] = text;
  };
  try {
    scanXml(xml, {
      open(name, a) {
        if (name === 'row') {
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          cells = [];
          col = -1;
        } else if (name === 'c' && cells) {
          col = a.r ? columnOf(a.r) : col + 1;
          type = a.t ?? 'n';
          style = Number(a.s ?? 0);
          value = undefined;
          inline = undefined;
        } else if (name === 'v') value = [];
        else if (name === 'is') inline = [];
        else if (name === 'rPh') phonetic++;
      },
      text(t) {
        if (phonetic > 0) return;
        if (inline) inline.push(t);
        else if (value) value.push(t);
      },
      close(name) {
        if (name === 'v' || name === 'is') {
          // keep collecting until the cell closes
          if (name === 'is' && inline) inline = [...inline];
        } else if (name === 'rPh') phonetic--;
        else if (name === 'c') {
          finishCell();
          value = undefined;
          inline = undefined;
        } else if (name === 'row' && cells) {
          if (cells.some((c) => c !== undefined && c !== '')) {
            cellCount += cells.length;
            if (cellCount > LIMITS.maxSheetCells) {
              capped = true;
              throw STOP;
            }
            rows.push({ number: rowNumber, cells });
            if (rows.length >= maxRows) throw STOP;
          }
          cells = undefined;
        }
      },
    });
  } catch (e) {
    if (e !== STOP) throw e;
  }
  if (wide > 0)
    issues.push({
      severity: 'warning',
      position: 0,
      message: `${wide} cells right of column ${columnLetters(MAX_COLUMNS - 1)} were not read (Chronoscope reads ${MAX_COLUMNS} columns).`,
    });
  if (capped)
    issues.push({
      severity: 'error',
      position: rowNumber,
      message: `The sheet holds more than ${LIMITS.maxSheetCells.toLocaleString('en')} cells; rows from ${rowNumber} on were not read.`,
    });
  return { rows, issues };
}

type Row = Record<string, string | undefined>;

/** A sheet's rows as the column mapping reads a CSV: the first non-empty row is the header. */
function sheetTable(read: SheetRows): CsvTable<Row> & { rowNumbers: number[] } {
  const [head, ...body] = read.rows;
  const width = Math.max(0, ...read.rows.map((r) => r.cells.length));
  const seen = new Map<string, number>();
  const headers = Array.from({ length: width }, (_, c) => {
    const h = head?.cells[c]?.trim() || `Column ${columnLetters(c)}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
  const rows = body.map((r) => {
    const record = Object.create(null) as Row;
    headers.forEach((h, c) => {
      const v = r.cells[c];
      if (v !== undefined)
        Object.defineProperty(record, h, { value: v, enumerable: true, writable: true });
    });
    return record;
  });
  return {
    headers,
    rows,
    issues: read.issues,
    delimiter: '',
    rowNumbers: body.map((r) => r.number),
  };
}

/** The sheet names of a workbook, and the first rows of each (at most 50 sheets), for the mapping dialog. */
export function workbookPreviews(
  bytes: Uint8Array,
  previewRows: number,
): { name: string; headers: string[]; rows: string[][] }[] {
  const wb = openWorkbook(bytes);
  return wb.sheets.slice(0, MAX_SHEETS).map(({ name, path }) => {
    const t = sheetTable(
      readSheet(wb, parseXml(wb.zip, path, PREVIEW_XML_BYTES) ?? '', previewRows + 1),
    );
    return { name, headers: t.headers, rows: t.rows.map((r) => t.headers.map((h) => r[h] ?? '')) };
  });
}

/** One whole sheet of a workbook (the first when `sheet` is not given) as a table; throws WorkbookError. */
export function workbookTable(
  bytes: Uint8Array,
  sheet?: string,
): CsvTable<Row> & { rowNumbers: number[]; sheet: string; sheetCount: number } {
  const wb = openWorkbook(bytes);
  const chosen = sheet === undefined ? wb.sheets[0]! : wb.sheets.find((s) => s.name === sheet);
  if (!chosen) throw new WorkbookError(`The workbook has no sheet named "${sheet!.slice(0, 80)}".`);
  return {
    ...sheetTable(readSheet(wb, parseXml(wb.zip, chosen.path) ?? '')),
    sheet: chosen.name,
    sheetCount: wb.sheets.length,
  };
}
