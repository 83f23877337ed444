import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { planLanes } from './lanes';
import { DEFAULT_LOD, eventShape, planItems, type BucketItem } from './levelOfDetail';
import { normaliseDocument } from './normalise';

const D = (s: string) => Date.parse(s);

function dataset(n: number, actorsOf: (i: number) => string[] = () => []) {
  const events = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    title: `Event ${i}`,
    start: new Date(D('2024-01-01T00:00:00Z') + i * 3_600_000).toISOString(),
    actors: actorsOf(i),
  }));
  return buildIndex(normaliseDocument({ events }));
}

describe('eventShape', () => {
  const doc = normaliseDocument({
    events: [
      { id: 'p', title: 'p', start: '2023-12-21' },
      { id: 'r', title: 'r', start: '2023-12-21', end: '2023-12-24' },
      { id: 'm', title: 'm', start: '2023-12' },
      { id: 'y', title: 'y', start: '2023', end: '2024' },
      { id: 'c', title: 'c', start: '2023-12-21T10:00Z', approximate: true },
    ],
  });
  it.each([
    ['p', 'point'],
    ['r', 'range'],
    ['m', 'uncertain'],
    ['y', 'uncertain'],
    ['c', 'uncertain'],
  ])('%s is a %s', (id, shape) =>
    expect(eventShape(doc.events.find((e) => e.id === id)!)).toBe(shape),
  );
});

describe('planItems: threshold between single items and buckets', () => {
  const opts = { maxVisibleItems: 50, widthPx: 1000, minBucketPx: 50 };
  const index = dataset(200);

  it('draws single items when the window holds no more than the threshold', () => {
    const w = { start: D('2024-01-01T00:00:00Z'), end: D('2024-01-01T00:00:00Z') + 50 * 3_600_000 };
    const plan = planItems(index, index.all, null, w, opts);
    expect(plan.mode).toBe('events');
    expect(plan.visibleCount).toBe(50);
    // half a window of margin on each side: 25 before is outside the data, 25 after are inside
    expect(plan.items).toHaveLength(75);
  });

  it('switches to buckets one event past the threshold', () => {
    const w = { start: D('2024-01-01T00:00:00Z'), end: D('2024-01-01T00:00:00Z') + 51 * 3_600_000 };
    const plan = planItems(index, index.all, null, w, opts);
    expect(plan.mode).toBe('buckets');
  });

  it('buckets count every matching event once per bucket, aligned to the unit', () => {
    const w = { start: D('2024-01-01T00:00:00Z'), end: D('2024-01-09T08:00:00Z') };
    const plan = planItems(index, index.all, null, w, opts);
    expect(plan.mode).toBe('buckets');
    expect(plan.unit?.label).toBe('12 hours');
    const buckets = plan.items as BucketItem[];
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(200);
    expect(buckets.map((b) => b.count)).toEqual([...Array<number>(16).fill(12), 8]);
    expect(buckets[0]!.start).toBe(D('2024-01-01T00:00:00Z'));
    expect(new Set(buckets.map((b) => b.density))).toEqual(new Set([5]));
  });

  it('counts a day-long event in its own bucket only, filtered or not (it ends where the next begins)', () => {
    // Forty single days, 1 January to 9 February: each ends at the midnight that starts the next.
    const days = buildIndex(
      normaliseDocument({
        events: Array.from({ length: 40 }, (_, i) => ({
          id: `d${i}`,
          title: `Day ${i}`,
          start: new Date(D('2024-01-01') + i * 86_400_000).toISOString().slice(0, 10),
        })),
      }),
    );
    const w = { start: D('2024-01-01'), end: D('2024-02-10') };
    const dayOpts = { maxVisibleItems: 8, widthPx: 2400, minBucketPx: 40 };
    const allButOne = days.all.clone().andNot(Bitset.of(days.size, [39]));
    for (const [matches, inView] of [
      [days.all, 40],
      [allButOne, 39],
    ] as const) {
      const plan = planItems(days, matches, null, w, dayOpts);
      expect(plan.mode).toBe('buckets');
      expect(plan.unit?.label).toBe('1 day');
      expect(plan.visibleCount).toBe(inView);
      expect((plan.items as BucketItem[]).every((b) => b.count === 1)).toBe(true);
      expect(plan.items).toHaveLength(inView);
    }
  });

  it('stays bounded whatever the dataset size', () => {
    const big = dataset(5000);
    const w = { start: D('2024-01-01T00:00:00Z'), end: D('2024-08-01T00:00:00Z') };
    const plan = planItems(big, big.all, null, w, opts);
    expect(plan.items.length).toBeLessThanOrEqual((3 * opts.widthPx) / opts.minBucketPx + 2);
  });
});

