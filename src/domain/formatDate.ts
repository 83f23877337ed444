import { isDrawable, precisionRank, yearOf } from './dates';
import type { Precision, TimelineEvent } from './types';

/** How dates read: UTC, the browser's zone, or an IANA zone name. */
export type TimeZoneChoice = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

let localZone: string | undefined;

/** The browser's own IANA zone, asked for once (each ask builds an ICU date format). */
export function browserZone(): string {
  return (localZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The Intl timeZone option for a choice ('local' → the browser's). */
export function intlZone(tz: TimeZoneChoice): string | undefined {
  if (tz === 'utc') return 'UTC';
  if (tz === 'local') return undefined;
  return tz;
}

/** True when the runtime knows this IANA zone. */
export function isValidTimeZone(tz: string): boolean {
  if (tz === 'utc' || tz === 'local') return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function formatYear(year: number): string {
  if (year >= 1) return String(year);
  const bce = 1 - year;
  if (bce >= 100_000) {
    return `${new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }).format(bce)} BCE`;
  }
  return `${bce} BCE`;
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
  const coarse = precisionRank(precision) <= precisionRank('day');
  const zone = coarse ? 'UTC' : intlZone(tz);
  const at = coarse ? ms + (writtenOffsetMinutes ?? 0) * 60_000 : ms;
  const d = new Date(at);
  const year = coarse
    ? d.getUTCFullYear()
    : Number(formatter(`y|${zone}`, { timeZone: zone, year: 'numeric' }).format(d));
  const yearText = formatYear(year);
  if (precision === 'year') return yearText;
  const month = formatter(`m|${zone}`, { timeZone: zone, month: 'short' }).format(d);
  if (precision === 'month') return `${month} ${yearText}`;
  const day = formatter(`d|${zone}`, { timeZone: zone, day: 'numeric' }).format(d);
  if (precision === 'day') return `${day} ${month} ${yearText}`;
  const time = formatter(`t|${zone}|${precision}`, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(precisionRank(precision) >= precisionRank('second') ? { second: '2-digit' } : {}),
    ...(precision === 'millisecond' ? { fractionalSecondDigits: 3 } : {}),
  }).format(d);
  return `${day} ${month} ${yearText}, ${time} ${zoneLabel(tz, d)}`;
}

function zoneLabel(tz: TimeZoneChoice, d: Date): string {
  if (tz === 'utc') return 'UTC';
  const zone = intlZone(tz);
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

/** Human name of a precision for labels ("known to the month"). */
export function describePrecision(p: Precision): string {
  return p === 'millisecond' ? 'to the millisecond' : `to the ${p}`;
}

const offsetCache = new Map<string, number>();

/** UTC offset in minutes of a zone choice at an instant (for the timeline axis). */
export function zoneOffsetMinutes(tz: TimeZoneChoice, at: number): number {
  if (tz === 'utc') return 0;
  if (tz === 'local') return -new Date(at).getTimezoneOffset();
  const hour = Math.floor(at / 3_600_000);
  const key = `${tz}|${hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatter(`o|${tz}`, {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  const offset = Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}
