import { parseIsoDate } from './dates';
import type { Precision } from './types';

/** How a numeric date like 03/04/2023 is read: day first, month first, or year first. */
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/**
 * What the cells of a date column hold: dates written as text, or numbers read as Excel serial days, Unix epoch
 * seconds or milliseconds. Numbers are never read as epochs or serials unless the analyst says so.
 */
export const DATE_KINDS = ['text', 'excel', 'unix-s', 'unix-ms'] as const;
export type DateKind = (typeof DATE_KINDS)[number];

/** `midnight` marks a time of exactly 00:00 written without a zone: possibly a spreadsheet's placeholder. */
export type LooseDate =
  { ok: true; start: string; precision: Precision; midnight?: true } | { ok: false; error: string };

export interface LooseDateOptions {
  kind?: DateKind;
  /** A written time of exactly midnight is a placeholder: the date keeps day precision. */
  midnightIsDay?: boolean;
}

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** "Dec", "dec.", "Sept", "December": the month number, or undefined. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}

/** Two-digit years read as 1950–2049 (the README says so). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

const TIME =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?\s*([ap]\.?m\.?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;

/** "14:05", "2:05 pm", "14:05:09Z", "09:30+02:00" as an ISO time part and its precision. */
function readTime(text: string): { iso: string; precision: Precision } | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const meridiem = m[5]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (h > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return undefined;
  const zone = m[6] ? (/^[+-]/.test(m[6]) ? m[6] : 'Z') : '';
  const seconds = m[3] !== undefined ? `:${m[3]}${m[4] ? `.${m[4]}` : ''}` : '';
  const precision: Precision = m[4] ? 'millisecond' : m[3] !== undefined ? 'second' : 'minute';
  return { iso: `${pad(h)}:${m[2]}${seconds}${zone}`, precision };
}

function checked(iso: string, precision: Precision, text: string): LooseDate {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) return { ok: false, error: `"${text}" is not a real date (${parsed.error})` };
  return { ok: true, start: iso, precision };
}

const MIDNIGHT = /^(.*\d{2})[T ]00:00(?::00(?:[.,]0+)?)?$/;

/** Marks a midnight time without zone, or turns it into the day it stands for. */
function placeholderMidnight(read: LooseDate, midnightIsDay: boolean): LooseDate {
  if (!read.ok) return read;
  const m = MIDNIGHT.exec(read.start);
  if (!m) return read;
  return midnightIsDay ? { ok: true, start: m[1]!, precision: 'day' } : { ...read, midnight: true };
}

/** Excel's serial day 1 is 1900-01-01, and it counts a 29 February 1900 that never was (serial 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials of 1900-01-01 … 9999-12-31. */
export const EXCEL_SERIAL_RANGE = [1, 2_958_465] as const;

function isoOfMs(ms: number, precision: Precision): string {
  const iso = new Date(ms).toISOString();
  if (precision === 'day') return iso.slice(0, 10);
  if (precision === 'second') return iso.replace(/\.\d{3}Z$/, 'Z');
  return iso;
}

/** A number cell read as an Excel serial day (a fraction is the time of day) or a Unix epoch. */
function readNumber(text: string, kind: Exclude<DateKind, 'text'>): LooseDate {
  if (!/^-?\d+(\.\d+)?$/.test(text))
    return {
      ok: false,
      error: `"${text}" is not a number, so it cannot be read as ${KIND_WORDS[kind]}`,
    };
  const n = Number(text);
  if (kind === 'excel') {
    if (n < EXCEL_SERIAL_RANGE[0] || n > EXCEL_SERIAL_RANGE[1])
      return { ok: false, error: `${text} is outside Excel's serial day range` };
    const day = Math.floor(n);
    const ms = Math.round(
      (day < 61 ? day + 1 : day) * 86_400_000 + EXCEL_EPOCH + (n - day) * 86_400_000,
    );
    const whole = n === day;
    return {
      ok: true,
      start: isoOfMs(ms, whole ? 'day' : 'second'),
      precision: whole ? 'day' : 'second',
    };
  }
  const ms = kind === 'unix-s' ? n * 1000 : n;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
    return { ok: false, error: `${text} is out of range as ${KIND_WORDS[kind]}` };
  const precision: Precision = Number.isInteger(ms / 1000) ? 'second' : 'millisecond';
  return { ok: true, start: isoOfMs(Math.round(ms), precision), precision };
}

const KIND_WORDS: Record<DateKind, string> = {
  text: 'a written date',
  excel: 'an Excel serial day',
  'unix-s': 'Unix seconds',
  'unix-ms': 'Unix milliseconds',
};

