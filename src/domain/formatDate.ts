import { isDrawable, precisionRank, yearOf } from './dates';
import {
  canonicalZone,
  formatYear,
  isFloating,
  wallAt,
  writtenWall,
  zoneOf,
  type TimeZoneChoice,
} from './time';
import type { Precision, TimelineEvent } from './types';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

/** True when the runtime knows this zone ('utc', 'local', or an IANA name, current or old). */
export function isValidTimeZone(tz: string): boolean {
  return canonicalZone(tz) !== undefined;
}

/**
 * Formats an instant at a precision. Day and coarser read on the calendar the dataset wrote (its offset, else UTC),
 * so that "December 2023" never turns into "30 November" in another zone; finer precisions read in the chosen zone.
 */
export function formatInstant(
  ms: number,
  precision: Precision,
  tz: TimeZoneChoice,
  writtenOffsetMinutes?: number,
): string {
  if (!isDrawable(ms)) return formatYear(yearOf(ms));
  const coarse = isFloating({ precision });
  const d = new Date(coarse ? writtenWall(ms, writtenOffsetMinutes) : wallAt(tz, ms));
  const yearText = formatYear(d.getUTCFullYear());
  if (precision === 'year') return yearText;
  const month = MONTHS[d.getUTCMonth()]!;
  if (precision === 'month') return `${month} ${yearText}`;
  const day = d.getUTCDate();
  if (precision === 'day') return `${day} ${month} ${yearText}`;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (precisionRank(precision) >= precisionRank('second')) time += `:${pad(d.getUTCSeconds())}`;
  if (precision === 'millisecond') time += `.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${day} ${month} ${yearText}, ${time} ${zoneLabel(tz, new Date(ms))}`;
}

/**
 * The label of an axis tick (`calendarTicks`): the year, month or day that begins there on the zone's wall clock, or
 * its time there. (A calendar date given to `formatInstant` is read as written, in no zone: a day that begins at
 * 18:30 UTC in Kolkata would be named by its UTC date.)
 */
export function formatTick(
  at: number,
  precision: 'year' | 'month' | 'day' | 'minute',
  tz: TimeZoneChoice,
): string {
  return precision === 'minute' || !isDrawable(at)
    ? formatInstant(at, precision, tz)
    : formatInstant(wallAt(tz, at), precision, 'utc');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function zoneLabel(tz: TimeZoneChoice, d: Date): string {
  if (tz === 'utc') return 'UTC';
  const zone = zoneOf(tz);
  const parts = formatter(`z|${zone}`, { timeZone: zone, timeZoneName: 'short' }).formatToParts(d);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** An event's date as an analyst reads it: "Dec 2023", "c. 2023", "3 – 5 Jan 2012", "21 Dec 2023, 14:05 UTC". */
export function formatEventDate(event: TimelineEvent, tz: TimeZoneChoice): string {
  const prefix = event.approximate ? 'c. ' : '';
  const start = formatInstant(event.start, event.precision, tz, event.offsetMinutes);
  if (!event.hasEnd) return prefix + start;
  // The end is exclusive; show the last instant it still covers at the same precision.
  const end = formatInstant(lastInstant(event), event.precision, tz, event.offsetMinutes);
  return end === start ? prefix + start : `${prefix}${start} – ${end}`;
}

function lastInstant(event: TimelineEvent): number {
  const coarse = precisionRank(event.precision) <= precisionRank('day');
  return coarse ? event.end - 1 : event.end;
}

/**
 * How an event's date is known, in words, beside the date in its details: its precision, whether it is
 * approximate, and what the source wrote ("known to the day, approximate; written “2017-04-14” to “2017-04-21”").
 */
export function dateKnowledge(
  e: Pick<TimelineEvent, 'precision' | 'approximate' | 'startText' | 'endText'>,
): string {
  return `known ${describePrecision(e.precision)}${e.approximate ? ', approximate' : ''}; written “${e.startText}”${e.endText ? ` to “${e.endText}”` : ''}`;
}

/** Human name of a precision for labels ("known to the month"). */
export function describePrecision(p: Precision): string {
  return p === 'millisecond' ? 'to the millisecond' : `to the ${p}`;
}
