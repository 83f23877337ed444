import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import moment from 'moment';
import { timeStepClass } from '../../lib/vis';
import { axisFormat, floorAxisSteps, momentInZone } from './zonedMoment';
import { zoneFields } from '../../test/zoneFields';

/** vis-timeline's own axis iterator (not in its type declarations). */
interface TimeStep {
  scale: string;
  step: number;
  setMoment(m: unknown): void;
  setFormat(f: unknown): void;
  start(): void;
  hasNext(): boolean;
  next(): void;
  getCurrent(): { valueOf(): number };
  getLabelMinor(): string;
  getLabelMajor(): string;
}
const TimeStepClass = timeStepClass as unknown as new (...a: unknown[]) => TimeStep;
floorAxisSteps(TimeStepClass as never);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const yearText = (y: number) => (y >= 1 ? String(y) : `${1 - y} BCE`);

/** How many leading calendar fields a scale's tick starts (year 1, month 2, day 3, hour 4). */
const DEPTH: Record<string, number> = { year: 1, month: 2, day: 3, weekday: 3, hour: 4 };

const ZONES = [
  'Europe/Kyiv',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Apia',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Tehran',
  'Europe/London',
];
const H = 3_600_000;
const STEPS = [H, 4 * H, 20 * H, 40 * H, 29 * 24 * H, 89 * 24 * H, 359 * 24 * H, 4 * 365 * 24 * H];

/** Walks vis-timeline's axis over a range in a zone: each tick with its minor label, and the scale chosen. */
function ticks(tz: string, start: number, minimumStep: number) {
  const step = new TimeStepClass(
    new Date(start),
    new Date(start + minimumStep * 12),
    minimumStep,
    [],
    {},
  );
  step.setMoment(momentInZone(moment, tz));
  step.setFormat(axisFormat(tz));
  step.start();
  const out: { at: number; minor: string }[] = [];
  while (step.hasNext() && out.length < 200) {
    out.push({ at: step.getCurrent().valueOf(), minor: step.getLabelMinor() });
    step.next();
  }
  return { scale: step.scale, out };
}

describe("vis-timeline's axis in a zone", () => {
  it('puts each tick at the start of its local calendar unit, and labels it with that unit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // 1700-2100: local mean time, the introduction of standard time, DST in every era.
        fc.integer({ min: -8_520_000_000_000, max: 4_100_000_000_000 }),
        fc.constantFrom(...STEPS),
        (tz, start, minimumStep) => {
          const { scale, out } = ticks(tz, start, minimumStep);
          const depth = DEPTH[scale];
          if (depth === undefined) throw new Error(`unexpected scale ${scale}`);
          for (const { at, minor } of out) {
            const now = zoneFields(tz, at);
            const before = zoneFields(tz, at - 1);
            // An hour tick is on the hour, or at the first instant after the clocks skipped part of an hour.
            if (depth === 4 && now[3] === before[3]) expect(now.slice(4)).toEqual([0, 0]);
            else
              expect(now.slice(0, depth).join(), `tick ${new Date(at).toISOString()}`).not.toBe(
                before.slice(0, depth).join(),
              );
            const [y, m, d, h] = now as [number, number, number, number];
            const expected =
              scale === 'year'
                ? yearText(y)
                : scale === 'month'
                  ? MONTHS[m - 1]
                  : scale === 'day'
                    ? String(d)
                    : scale === 'hour'
                      ? `${String(h).padStart(2, '0')}:${String(now[4]).padStart(2, '0')}`
                      : minor;
            expect(minor).toBe(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['Europe/Kyiv', '2013-10-01T00:00Z', 30 * 24 * H, 'Jan', '2013-12-31T22:00:00.000Z'],
    ['America/New_York', '2013-10-01T00:00Z', 30 * 24 * H, 'Jan', '2014-01-01T05:00:00.000Z'],
    ['Europe/Kyiv', '2010-06-01T00:00Z', 300 * 24 * H, '2014', '2013-12-31T22:00:00.000Z'],
    ['Asia/Kolkata', '2013-10-01T00:00Z', 30 * 24 * H, 'Jan', '2013-12-31T18:30:00.000Z'],
  ])(
    '%s from %s, minimum step %i ms: the tick labelled %s is at %s',
    (tz, from, minimumStep, label, at) => {
      const { out } = ticks(tz, Date.parse(from), minimumStep);
      const tick = out.find((t) => t.minor === label);
      expect(tick && new Date(tick.at).toISOString()).toBe(at);
    },
  );

  it('leaves moments made without a zone alone', () => {
    momentInZone(moment, 'Europe/Kyiv');
    const plain = moment.utc('2014-01-01T00:00:00Z').add(1, 'month');
    expect(plain.toISOString()).toBe('2014-02-01T00:00:00.000Z');
  });
});
