import type { moment as Moment } from '../../lib/vis';
import { axisLabel, instantAt, offsetAt, zoneOf, type AxisScale } from '../../domain/time';

/** The fields of a moment its offset lives in (moment's own, unchanged since 2.0; moment-timezone uses them too). */
interface MomentInternals {
  _d: Date;
  _isUTC: boolean;
  _offset: number;
  /** The IANA zone this moment reads in; only moments made by momentInZone have one. */
  _csZone?: string;
  isValid(): boolean;
  valueOf(): number;
}

type MomentStatic = typeof Moment & {
  momentProperties: string[];
  updateOffset(m: Moment.Moment, keepTime?: boolean): void;
  fn: Record<string, (this: MomentInternals, ...a: unknown[]) => unknown>;
};

/** moment's setters that keep the instant rather than the wall clock, with the Date setter they use. */
const CLOCK_SETTERS = {
  minute: 'setUTCMinutes',
  minutes: 'setUTCMinutes',
  second: 'setUTCSeconds',
  seconds: 'setUTCSeconds',
  millisecond: 'setUTCMilliseconds',
  milliseconds: 'setUTCMilliseconds',
} as const;

const installed = new WeakSet<object>();

/**
 * Teaches moment the zones, as moment-timezone does, through moment's `updateOffset` hook, which it calls
 * whenever a moment changes: a moment that reads in a zone gets that zone's offset for the instant it now holds
 * (from domain/time.ts), not the offset it was made with. vis-timeline's axis steps with moment
 * (startOf, year(), month(0), date(1), add(1, 'month')…); with a fixed offset a step across a DST change or into
 * another year kept the old offset, and the tick of 1 January in Kyiv read "Dec". When a setter changed the wall
 * clock (a calendar field, or adding days or months), the reading is kept and its instant found in the zone;
 * otherwise the instant is kept and its reading follows.
 */
function install(moment: MomentStatic): void {
  if (installed.has(moment)) return;
  installed.add(moment);
  // Clones and moments made from moments keep the zone.
  if (!moment.momentProperties.includes('_csZone')) moment.momentProperties.push('_csZone');
  const previous = moment.updateOffset;
  moment.updateOffset = (mom, keepTime) => {
    const m = mom as unknown as MomentInternals;
    if (m._csZone === undefined) return previous(mom, keepTime);
    if (!m.isValid()) return;
    const instant =
      keepTime && m._isUTC ? instantAt(m._csZone, m._d.getTime()) : Math.round(m.valueOf());
    const offset = offsetAt(m._csZone, instant);
    m._isUTC = true;
    m._offset = offset / 60_000;
    m._d.setTime(instant + offset);
  };
  // minutes(0), seconds(0) and milliseconds(0) keep the instant in moment, so a clock set into skipped minutes
  // (a change of local mean time at 00:00 LMT) drifted; for zoned moments they set the reading, like hours(0).
  for (const [name, setter] of Object.entries(CLOCK_SETTERS)) {
    const own = moment.fn[name]!;
    moment.fn[name] = function (this: MomentInternals, ...args: unknown[]) {
      const value = args[0];
      if (this._csZone === undefined || value == null || !this._isUTC || !this.isValid())
        return own.apply(this, args);
      this._d[setter](Number(value));
      moment.updateOffset(this as unknown as Moment.Moment, true);
      return this;
    };
  }
}

/** A moment factory whose moments read, and step, in the chosen zone ('utc', 'local' or an IANA name). */
export function momentInZone(moment: typeof Moment, tz: string): typeof Moment {
  const statics = moment as MomentStatic;
  install(statics);
  const zone = zoneOf(tz);
  return ((date?: Moment.MomentInput) => {
    const m = moment(date);
    (m as unknown as MomentInternals)._csZone = zone;
    statics.updateOffset(m, false);
    return m;
  }) as typeof Moment;
}

/** vis-timeline's axis iterator, as far as the bridge touches it. */
export interface TimeStepClass {
  prototype: {
    roundToMinor?: () => void;
    next?: () => void;
  };
}

interface TimeStepInternals {
  scale: string;
  current: Moment.Moment & { _csZone?: string };
}

const FLOOR_UNIT: Record<string, Moment.unitOfTime.StartOf> = {
  year: 'year',
  month: 'month',
  day: 'day',
  weekday: 'day',
  hour: 'hour',
};

const stepped = new WeakSet<object>();

/**
 * Makes every tick of a zoned axis the start of its calendar unit. vis-timeline steps by adding a month (a year, a
 * day) to the previous tick; when a unit's first instant is not at its midnight (Kolkata's clocks skipped
 * 00:00-01:00 on 1 September 1942), every later tick kept that 01:00. After each step the tick is floored to its
 * unit in the zone. Patches TimeStep's prototype once; ticks of moments without a zone are left as vis makes them,
 * and where the methods are missing it changes nothing.
 */
export function floorAxisSteps(timeStep: TimeStepClass | undefined): void {
  const proto = timeStep?.prototype;
  if (!proto || stepped.has(proto)) return;
  const { roundToMinor, next } = proto;
  if (typeof roundToMinor !== 'function' || typeof next !== 'function') return;
  stepped.add(proto);
  // A floor that would not move past the previous tick (the second 01:00 of a night the clocks went back) is
  // left undone: vis would otherwise step onto the same tick again.
  const floor = (step: TimeStepInternals, after: number) => {
    const unit = FLOOR_UNIT[step.scale];
    if (!unit || step.current?._csZone === undefined) return;
    const floored = step.current.clone().startOf(unit);
    if (floored.valueOf() > after) step.current = floored;
  };
  proto.roundToMinor = function (this: TimeStepInternals) {
    roundToMinor.call(this);
    floor(this, -Infinity);
  };
  proto.next = function (this: TimeStepInternals) {
    const prev = this.current.valueOf();
    next.call(this);
    floor(this, prev);
  };
}

/** vis-timeline's axis label format: every label read from domain/time.ts in the chosen zone. */
export function axisFormat(tz: string) {
  const label = (kind: 'minor' | 'major') => (date: { valueOf(): number }, scale: string) =>
    axisLabel(Math.round(date.valueOf()), scale as AxisScale, kind, tz);
  return { minorLabels: label('minor'), majorLabels: label('major') };
}
