import { DATE_KINDS, DATE_ORDERS, type DateKind, type DateOrder } from './looseDate';
import { PRECISION_CODES, type PrecisionCodes } from './precisionCodes';
import { ENTITY_TYPES, type EntityType } from './types';

/** Where an actor column's entity type comes from: one type for the whole column, or another column per row. */
export type ActorTypeSource = { type: EntityType } | { column: string };

/** How the columns of a generic CSV/TSV become events. Column names are header cells, as written. */
export interface CsvMapping {
  /** The start date (or date and time) column. */
  date: string;
  /** How numeric dates read: day first, month first, year first. */
  order: DateOrder;
  /** What the date cells hold: written dates (the default), Excel serial days, Unix seconds or milliseconds. */
  kind?: DateKind;
  /**
   * A time of exactly midnight: `day` reads it as the day alone (a spreadsheet's placeholder), `time` as a real
   * time. Absent: a placeholder when every time the date column writes is midnight.
   */
  midnight?: 'day' | 'time';
  /** A separate time-of-day column. */
  time?: string;
  /** An end date column: rows with an end become ranges. */
  end?: string;
  /** A column of precision codes (ACLED time_precision, UCDP date_prec) or words (day, week, month, year). */
  precision?: string;
  /** Which codebook the numbers of the precision column follow. */
  precisionCodes?: PrecisionCodes;
  title?: string;
  /** Columns whose cells name actors. */
  actors: string[];
  /** Splits one actor cell into several names ("" = one actor per cell). */
  separator: string;
  /** The entity type of the actors of a column. */
  actorTypes?: Record<string, ActorTypeSource>;
  type?: string;
  location?: string;
  /** Latitude and longitude (WGS84), in two columns or one "lat, lon" column. */
  lat?: string;
  lon?: string;
  latlon?: string;
  description?: string;
  url?: string;
  /** Splits one source URL cell into several sources. */
  urlSeparator?: string;
  tags?: string;
  /** Splits one tag cell into several tags. */
  tagSeparator?: string;
  id?: string;
  /** Rows sharing an id: `keep` every row (ids made unique), `first` keeps the first. Absent: keep rows whose
   * content differs, drop exact copies. */
  duplicates?: 'keep' | 'first';
  /** The worksheet of an Excel workbook the rows come from (absent: the first). */
  sheet?: string;
}

/** The single-column roles a mapping assigns, in the order the dialog shows them. */
export const COLUMN_ROLES = [
  'date',
  'time',
  'end',
  'precision',
  'title',
  'type',
  'location',
  'lat',
  'lon',
  'latlon',
  'description',
  'url',
  'tags',
  'id',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Roles whose cells may hold several values, and the mapping field holding each one's separator. */
export const SEPARATOR_FIELDS = {
  actors: 'separator',
  url: 'urlSeparator',
  tags: 'tagSeparator',
} as const;

const MAX_COLUMN_NAME = 200;
const MAX_ACTOR_COLUMNS = 20;
const MAX_SEPARATOR = 3;

const text = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_COLUMN_NAME;
const separatorOf = (v: unknown) =>
  typeof v === 'string' && v.length <= MAX_SEPARATOR ? v : undefined;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  (list as readonly unknown[]).includes(v);

function readActorTypes(v: unknown, actors: readonly string[]) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: Record<string, ActorTypeSource> = {};
  for (const column of actors) {
    if (!Object.hasOwn(v, column)) continue;
    const source: unknown = (v as Record<string, unknown>)[column];
    if (typeof source !== 'object' || source === null) continue;
    const s = source as Record<string, unknown>;
    const entry: ActorTypeSource | undefined = oneOf(ENTITY_TYPES, s.type)
      ? { type: s.type }
      : text(s.column)
        ? { column: s.column }
        : undefined;
    if (entry) Object.defineProperty(out, column, { value: entry, enumerable: true });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads a mapping from untrusted JSON (a link, local storage). Never throws. */
export function readCsvMapping(value: unknown): CsvMapping | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!text(v.date)) return undefined;
  const order = oneOf(DATE_ORDERS, v.order) ? v.order : 'dmy';
  const actors = Array.isArray(v.actors) ? v.actors.filter(text).slice(0, MAX_ACTOR_COLUMNS) : [];
  const out: CsvMapping = {
    date: v.date,
    order,
    actors: [...new Set(actors)],
    separator: separatorOf(v.separator) ?? '',
  };
  for (const role of COLUMN_ROLES) {
    if (role === 'date') continue;
    const c = v[role];
    if (text(c)) out[role] = c;
  }
  if (oneOf(DATE_KINDS, v.kind) && v.kind !== 'text') out.kind = v.kind;
  if (v.midnight === 'day' || v.midnight === 'time') out.midnight = v.midnight;
  if (oneOf(PRECISION_CODES, v.precisionCodes)) out.precisionCodes = v.precisionCodes;
  const urlSeparator = separatorOf(v.urlSeparator);
  if (urlSeparator) out.urlSeparator = urlSeparator;
  const tagSeparator = separatorOf(v.tagSeparator);
  if (tagSeparator) out.tagSeparator = tagSeparator;
  const actorTypes = readActorTypes(v.actorTypes, out.actors);
  if (actorTypes) out.actorTypes = actorTypes;
  if (v.duplicates === 'keep' || v.duplicates === 'first') out.duplicates = v.duplicates;
  if (text(v.sheet)) out.sheet = v.sheet;
  return out;
}

/** The `map` link parameter: the mapping as compact JSON. */
export function mappingToParam(m: CsvMapping): string {
  return JSON.stringify(m);
}

export function mappingFromParam(param: string): CsvMapping | undefined {
  try {
    return readCsvMapping(JSON.parse(param));
  } catch {
    return undefined;
  }
}

/** Every column a mapping reads, whatever its role. */
export function mappedColumns(m: CsvMapping): string[] {
  const typeColumns = Object.values(m.actorTypes ?? {}).flatMap((s) =>
    'column' in s ? [s.column] : [],
  );
  return [
    ...new Set(
      [...COLUMN_ROLES.map((r) => m[r]), ...m.actors, ...typeColumns].filter(
        (c): c is string => c !== undefined,
      ),
    ),
  ];
}

/** Columns a mapping names that the file does not have. */
export function missingColumns(m: CsvMapping, headers: readonly string[]): string[] {
  const have = new Set(headers);
  return mappedColumns(m).filter((c) => !have.has(c));
}

/** The key a mapping is remembered under: the file's header cells, in order, case and spacing ignored. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
}

/** The type source of an actor column (own entries only: a column may be named "constructor"). */
export function actorTypeSource(m: CsvMapping, column: string): ActorTypeSource | undefined {
  return m.actorTypes && Object.hasOwn(m.actorTypes, column) ? m.actorTypes[column] : undefined;
}

/** The mapping with one actor column's type source set, or removed when `source` is undefined. */
export function withActorType(
  m: CsvMapping,
  column: string,
  source: ActorTypeSource | undefined,
): CsvMapping {
  const types: Record<string, ActorTypeSource> = {};
  for (const [c, s] of Object.entries(m.actorTypes ?? {}))
    if (c !== column) Object.defineProperty(types, c, { value: s, enumerable: true });
  if (source) Object.defineProperty(types, column, { value: source, enumerable: true });
  const next: CsvMapping = { ...m, actorTypes: types };
  if (Object.keys(types).length === 0) delete next.actorTypes;
  return next;
}
