import { PRECISIONS, type Precision } from './types';
import { clipText } from './clipText';

/** Milliseconds in a mean Gregorian year; used only for years outside the JavaScript Date range. */
export const MS_PER_YEAR = 31_556_952_000;
export const MS_PER_DAY = 86_400_000;
/** Largest |year| a JavaScript Date can hold (±8.64e15 ms ≈ ±271,821 years around 1970). */
const DATE_YEAR_LIMIT = 275_760;

export interface ParsedDate {
  /** Start of the period the text denotes, epoch ms. */
  start: number;
  /** End (exclusive) of that period, epoch ms. */
  end: number;
  precision: Precision;
  year: number;
  offsetMinutes?: number;
}

export type DateParseResult = { ok: true; value: ParsedDate } | { ok: false; error: string };

const ISO_DATE =
  /^([+-]\d{4,}|\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

/** Index of a precision; a lower index is coarser. */
export function precisionRank(p: Precision): number {
  return PRECISIONS.indexOf(p);
}

/** The coarser of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  return precisionRank(a) <= precisionRank(b) ? a : b;
}

export function isPrecision(value: unknown): value is Precision {
  return typeof value === 'string' && (PRECISIONS as readonly string[]).includes(value);
}

function daysInMonth(year: number, month1: number): number {
  if (month1 === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month1) ? 30 : 31;
}

/** Epoch ms of a UTC wall-clock time; month is 0-based and may overflow (13 → next year). */
export function utcMs(
  year: number,
  month0 = 0,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  if (year >= 100 && year <= DATE_YEAR_LIMIT) {
    // Most dates: no Date object (normalising a million events calls this two million times).
    const t = Date.UTC(year, month0, day, hour, minute, second, ms);
    if (!Number.isNaN(t)) return t;
  } else if (Math.abs(year) <= DATE_YEAR_LIMIT) {
    // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
    const d = new Date(0);
    d.setUTCFullYear(year, month0, day);
    d.setUTCHours(hour, minute, second, ms);
    const t = d.getTime();
    if (!Number.isNaN(t)) return t;
  }
  // Deep time: calendar detail below a year is meaningless at this scale.
  return (year - 1970) * MS_PER_YEAR + (month0 / 12) * MS_PER_YEAR;
}

/** True when a JavaScript Date (and so the timeline axis) can represent this instant. */
export function isDrawable(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/**
 * Parses an ISO 8601 date of any precision (`2023`, `2023-12`, `2023-12-21T14:05Z`, `+012023`, `-013800000000`,
 * fractional seconds, offsets) into the period it denotes. A datetime without offset is UTC.
 * With `precision` coarser than written, the period widens to that precision (on the written wall clock).
 */
export function parseIsoDate(text: string, precision?: Precision): DateParseResult {
  const m = ISO_DATE.exec(text.trim());
  if (!m)
    return {
      ok: false,
      error: `"${clipText(text, 60)}" is not an ISO 8601 date (e.g. 2023, 2023-12, 2023-12-21T14:05Z)`,
    };
  const [, ys, mos, ds, hs, mis, ss, fs, off] = m;
  const year = Number(ys);
  if (!Number.isSafeInteger(year)) return { ok: false, error: `year "${ys}" is out of range` };
  const month = mos === undefined ? 1 : Number(mos);
  const day = ds === undefined ? 1 : Number(ds);
  const hour = hs === undefined ? 0 : Number(hs);
  const minute = mis === undefined ? 0 : Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = fs === undefined ? 0 : Math.floor(Number(`0.${fs}`) * 1000);
  if (month < 1 || month > 12)
    return { ok: false, error: `month ${mos} is not 01–12 in "${clipText(text, 60)}"` };
  if (day < 1 || day > daysInMonth(year, month))
    return {
      ok: false,
      error: `day ${ds} does not exist in ${ys}-${mos} ("${clipText(text, 60)}")`,
    };
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, error: `time of day out of range in "${clipText(text, 60)}"` };

  const written: Precision =
    fs !== undefined
      ? 'millisecond'
      : ss !== undefined
        ? 'second'
        : mis !== undefined
          ? 'minute'
          : hs !== undefined
            ? 'hour'
            : ds !== undefined
              ? 'day'
              : mos !== undefined
                ? 'month'
                : 'year';
  const effective = precision ? coarser(precision, written) : written;

  let offsetMinutes: number | undefined;
  if (off !== undefined && off.toUpperCase() !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return { ok: false, error: `UTC offset "${off}" is out of range` };
    offsetMinutes = sign * (oh * 60 + om);
  } else if (off !== undefined) {
    offsetMinutes = 0;
  }

  const r = precisionRank(effective);
  const parts = [
    year,
    r >= 1 ? month - 1 : 0,
    r >= 2 ? day : 1,
    r >= 3 ? hour : 0,
    r >= 4 ? minute : 0,
    r >= 5 ? second : 0,
    r >= 6 ? ms : 0,
  ] as const;
  const shift = (offsetMinutes ?? 0) * 60_000;
  const start = utcMs(...parts) - shift;
  const end = periodEnd(parts, effective) - shift;
  if (!Number.isFinite(start) || !Number.isFinite(end))
    return { ok: false, error: `"${clipText(text, 60)}" is out of range` };
  return {
    ok: true,
    value: {
      start,
      end,
      precision: effective,
      year,
      ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
    },
  };
}

function periodEnd(
  p: readonly [number, number, number, number, number, number, number],
  precision: Precision,
): number {
  const [y, mo, d, h, mi, s, ms] = p;
  switch (precision) {
    case 'year':
      return utcMs(y + 1);
    case 'month':
      return utcMs(y, mo + 1);
    case 'day':
      return utcMs(y, mo, d + 1);
    case 'hour':
      return utcMs(y, mo, d, h) + 3_600_000;
    case 'minute':
      return utcMs(y, mo, d, h, mi) + 60_000;
    case 'second':
      return utcMs(y, mo, d, h, mi, s) + 1000;
    case 'millisecond':
      return utcMs(y, mo, d, h, mi, s, ms) + 1;
  }
}

/** The shortest ISO 8601 text whose parse gives back exactly `ms` as its start (used in URLs). */
export function toIsoInstant(ms: number): string {
  if (!isDrawable(ms)) {
    const year = Math.round(1970 + ms / MS_PER_YEAR);
    return formatExpandedYear(year);
  }
  let iso = new Date(ms).toISOString();
  iso = iso.replace(/\.000Z$/, 'Z');
  iso = iso.replace(/T(\d{2}:\d{2}):00Z$/, 'T$1Z');
  iso = iso.replace(/T00:00Z$/, '');
  return iso;
}

function formatExpandedYear(year: number): string {
  const sign = year < 0 ? '-' : '+';
  return sign + String(Math.abs(year)).padStart(6, '0');
}

/** The calendar year of an instant (approximate outside the Date range). */
export function yearOf(ms: number): number {
  if (isDrawable(ms)) return new Date(ms).getUTCFullYear();
  return Math.floor(1970 + ms / MS_PER_YEAR);
}