describe('lanes', () => {
  const actors = (i: number) =>
    i % 4 === 0 ? ['a', 'b'] : i % 4 === 1 ? ['a'] : i % 4 === 2 ? [`solo${i}`] : [];
  const index = dataset(40, actors);

  it('orders lanes by count, gathers the rest into "more", and keeps a "no actor" lane', () => {
    const plan = planLanes(index, index.all, 'actor', 2)!;
    expect(plan.lanes.map((l) => [l.label, l.count])).toEqual([
      ['a', 20],
      ['b', 10],
      ['10 more actors', 10],
      ['No actor', 10],
    ]);
  });

  it('puts a two-actor event in both lanes', () => {
    const plan = planLanes(index, index.all, 'actor', 2)!;
    const w = { start: D('2024-01-01T00:00:00Z'), end: D('2024-01-01T02:00:00Z') };
    const items = planItems(index, index.all, plan, w, {
      maxVisibleItems: 100,
      widthPx: 1000,
      minBucketPx: 50,
    }).items;
    const e0 = items.filter((it) => it.kind === 'event' && it.position === 0).map((it) => it.lane);
    expect(e0).toEqual(['actor:a', 'actor:b']);
  });

  it('no grouping means no lanes', () => {
    expect(planLanes(index, index.all, 'none')).toBeNull();
  });
});

describe('matchExtent', () => {
  it('spans the first start to the latest end of the matches', async () => {
    const { matchExtent } = await import('./levelOfDetail');
    const index = buildIndex(
      normaliseDocument({
        events: [
          { id: 'a', title: 'a', start: '2020-01-01' },
          { id: 'long', title: 'long', start: '2020-06-01', end: '2030-01-01' },
          { id: 'b', title: 'b', start: '2021-01-01' },
          { id: 'c', title: 'c', start: '2021-02-01' },
        ],
      }),
    );
    expect(matchExtent(index, index.all)).toEqual({
      start: D('2020-01-01T00:00:00Z'),
      end: D('2030-01-02T00:00:00Z'),
    });
    const { Bitset } = await import('./bitset');
    expect(matchExtent(index, Bitset.of(index.size, [index.byId.get('b')!]))).toEqual({
      start: D('2021-01-01T00:00:00Z'),
      end: D('2021-01-02T00:00:00Z'),
    });
    expect(matchExtent(index, new Bitset(index.size))).toBeUndefined();
  });
});

