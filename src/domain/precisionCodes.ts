import { MS_PER_DAY, parseIsoDate } from './dates';
import type { Precision } from './types';

/** The codebooks whose numeric precision codes Chronoscope knows. */
export const PRECISION_CODES = ['acled', 'ucdp'] as const;
export type PrecisionCodes = (typeof PRECISION_CODES)[number];

/** How precisely a row's date is known: a precision, circa, or the week around the date. */
export interface DatePrecision {
  precision: Precision;
  approximate?: boolean;
  /** The date stands for the week around it (ACLED writes the middle day of a reported week). */
  week?: boolean;
}

/**
 * ACLED codebook time_precision: 1 the day is known, 2 only the week (the date is that week's middle day), 3 only
 * the month. UCDP GED date_prec: 1 the day, 2 within two to six days, 3 the week, 4 the month, 5 the year.
 */
const CODES: Record<PrecisionCodes, Record<string, DatePrecision>> = {
  acled: {
    '1': { precision: 'day' },
    '2': { precision: 'day', week: true },
    '3': { precision: 'month' },
  },
  ucdp: {
    '1': { precision: 'day' },
    '2': { precision: 'day', approximate: true },
    '3': { precision: 'day', week: true },
    '4': { precision: 'month' },
    '5': { precision: 'year' },
  },
};

const WORDS: Record<string, DatePrecision> = {
  year: { precision: 'year' },
  month: { precision: 'month' },
  week: { precision: 'day', week: true },
  day: { precision: 'day' },
  hour: { precision: 'hour' },
  minute: { precision: 'minute' },
  second: { precision: 'second' },
};

/** A precision cell as the codebook or a word says it; undefined for anything else. */
export function readPrecisionCode(cell: string, codes: PrecisionCodes): DatePrecision | undefined {
  const c = cell.trim().toLowerCase();
  if (Object.hasOwn(CODES[codes], c)) return CODES[codes][c];
  const word = c.replace(/s$/, '');
  return Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
}

/** The seven days around a day (`2023-12-20` → 17th to 23rd), as ISO days; undefined when it is not a day. */
export function weekAround(isoDay: string): { start: string; end: string } | undefined {
  const d = parseIsoDate(isoDay);
  if (!d.ok || d.value.precision !== 'day' || d.value.offsetMinutes !== undefined) return undefined;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (d.value.start < -8e15 || d.value.start > 8e15) return undefined;
  return { start: day(d.value.start - 3 * MS_PER_DAY), end: day(d.value.start + 3 * MS_PER_DAY) };
}
