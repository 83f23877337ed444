import { isDrawable, MS_PER_YEAR, precisionRank, utcMs, yearOf } from './dates';
import type { Precision } from './types';

/**
 * Time in a zone: the one place that turns instants into a zone's wall clock and back. The timeline's axis
 * (ticks and labels), the drawn position of every event, the window written into links and every date shown come
 * from here. Only Intl is used, so any IANA zone the browser knows works, with its whole history (DST, changed
 * offsets, local mean time before standard time) and for dates before 1970 and BCE (proleptic Gregorian).
 *
 * A "wall" value is a zone's wall-clock reading written as the epoch ms of the same reading in UTC: its
 * getUTC*() fields are the local year, month, day and time.
 */

/** How dates read: 'utc', 'local' (the browser's zone) or an IANA zone name. */
export type TimeZoneChoice = string;

let browser: string | undefined;

/** The browser's own IANA zone, asked for once (each ask builds an ICU date format). */
export function browserZone(): string {
  return (browser ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The IANA zone a choice reads in: 'utc' → UTC, 'local' → the browser's zone. */
export function zoneOf(tz: TimeZoneChoice): string {
  if (tz === 'utc') return 'UTC';
  if (tz === 'local') return browserZone();
  return tz;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The zone's wall clock at a whole second, asked of Intl. */
function intlWall(zone: string, second: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  let bc = false;
  for (const p of partsFormatter(zone).formatToParts(new Date(second))) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        sec = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  return utcMs(bc ? 1 - year : year, month - 1, day, hour, minute, sec);
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const offsetCache = new Map<string, number>();

/**
 * The zone's offset from UTC at an instant, in ms (whole seconds: local mean time before standard time had
 * offsets such as +2:02:04). Cached per hour only when the offset is the same at both ends of that hour, so an
 * instant in an hour holding a change is always asked of Intl.
 */
export function offsetAt(tz: TimeZoneChoice, instant: number): number {
  const zone = zoneOf(tz);
  if (zone === 'UTC' || !isDrawable(instant)) return 0;
  const hour = Math.floor(instant / HOUR);
  const key = `${zone}|${hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const exact = (t: number) => {
    const second = Math.floor(t / 1000) * 1000;
    return intlWall(zone, second) - second;
  };
  const first = exact(hour * HOUR);
  const last = exact(hour * HOUR + HOUR - 1000);
  if (first === last) {
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, first);
    return first;
  }
  return exact(instant);
}

/** The zone's wall clock at an instant (see the module comment). */
export function wallAt(tz: TimeZoneChoice, instant: number): number {
  return instant + offsetAt(tz, instant);
}

/**
 * The instant at which the zone's clock reads `wall`. A reading that happens twice (clocks set back) is its
 * first instant; a reading the clocks skipped (set forward) is the first instant after the skip, when the clocks
 * changed. So the start of a day, month or year is always its first instant, even when its midnight was skipped.
 */
export function instantAt(tz: TimeZoneChoice, wall: number): number {
  const zone = zoneOf(tz);
  if (zone === 'UTC' || !isDrawable(wall)) return wall;
  const before = offsetAt(zone, wall - DAY);
  const candidates = new Set([
    before,
    offsetAt(zone, wall - offsetAt(zone, wall)),
    offsetAt(zone, wall + DAY),
  ]);
  let best: number | undefined;
  for (const o of candidates) {
    const t = wall - o;
    if (offsetAt(zone, t) === o && (best === undefined || t < best)) best = t;
  }
  return best ?? changeAfter(zone, wall - offsetAt(zone, wall + DAY), wall - before);
}

/** The first whole second in (from, to] whose offset differs from the offset at `from` (the clocks' change). */
function changeAfter(zone: string, from: number, to: number): number {
  const was = offsetAt(zone, from);
  let lo = Math.floor(from / 1000);
  let hi = Math.ceil(to / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid * 1000) === was) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

/** Calendar and clock units, coarsest first. */
export type TimeUnit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** The start of a wall reading's unit, as a wall reading (years and months on the proleptic Gregorian calendar). */
export function wallFloor(wall: number, unit: TimeUnit, step = 1): number {
  const d = new Date(wall);
  const y = d.getUTCFullYear();
  switch (unit) {
    case 'year':
      return utcMs(y - (((y % step) + step) % step));
    case 'month': {
      const m = d.getUTCMonth();
      return utcMs(y, m - (m % step));
    }
    case 'day':
      return utcMs(y, d.getUTCMonth(), d.getUTCDate());
    case 'hour':
      return Math.floor(wall / HOUR) * HOUR;
    case 'minute':
      return Math.floor(wall / 60_000) * 60_000;
    case 'second':
      return Math.floor(wall / 1000) * 1000;
  }
}

/** A wall reading `n` calendar units later (months keep the day where it exists, else the month's last day). */
export function wallAdd(wall: number, unit: TimeUnit, n: number): number {
  const d = new Date(wall);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const rest = wall - utcMs(y, m, day);
  switch (unit) {
    case 'year':
    case 'month': {
      const months = unit === 'year' ? 12 * n : n;
      const last = new Date(utcMs(y, m + months + 1, 0)).getUTCDate();
      return utcMs(y, m + months, Math.min(day, last)) + rest;
    }
    case 'day':
      return utcMs(y, m, day + n) + rest;
    case 'hour':
      return wall + n * HOUR;
    case 'minute':
      return wall + n * 60_000;
    case 'second':
      return wall + n * 1000;
  }
}

/** The first instant of the zone's calendar unit holding `instant` (its local day, month, year…). */
export function startOfUnit(tz: TimeZoneChoice, instant: number, unit: TimeUnit): number {
  return instantAt(tz, wallFloor(wallAt(tz, instant), unit));
}

/** The first instant of the next calendar unit after the one holding `instant`. */
export function startOfNextUnit(tz: TimeZoneChoice, instant: number, unit: TimeUnit): number {
  return instantAt(tz, wallAdd(wallFloor(wallAt(tz, instant), unit), unit, 1));
}

/** One tick of a calendar axis: the instant a unit starts on the zone's wall clock, and how finely to name it. */
export interface CalendarTick {
  at: number;
  precision: 'year' | 'month' | 'day' | 'minute';
}

/** The axis steps, coarsest first: a unit and how many of it (from one step to the next at most three times finer). */
const TICK_STEPS: readonly { unit: TimeUnit; step: number }[] = [
  ...[
    200_000, 100_000, 50_000, 20_000, 10_000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
  ].map((step) => ({ unit: 'year' as const, step })),
  ...[6, 3, 2, 1].map((step) => ({ unit: 'month' as const, step })),
  ...[10, 5, 2, 1].map((step) => ({ unit: 'day' as const, step })),
  ...[12, 6, 3, 1].map((step) => ({ unit: 'hour' as const, step })),
  ...[30, 15, 5, 1].map((step) => ({ unit: 'minute' as const, step })),
];

/** The ticks of one step over a range, stopping once there are more than `max`. */
function ticksOf(
  range: { start: number; end: number },
  tz: TimeZoneChoice,
  { unit, step }: (typeof TICK_STEPS)[number],
  max: number,
): number[] {
  const first = wallAt(tz, range.start);
  // Years and months counted as numbers (a step's start may lie before the calendar's first day, where no Date
  // reads it); days, hours and minutes from whole multiples since the epoch on the wall clock.
  // (A zone's wall reading of the calendar's first instants may lie before them: its year is counted too.)
  let year = yearOf(first);
  let month = unit === 'month' && isDrawable(first) ? new Date(first).getUTCMonth() : 0;
  if (unit === 'year') year -= ((year % step) + step) % step;
  else month -= month % step;
  const fixed = unit === 'day' ? DAY : unit === 'hour' ? HOUR : unit === 'minute' ? 60_000 : 0;
  let wall = fixed > 0 ? Math.floor(first / (step * fixed)) * step * fixed : utcMs(year, month);
  const out: number[] = [];
  // (A wall reading that is not a number, from a zone the engine cannot read, ends the ticks.)
  while (out.length <= max && !Number.isNaN(wall)) {
    // (Within two days of the calendar's ends a zone's offsets cannot be read: no tick is put there.)
    if (isDrawable(wall - 2 * DAY) && isDrawable(wall + 2 * DAY)) {
      const at = instantAt(tz, wall);
      if (at > range.end) break;
      if (at >= range.start && (out.length === 0 || at > out[out.length - 1]!)) out.push(at);
    } else if (wall > range.end) break;
    if (fixed > 0) wall += step * fixed;
    else if (unit === 'year') wall = utcMs((year += step), 0);
    else wall = utcMs(year, (month += step));
  }
  return out;
}

/**
 * Ticks for a time axis over `range`: the starts of whole calendar units on the zone's wall clock (years, months,
 * days, hours, minutes), the finest step that gives at most `max` of them (clock times, longer to write, at most
 * four), each where that instant lies. An axis labelled at even fractions of its range instead names the year a
 * point falls in, which reads as the year's start: "2022" under the bars of late 2021. Empty where the range is not
 * on the drawable calendar; none within two days of its ends.
 */
export function calendarTicks(
  range: { start: number; end: number },
  tz: TimeZoneChoice,
  max = 6,
): CalendarTick[] {
  if (!(range.end > range.start) || !isDrawable(range.start) || !isDrawable(range.end)) return [];
  for (let k = TICK_STEPS.length - 1; k >= 0; k--) {
    const s = TICK_STEPS[k]!;
    const clock = s.unit === 'hour' || s.unit === 'minute';
    const limit = clock ? Math.min(max, 4) : max;
    const ticks = ticksOf(range, tz, s, limit);
    if (ticks.length <= limit) {
      const precision = clock ? 'minute' : s.unit === 'day' ? 'day' : s.unit;
      return ticks.map((at) => ({ at, precision: precision as CalendarTick['precision'] }));
    }
  }
  return [];
}

/** What the drawing of an event needs to know of it. */
export interface DatedSpan {
  start: number;
  end: number;
  precision: Precision;
  /** The UTC offset written with the date, in minutes (undefined: none written). */
  offsetMinutes?: number;
}

/** True when the span is a floating calendar date: a day, month or year, the same calendar unit in every zone. */
export function isFloating(span: Pick<DatedSpan, 'precision'>): boolean {
  return precisionRank(span.precision) <= precisionRank('day');
}

/**
 * The calendar reading of a floating date's bound: the wall clock it was written on (its own offset, else as
 * written), as a wall value.
 */
export function writtenWall(ms: number, offsetMinutes: number | undefined): number {
  return ms + (offsetMinutes ?? 0) * 60_000;
}

/**
 * Where an event is drawn in a zone. A date written without a time (a day, month or year) is a floating calendar
 * unit: it is drawn from the zone's first instant of that day (month, year) to the first instant after it, so
 * "21 December" covers 21 December on the axis in Kyiv, New York and Apia alike. Exact times are instants.
 */
export function drawnSpan(span: DatedSpan, tz: TimeZoneChoice): { start: number; end: number } {
  if (!isFloating(span) || !isDrawable(span.start) || !isDrawable(span.end))
    return { start: span.start, end: span.end };
  return {
    start: instantAt(tz, writtenWall(span.start, span.offsetMinutes)),
    end: instantAt(tz, writtenWall(span.end, span.offsetMinutes)),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A calendar year as an analyst reads it: 2023, 44 BCE (year 0 is 1 BCE), 13.8 billion BCE. */
export function formatYear(year: number): string {
  if (year >= 1) return String(year);
  const bce = 1 - year;
  if (bce >= 100_000) {
    return `${new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }).format(bce)} BCE`;
  }
  return `${bce} BCE`;
}

/** The calendar year of an instant far outside the Date range (a mean Gregorian year's resolution). */
export function deepYear(ms: number): number {
  return Math.floor(1970 + ms / MS_PER_YEAR);
}

/** The scales vis-timeline's axis steps in. */
export type AxisScale =
  'millisecond' | 'second' | 'minute' | 'hour' | 'weekday' | 'day' | 'week' | 'month' | 'year';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The text of an axis label at a tick, read on the zone's wall clock: a minor label names the unit that starts at
 * the tick ("Jan", "21", "14:00", "2014", "44 BCE"), a major label the larger unit around it ("January 2014").
 */
export function axisLabel(
  instant: number,
  scale: AxisScale,
  kind: 'minor' | 'major',
  tz: TimeZoneChoice,
): string {
  if (!isDrawable(instant)) return formatYear(deepYear(instant));
  const d = new Date(wallAt(tz, instant));
  const year = formatYear(d.getUTCFullYear());
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (kind === 'minor') {
    switch (scale) {
      case 'millisecond':
        return pad(d.getUTCMilliseconds(), 3);
      case 'second':
        return String(d.getUTCSeconds());
      case 'minute':
      case 'hour':
        return hm;
      case 'weekday':
        return `${WEEKDAYS[d.getUTCDay()]} ${day}`;
      case 'day':
      case 'week':
        return String(day);
      case 'month':
        return MONTHS[month]!;
      case 'year':
        return year;
    }
  }
  switch (scale) {
    case 'millisecond':
      return `${hm}:${pad(d.getUTCSeconds())}`;
    case 'second':
      return `${day} ${MONTHS_LONG[month]} ${hm}`;
    case 'minute':
    case 'hour':
      return `${WEEKDAYS[d.getUTCDay()]} ${day} ${MONTHS_LONG[month]}`;
    case 'weekday':
    case 'day':
    case 'week':
      return `${MONTHS_LONG[month]} ${year}`;
    case 'month':
      return year;
    case 'year':
      return '';
  }
}

/**
 * An instant as a link writes it: UTC, always with its time of day, to the millisecond when it has one
 * (`2014-06-01T00:00Z`, `2023-12-21T14:05:09.120Z`). A date without a time would read as a calendar day; a
 * window's ends are instants. Its parse gives back exactly `ms`.
 */
export function formatLinkInstant(ms: number): string {
  if (!isDrawable(ms)) {
    const year = Math.round(1970 + ms / MS_PER_YEAR);
    return (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0');
  }
  return new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/:00Z$/, 'Z');
}

/**
 * Zones IANA renamed whose old names browsers still report (ICU keeps the names CLDR first used): old name →
 * current name. Links with the old name keep working; the app shows and writes the current one.
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/**
 * A name from the runtime's own zone list (`Intl.supportedValuesOf('timeZone')`) as the app writes it: 'utc' for
 * UTC, the current name for a renamed zone, else as given. No Intl call: names from that list are known to the
 * runtime, and resolving four hundred of them one by one blocks the page for over 100 ms.
 */
export function listedZoneName(name: string): string {
  if (/^(etc\/)?(utc|uct|zulu|gmt)$/i.test(name)) return 'utc';
  return RENAMED_ZONES[name] ?? name;
}

/**
 * A zone choice as the app keeps it, or undefined when the runtime does not know the zone: 'utc' and 'local'
 * as they are, any spelling of UTC as 'utc', an IANA name in its current form and case (`europe/kiev` →
 * `Europe/Kyiv`).
 */
export function canonicalZone(tz: string): string | undefined {
  if (tz === 'utc' || tz === 'local') return tz;
  if (/^(etc\/)?(utc|uct|zulu|gmt)$/i.test(tz)) return 'utc';
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  // Engines that keep the name as given (only its case fixed) still know the old spelling of a renamed zone.
  const renamed = Object.entries(RENAMED_ZONES).find(
    ([old, now]) =>
      old.toLowerCase() === resolved.toLowerCase() || now.toLowerCase() === resolved.toLowerCase(),
  );
  if (renamed) return renamed[1];
  return resolved === 'UTC' || resolved === 'Etc/UTC' ? 'utc' : resolved;
}