describe('planItems agrees with counting event by event (property)', () => {
  const HOUR = 3_600_000;
  const base = D('2024-01-01T00:00:00Z');
  const iso = (hours: number) => {
    const text = new Date(base + hours * HOUR).toISOString();
    return hours % 24 === 0 ? text.slice(0, 10) : text;
  };
  it('in-view count, mode and every bucket count, with and without lanes and filters', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Hours, and often whole days (written as dates: such an event ends at a midnight, as day-precision
            // data does), so that starts and ends fall on bucket boundaries.
            at: fc.oneof(
              fc.integer({ min: 0, max: 2000 }),
              fc.integer({ min: 0, max: 83 }).map((d) => d * 24),
            ),
            hours: fc.oneof(
              fc.constant(0),
              fc.integer({ min: 1, max: 30 }),
              fc.integer({ min: 100, max: 1500 }),
              fc.integer({ min: 1, max: 60 }).map((d) => d * 24),
            ),
            actors: fc.subarray(['a', 'b', 'c']),
            keep: fc.boolean(),
          }),
          { minLength: 1, maxLength: 120 },
        ),
        fc.integer({ min: -200, max: 2000 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        (rows, from, len, byActor, unfiltered, maxLanes) => {
          const index = buildIndex(
            normaliseDocument({
              entities: ['a', 'b', 'c'].map((id) => ({ id, name: id, type: 'person' })),
              events: rows.map((r, i) => ({
                id: `e${i}`,
                title: `e${i}`,
                start: iso(r.at),
                ...(r.hours ? { end: iso(r.at + r.hours) } : {}),
                actors: r.actors,
              })),
            }),
          );
          // Every event matching (no filter) takes the planner's binary-search path when there are no lanes.
          const matches = unfiltered ? Bitset.full(index.size) : new Bitset(index.size);
          index.events.forEach((e, i) => rows[Number(e.id.slice(1))]!.keep && matches.add(i));
          // Fewer lanes than actors puts some in the "more actors" lane (an event there counts once).
          const lanes = byActor ? planLanes(index, matches, 'actor', maxLanes) : null;
          const w = { start: base + from * HOUR, end: base + (from + len) * HOUR };
          const opts = { maxVisibleItems: 8, widthPx: 600, minBucketPx: 40 };
          const plan = planItems(index, matches, lanes, w, opts);
          const overlaps = (i: number, a: number, b: number) =>
            index.starts[i]! < b && index.ends[i]! > a;
          const inView = index.events
            .map((_, i) => i)
            .filter((i) => matches.has(i) && overlaps(i, w.start, w.end));
          expect(plan.visibleCount).toBe(inView.length);
          const items = inView.reduce((s, i) => s + (lanes ? lanes.lanesOf(i).length : 1), 0);
          expect(plan.mode).toBe(items <= opts.maxVisibleItems ? 'events' : 'buckets');
          if (plan.mode !== 'buckets') return;
          for (const b of plan.items as BucketItem[]) {
            const lane = lanes ? lanes.lanes.findIndex((l) => l.id === b.lane) : -1;
            const want = index.events
              .map((_, i) => i)
              .filter((i) => matches.has(i) && overlaps(i, b.start, b.end))
              .filter((i) => !lanes || lanes.lanesOf(i).includes(lane)).length;
            expect(b.count).toBe(want);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planItems: calendar dates in a zone', () => {
  const index = buildIndex(
    normaliseDocument({
      events: [
        { id: 'day', title: 'day', start: '2023-12-21' },
        { id: 'month', title: 'month', start: '2023-12' },
        { id: 'exact', title: 'exact', start: '2023-12-21T14:05Z' },
      ],
    }),
  );
  const w = { start: D('2023-11-01T00:00Z'), end: D('2024-02-01T00:00Z') };
  const drawn = (tz: string) =>
    Object.fromEntries(
      planItems(index, index.all, null, w, { ...DEFAULT_LOD, tz }).items.map((i) => [
        index.events.at((i as { position: number }).position)!.id,
        [new Date(i.start).toISOString(), new Date(i.end).toISOString()],
      ]),
    );

  it.each([
    ['utc', '2023-12-21T00:00:00.000Z', '2023-12-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
    [
      'America/New_York',
      '2023-12-21T05:00:00.000Z',
      '2023-12-01T05:00:00.000Z',
      '2024-01-01T05:00:00.000Z',
    ],
    [
      'Pacific/Apia',
      '2023-12-20T11:00:00.000Z',
      '2023-11-30T11:00:00.000Z',
      '2023-12-31T11:00:00.000Z',
    ],
  ])(
    'in %s a day starts at %s and a month spans %s to %s; exact times stay',
    (tz, day, mStart, mEnd) => {
      const d = drawn(tz);
      expect(d.day![0]).toBe(day);
      expect(d.month).toEqual([mStart, mEnd]);
      expect(d.exact![0]).toBe('2023-12-21T14:05:00.000Z');
    },
  );
});
