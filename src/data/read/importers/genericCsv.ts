import { ActorTypes, entityTypeOf } from '../../../domain/actorTypes';
import { clipText } from '../../../domain/clipText';
import { actorTypeSource, mappedColumns, type CsvMapping } from '../../../domain/csvMapping';
import { readLooseDate, type LooseDate } from '../../../domain/looseDate';
import { KNOWN_EVENT_FIELDS, type RawDocument } from '../../../domain/normalise';
import { readPrecisionCode, weekAround } from '../../../domain/precisionCodes';
import type { ValidationIssue } from '../../../domain/types';
import { csvRecords, FIRST_CSV_ROW, type CsvTable } from './csvRecords';

/** What the column-mapping dialog shows of a file: its header, first rows and size. */
export interface CsvPreview {
  headers: string[];
  /** The first rows, one cell per header. */
  rows: string[][];
  delimiter: string;
  /** A workbook's sheets (at most 50), each with its own header and first rows; `headers`/`rows` are the first's. */
  sheets?: { name: string; headers: string[]; rows: string[][] }[];
}

export const PREVIEW_ROWS = 8;

/** The header and the first rows of a CSV/TSV (the delimiter is detected). */
export function previewCsv(text: string): CsvPreview {
  const { headers, rows, delimiter } = csvRecords<Record<string, string | undefined>>(text, {
    preview: PREVIEW_ROWS,
  });
  return {
    headers,
    rows: rows.map((r) => headers.map((h) => clipText(r[h] ?? '', 200))),
    delimiter,
  };
}

type Row = Record<string, string | undefined>;

const cell = (row: Row, column: string | undefined) =>
  column === undefined ? '' : (row[column] ?? '').trim();

/** Splits a many-valued cell ("" = one value per cell); empty parts are dropped. */
export function splitCell(value: string, separator: string | undefined): string[] {
  return (separator ? value.split(separator) : [value]).map((v) => v.trim()).filter(Boolean);
}

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const LAT_LON = /^\(?\s*([+-]?\d{1,3}(?:\.\d+)?)\s*[,; ]\s*([+-]?\d{1,3}(?:\.\d+)?)\s*\)?$/;

/** Coordinates from two columns or one "lat, lon" column; an error when they are written but unusable. */
function coordinates(
  row: Row,
  m: CsvMapping,
): { lat: number; lon: number } | { error: string } | undefined {
  let latText: string;
  let lonText: string;
  if (m.lat !== undefined && m.lon !== undefined) {
    latText = cell(row, m.lat);
    lonText = cell(row, m.lon);
    if (latText === '' && lonText === '') return undefined;
  } else if (m.latlon !== undefined) {
    const both = cell(row, m.latlon);
    if (both === '') return undefined;
    const pair = LAT_LON.exec(both);
    if (!pair) return { error: `${m.latlon}: "${clipText(both, 40)}" is not "lat, lon"` };
    [latText, lonText] = [pair[1]!, pair[2]!];
  } else return undefined;
  if (!NUMBER.test(latText) || !NUMBER.test(lonText))
    return { error: `"${clipText(latText, 20)}", "${clipText(lonText, 20)}" are not coordinates` };
  const lat = Number(latText);
  const lon = Number(lonText);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return { error: `${lat}, ${lon} is outside −90…90, −180…180` };
  return { lat, lon };
}

/** A row's content, to tell a repeated row from a different row that shares its id. */
const rowContent = (row: Row) => JSON.stringify(Object.values(row));

/**
 * Converts any CSV/TSV with a header row through the analyst's column mapping. Every row of the file is counted;
 * rows whose date cannot be read are reported with their file row; every unmapped column is kept on the event
 * under its own name.
 */
