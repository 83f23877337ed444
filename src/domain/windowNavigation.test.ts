import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { normaliseDocument } from './normalise';
import {
  matchesInWindow,
  stepFromWindow,
  summariseWindow,
  type TimeWindow,
} from './windowNavigation';

const index = buildIndex(
  normaliseDocument({
    events: [
      { id: 'y2014', title: 'first', start: '2014-03-01' },
      { id: 'y2020', title: 'second', start: '2020-05-05' },
      { id: 'jun1', title: 'June one', start: '2022-06-03' },
      { id: 'jun2', title: 'June two', start: '2022-06-20' },
      { id: 'y2023', title: 'later', start: '2023-01-10' },
    ],
  }),
);
const pos = (id: string) => index.byId.get(id)!;
const id = (p: number | undefined) => (p === undefined ? undefined : index.events.at(p)!.id);
const win = (a: string, b: string): TimeWindow => ({ start: Date.parse(a), end: Date.parse(b) });
const june = win('2022-06-01T00:00:00Z', '2022-07-01T00:00:00Z');

describe('stepFromWindow', () => {
  it.each([
    ['j from June 2022 takes the first June event, not 2014', undefined, june, 1, 'jun1'],
    ['k from June 2022 takes the last June event', undefined, june, -1, 'jun2'],
    ['j from a selection in view steps from it', 'jun1', june, 1, 'jun2'],
    ['k from a selection in view steps back from it', 'jun1', june, -1, 'y2020'],
    ['a selection out of view is ignored', 'y2014', june, 1, 'jun1'],
    ['j wraps to the first event past the last start', undefined, win('2024', '2025'), 1, 'y2014'],
    [
      'k wraps to the last event before the first start',
      undefined,
      win('2000', '2001'),
      -1,
      'y2023',
    ],
    [
      'j in an empty window takes the next event after it',
      undefined,
      win('2021', '2022'),
      1,
      'jun1',
    ],
    [
      'k in an empty window takes the last event before it',
      undefined,
      win('2021', '2022'),
      -1,
      'y2020',
    ],
    ['without a window, j starts at the first event', undefined, undefined, 1, 'y2014'],
    ['without a window, k starts at the last event', undefined, undefined, -1, 'y2023'],
    ['the last selected event wraps to the first', 'y2023', win('2023', '2024'), 1, 'y2014'],
  ] as const)('%s', (_name, sel, w, dir, expected) => {
    const selected = sel === undefined ? undefined : pos(sel);
    expect(id(stepFromWindow(index, index.all, selected, w, dir))).toBe(expected);
  });

  it('walks only the matches', () => {
    const m = Bitset.of(index.size, [pos('y2014'), pos('jun2')]);
    expect(id(stepFromWindow(index, m, undefined, june, 1))).toBe('jun2');
    expect(id(stepFromWindow(index, m, pos('jun2'), june, 1))).toBe('y2014');
  });

  it('is undefined when nothing matches', () =>
    expect(stepFromWindow(index, new Bitset(index.size), undefined, june, 1)).toBeUndefined());
});

describe('summariseWindow', () => {
  it('counts the matches before, in and after the window', () => {
    expect(summariseWindow(index, index.all, index.size, june)).toEqual({
      inView: 2,
      before: 2,
      after: 1,
    });
  });

  it.each([
    ['2021-01-01', '2021-02-01', 'y2020'],
    ['2022-03-01', '2022-04-01', 'jun1'],
    ['2030-01-01', '2031-01-01', 'y2023'],
    ['1990-01-01', '1991-01-01', 'y2014'],
  ])('an empty window %s..%s points to the nearest match, %s', (a, b, nearest) => {
    const s = summariseWindow(index, index.all, index.size, win(a, b));
    expect(s.inView).toBe(0);
    expect(s.before + s.after).toBe(index.size);
    expect(id(s.nearest)).toBe(nearest);
  });
});

describe('window queries agree with the plain rule (property)', () => {
  const day = 86_400_000;
  const arbEvents = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 })),
    { minLength: 1, maxLength: 60 },
  );
  it('in view, before, after, nearest and j/k', () => {
    fc.assert(
      fc.property(
        arbEvents,
        fc.integer({ min: -20, max: 620 }),
        fc.integer({ min: 1, max: 120 }),
        fc.func(fc.boolean()),
        (spans, a, len, pick) => {
          const idx = buildIndex(
            normaliseDocument({
              events: spans.map(([s, d], i) => ({
                id: `e${i}`,
                title: `event ${i}`,
                start: new Date(Date.UTC(2020, 0, 1) + s * day).toISOString(),
                ...(d > 0
                  ? { end: new Date(Date.UTC(2020, 0, 1) + (s + d) * day).toISOString() }
                  : {}),
              })),
            }),
          );
          const matches = new Bitset(idx.size);
          for (let i = 0; i < idx.size; i++) if (pick(i)) matches.add(i);
          const w = {
            start: Date.UTC(2020, 0, 1) + a * day,
            end: Date.UTC(2020, 0, 1) + (a + len) * day,
          };
          const all = matches.toArray();
          const overlaps = (i: number) => idx.starts[i]! < w.end && idx.ends[i]! > w.start;
          const inView = Array.from(all).filter(overlaps);
          const before = Array.from(all).filter((i) => idx.ends[i]! <= w.start);
          const after = Array.from(all).filter((i) => idx.starts[i]! >= w.end);
          expect(Array.from(matchesInWindow(idx, matches, w).toArray())).toEqual(inView);
          const s = summariseWindow(idx, matches, all.length, w);
          expect([s.inView, s.before, s.after]).toEqual([
            inView.length,
            before.length,
            after.length,
          ]);
          if (inView.length === 0 && all.length > 0) {
            const next = after[0];
            const prev = before.length > 0 ? Math.max(...before) : undefined;
            const gapAfter = next === undefined ? Infinity : idx.starts[next]! - w.end;
            const gapBefore = prev === undefined ? Infinity : w.start - idx.ends[prev]!;
            expect(s.nearest).toBe(gapAfter <= gapBefore ? next : prev);
          }
          const j = stepFromWindow(idx, matches, undefined, w, 1);
          const firstFrom = Array.from(all).find((i) => idx.starts[i]! >= w.start) ?? all[0];
          expect(j).toBe(firstFrom);
          const k = stepFromWindow(idx, matches, undefined, w, -1);
          const lastBefore =
            Array.from(all)
              .reverse()
              .find((i) => idx.starts[i]! < w.end) ?? all[all.length - 1];
          expect(k).toBe(lastBefore);
        },
      ),
    );
  });
});
