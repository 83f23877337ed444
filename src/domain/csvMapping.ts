import { DATE_ORDERS, readLooseDate, type DateOrder } from './looseDate';

/** How the columns of a generic CSV/TSV become events. Column names are header cells, as written. */
export interface CsvMapping {
  /** The start date (or date and time) column. */
  date: string;
  /** How numeric dates read: day first, month first, year first. */
  order: DateOrder;
  /** A separate time-of-day column. */
  time?: string;
  /** An end date column: rows with an end become ranges. */
  end?: string;
  title?: string;
  /** Columns whose cells name actors. */
  actors: string[];
  /** Splits one actor cell into several names ("" = one actor per cell). */
  separator: string;
  type?: string;
  location?: string;
  description?: string;
  url?: string;
  id?: string;
}

/** The single-column roles a mapping assigns, in the order the dialog shows them. */
export const COLUMN_ROLES = [
  'date',
  'time',
  'end',
  'title',
  'type',
  'location',
  'description',
  'url',
  'id',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

const MAX_COLUMN_NAME = 200;
const MAX_ACTOR_COLUMNS = 20;

const text = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_COLUMN_NAME;

/** Reads a mapping from untrusted JSON (a link, local storage). Never throws. */
export function readCsvMapping(value: unknown): CsvMapping | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!text(v.date)) return undefined;
  const order = (DATE_ORDERS as readonly unknown[]).includes(v.order)
    ? (v.order as DateOrder)
    : 'dmy';
  const actors = Array.isArray(v.actors) ? v.actors.filter(text).slice(0, MAX_ACTOR_COLUMNS) : [];
  const separator = typeof v.separator === 'string' && v.separator.length <= 3 ? v.separator : '';
  const out: CsvMapping = { date: v.date, order, actors: [...new Set(actors)], separator };
  for (const role of COLUMN_ROLES) {
    if (role === 'date') continue;
    const c = v[role];
    if (text(c)) out[role] = c;
  }
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

/** Columns a mapping names that the file does not have. */
export function missingColumns(m: CsvMapping, headers: readonly string[]): string[] {
  const have = new Set(headers);
  const named = [...COLUMN_ROLES.map((r) => m[r]), ...m.actors].filter(
    (c): c is string => c !== undefined,
  );
  return [...new Set(named.filter((c) => !have.has(c)))];
}

/** The key a mapping is remembered under: the file's header cells, in order, case and spacing ignored. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).join('\u001f');
}

const NAME_HINTS: Record<Exclude<ColumnRole, 'date'> | 'date' | 'actors', RegExp> = {
  date: /^(date|start|start.?date|event.?date|datetime|timestamp|when|day|time.?stamp|begin)$/i,
  time: /^(time|hour|time.?of.?day)$/i,
  end: /^(end|end.?date|until|to|finish|stop)$/i,
  title: /^(title|headline|name|event|summary|subject|what|message)$/i,
  actors:
    /^(actors?|actor.?\d|party|parties|who|participants?|people|persons?|organi[sz]ations?|side.?[ab12]?)$/i,
  type: /^(type|event.?type|category|kind|class)$/i,
  location: /^(location|place|city|country|where|site|region)$/i,
  description: /^(description|notes?|text|details?|body|content|comment)$/i,
  url: /^(url|link|source.?url|href|source|sources?)$/i,
  id: /^(id|uid|identifier|event.?id|key|ref|reference)$/i,
};

/** Share of non-empty cells in a column that read as dates. */
function dateShare(values: readonly string[], order: DateOrder): number {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return 0;
  return filled.filter((v) => readLooseDate(v, order).ok).length / filled.length;
}

/**
 * How numeric dates in a column are ordered: a first number above 12 means day first, a second above 12 means
 * month first. `ambiguous` when no row tells (every day is 12 or less).
 */
export function guessDateOrder(values: readonly string[]): {
  order: DateOrder;
  ambiguous: boolean;
} {
  let dayFirst = 0;
  let monthFirst = 0;
  let numeric = 0;
  for (const v of values) {
    const m = /^\s*(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})/.exec(v);
    if (!m) continue;
    if (m[1]!.length >= 3) return { order: 'ymd', ambiguous: false };
    numeric++;
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst > monthFirst) return { order: 'dmy', ambiguous: false };
  if (monthFirst > dayFirst) return { order: 'mdy', ambiguous: false };
  return { order: 'dmy', ambiguous: numeric > 0 };
}

/** A first guess from header names and the first rows' content; the analyst checks it in the dialog. */
export function guessMapping(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): CsvMapping {
  const column = (i: number) => rows.map((r) => r[i] ?? '');
  const byName = (re: RegExp, taken: Set<string>) =>
    headers.find((h) => re.test(h.trim()) && !taken.has(h));
  const taken = new Set<string>();
  const take = (h: string | undefined) => {
    if (h !== undefined) taken.add(h);
    return h;
  };
  const dateByName = headers.find(
    (h, i) =>
      NAME_HINTS.date.test(h.trim()) &&
      dateShare(column(i), 'dmy') + dateShare(column(i), 'mdy') > 0,
  );
  const dateByContent = headers.find(
    (_, i) => Math.max(dateShare(column(i), 'dmy'), dateShare(column(i), 'mdy')) >= 0.8,
  );
  const date = take(dateByName ?? dateByContent ?? headers[0] ?? '')!;
  const { order } = guessDateOrder(column(headers.indexOf(date)));
  const m: CsvMapping = { date, order, actors: [], separator: '' };
  for (const role of COLUMN_ROLES) {
    if (role === 'date') continue;
    const h = take(byName(NAME_HINTS[role], taken));
    if (h !== undefined) m[role] = h;
  }
  m.actors = headers.filter((h) => NAME_HINTS.actors.test(h.trim()) && !taken.has(h));
  const actorCells = m.actors.flatMap((a) => column(headers.indexOf(a)));
  m.separator = actorCells.some((c) => c.includes(';'))
    ? ';'
    : actorCells.some((c) => c.includes('|'))
      ? '|'
      : '';
  return m;
}