export function importGenericCsv(
  source: string | CsvTable<Row>,
  mapping: CsvMapping,
  name: string,
): { doc: RawDocument; issues: ValidationIssue[] } {
  const { rows, issues, rowNumbers } =
    typeof source === 'string' ? csvRecords<Row>(source) : source;
  const mapped = new Set(mappedColumns(mapping));
  const readOptions = { ...(mapping.kind ? { kind: mapping.kind } : {}) };
  const starts: LooseDate[] = rows.map((row) =>
    readLooseDate(cell(row, mapping.date), mapping.order, cell(row, mapping.time), {
      ...readOptions,
      midnightIsDay: mapping.midnight === 'day',
    }),
  );
  // A column whose every time is midnight writes days: the time is a spreadsheet's placeholder.
  const placeholder =
    mapping.midnight === undefined &&
    starts.some((s) => s.ok && s.midnight) &&
    starts.every((s) => !s.ok || s.midnight || ['year', 'month', 'day'].includes(s.precision));
  const midnightAsDay = (s: LooseDate): LooseDate =>
    s.ok && s.midnight
      ? { ok: true, start: s.start.slice(0, s.start.search(/[T ]/)), precision: 'day' }
      : s;

  const actorTypes = new ActorTypes();
  const idUse = new Map<string, string>();
  const usedIds = new Set(rows.map((row) => cell(row, mapping.id)).filter(Boolean));
  const events: unknown[] = [];
  const fileRows: number[] = [];
  const warn = (fileRow: number, id: string, field: string, message: string) =>
    issues.push({
      severity: 'warning',
      position: fileRow,
      id,
      field,
      message: `Row ${fileRow}: ${message}`,
    });

  rows.forEach((row, i) => {
    const fileRow = rowNumbers?.[i] ?? i + FIRST_CSV_ROW;
    let id = cell(row, mapping.id) || `row-${fileRow}`;
    const start = placeholder ? midnightAsDay(starts[i]!) : starts[i]!;
    if (!start.ok) {
      issues.push({
        severity: 'error',
        position: fileRow,
        id,
        field: 'start',
        message: `Row ${fileRow}: ${mapping.date}: ${start.error}; the row is skipped.`,
      });
      return;
    }
    if (mapping.id !== undefined && cell(row, mapping.id)) {
      const first = idUse.get(id);
      if (first === undefined) idUse.set(id, rowContent(row));
      else if (
        mapping.duplicates === 'keep' ||
        (mapping.duplicates === undefined && first !== rowContent(row))
      ) {
        let n = 2;
        while (usedIds.has(`${id} (${n})`)) n++;
        const unique = `${id} (${n})`;
        usedIds.add(unique);
        warn(
          fileRow,
          unique,
          'id',
          `${mapping.id}: "${clipText(id, 60)}" is used by an earlier row; this one is kept as "${clipText(unique, 70)}".`,
        );
        id = unique;
      }
    }

    let startText = start.start;
    let end: string | undefined;
    let precision = start.precision;
    let approximate = false;
    const code = cell(row, mapping.precision);
    if (code) {
      const p = readPrecisionCode(code, mapping.precisionCodes ?? 'acled');
      const week = p?.week ? weekAround(start.start) : undefined;
      if (!p)
        warn(
          fileRow,
          id,
          'precision',
          `${mapping.precision}: "${clipText(code, 20)}" is not a precision this mapping knows; the date's own precision is kept.`,
        );
      else if (week) [startText, end, precision] = [week.start, week.end, 'day'];
      else {
        precision = p.precision;
        approximate = p.approximate === true || p.week === true;
      }
    }
    const endText = cell(row, mapping.end);
    if (endText) {
      const e = readLooseDate(endText, mapping.order, '', {
        ...readOptions,
        midnightIsDay: placeholder || mapping.midnight === 'day',
      });
      if (e.ok) end = e.start;
      else warn(fileRow, id, 'end', `${mapping.end}: ${e.error}; the event is kept as a point.`);
    }

    const description = cell(row, mapping.description);
    const type = cell(row, mapping.type);
    const title =
      cell(row, mapping.title) ||
      (description ? clipText(description, 80) : `${type || 'Event'} (row ${fileRow})`);
    const actors = mapping.actors.flatMap((column) => {
      const names = splitCell(cell(row, column), mapping.separator);
      const source = actorTypeSource(mapping, column);
      const entityType = source
        ? 'type' in source
          ? source.type
          : entityTypeOf(cell(row, source.column))
        : undefined;
      for (const n of names) actorTypes.note(n, entityType);
      return names;
    });
    const place = cell(row, mapping.location);
    const coords = coordinates(row, mapping);
    if (coords && 'error' in coords)
      warn(fileRow, id, 'location', `${coords.error}; the place is kept without coordinates.`);
    const located = coords && !('error' in coords) ? coords : undefined;

    const other: Record<string, unknown> = {};
    Object.entries(row).forEach(([column, value], c) => {
      if (mapped.has(column) || value === undefined || value.trim() === '') return;
      const key = column.trim() || `column_${c + 1}`;
      const safeKey = KNOWN_EVENT_FIELDS.has(key) ? `csv_${key}` : key;
      Object.defineProperty(other, safeKey, { value, enumerable: true, writable: true });
    });
    fileRows.push(fileRow);
    events.push({
      ...other,
      id,
      title,
      start: startText,
      ...(end ? { end } : {}),
      precision,
      ...(approximate ? { approximate } : {}),
      ...(type ? { type } : {}),
      actors: [...new Set(actors)],
      ...(place || located ? { location: { ...(place ? { name: place } : {}), ...located } } : {}),
      ...(description ? { description } : {}),
      tags: [...new Set(splitCell(cell(row, mapping.tags), mapping.tagSeparator))],
      // A string source becomes a link only if it is http(s); anything else is kept as text.
      sources: splitCell(cell(row, mapping.url), mapping.urlSeparator),
    });
  });
  const entities = actorTypes.entities();
  return {
    doc: {
      title: name.replace(/\.(csv|tsv|tab|txt|xlsx|xlsm)$/i, '') || 'CSV import',
      firstRow: FIRST_CSV_ROW,
      rows: fileRows,
      recordCount: rows.length,
      ...(entities.length > 0 ? { entities } : {}),
      events,
    },
    issues,
  };
}