/** Compact ISO 8601 without separators: 20220224, 20220224T1405, 20220224140509. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z)?)?$/i;

function readCompact(text: string): LooseDate | undefined {
  const m = COMPACT.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  if (h === undefined) return checked(`${y}-${mo}-${d}`, 'day', text);
  const time = `${h}:${mi}${s !== undefined ? `:${s}` : ''}${z ? 'Z' : ''}`;
  return checked(`${y}-${mo}-${d}T${time}`, s !== undefined ? 'second' : 'minute', text);
}

/**
 * Reads a date as people write it in spreadsheets: ISO 8601 of any precision, numeric dates in the given order
 * (21/12/2023, 12-21-2023, 2023/12/21, two-digit years as 1950–2049), month names ("21 Dec 2023",
 * "December 21, 2023", "Dec 2023"), each with an optional time ("14:05", "2:05 pm"). A time can also come from its
 * own column. Also compact ISO (20220224, 20220224T140509) and, when `kind` says so, Excel serial days and Unix
 * epochs. The result is ISO 8601 with the precision that was written; a time without zone is UTC; a midnight
 * time is marked, and read as the day alone with `midnightIsDay`.
 */
export function readLooseDate(
  dateText: string,
  order: DateOrder,
  timeText = '',
  options: LooseDateOptions = {},
): LooseDate {
  const kind = options.kind ?? 'text';
  const text0 = dateText.trim();
  if (text0 === '') return { ok: false, error: 'the date is empty' };
  const read = kind === 'text' ? readText(dateText, order, timeText) : readNumber(text0, kind);
  return placeholderMidnight(read, options.midnightIsDay ?? false);
}

function readText(dateText: string, order: DateOrder, timeText: string): LooseDate {
  const text = dateText.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, error: 'the date is empty' };
  let datePart = text;
  let time = timeText.trim();
  // A time written after the date, separated by a space, a comma or a "T".
  const split = /^(.*?\d)(?:,?\s+|T)(\d{1,2}:\d{2}.*)$/i.exec(text);
  if (split && !time) {
    datePart = split[1]!;
    time = split[2]!;
  }

  let iso: string | undefined;
  let precision: Precision = 'day';
  if (!timeText.trim()) {
    const compact = readCompact(text);
    if (compact) return compact;
  }
  const iso8601 = parseIsoDate(text);
  if (iso8601.ok && !timeText.trim())
    return { ok: true, start: text, precision: iso8601.value.precision };

  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(datePart);
  const monthYear = /^(\d{1,2})[/.-](\d{4})$/.exec(datePart);
  const dayMonthName = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z.]+),?[ -](\d{2,4})$/.exec(datePart);
  const monthNameDay = /^([A-Za-z.]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(datePart);
  const monthNameYear = /^([A-Za-z.]+)[ -](\d{4})$/.exec(datePart);
  if (numeric) {
    const [, a, b, c] = numeric as unknown as [string, string, string, string];
    let y: number, mo: number, d: number;
    if (a.length >= 3 || order === 'ymd') [y, mo, d] = [fullYear(a), Number(b), Number(c)];
    else if (order === 'dmy') [d, mo, y] = [Number(a), Number(b), fullYear(c)];
    else [mo, d, y] = [Number(a), Number(b), fullYear(c)];
    if (c.length >= 3 && a.length >= 3) return { ok: false, error: `"${text}" has two years` };
    iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  } else if (monthYear) {
    iso = `${monthYear[2]}-${pad(monthYear[1]!)}`;
    precision = 'month';
  } else if (dayMonthName) {
    const mo = monthOf(dayMonthName[2]!);
    if (mo) iso = `${pad(fullYear(dayMonthName[3]!), 4)}-${pad(mo)}-${pad(dayMonthName[1]!)}`;
  } else if (monthNameDay) {
    const mo = monthOf(monthNameDay[1]!);
    if (mo) iso = `${monthNameDay[3]}-${pad(mo)}-${pad(monthNameDay[2]!)}`;
  } else if (monthNameYear) {
    const mo = monthOf(monthNameYear[1]!);
    if (mo) {
      iso = `${monthNameYear[2]}-${pad(mo)}`;
      precision = 'month';
    }
  } else {
    const plain = parseIsoDate(datePart);
    if (plain.ok) {
      iso = datePart;
      precision = plain.value.precision;
    }
  }
  if (iso === undefined)
    return { ok: false, error: `"${text}" is not a date this column mapping can read` };
  if (!time) return checked(iso, precision, text);
  if (precision !== 'day') return { ok: false, error: `"${text}" has a time but no day` };
  const t = readTime(time);
  if (!t) return { ok: false, error: `"${time}" is not a time of day` };
  return checked(`${iso}T${t.iso}`, t.precision, text);
}
