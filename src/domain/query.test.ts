import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex } from './buildIndex';
import { EMPTY_FILTERS, type Filters } from './filters';
import { normaliseDocument } from './normalise';
import type { MeasureRange } from './measures';
import { runQuery } from './query';
import { buildTextIndex, textMatcher } from './textSearch';
import { parseIsoDate } from './dates';
import { ENTITY_TYPES, PRECISIONS, type EntityType, type TimelineEvent } from './types';

const entities = [
  { id: 'austin', name: 'Lloyd Austin', type: 'person' },
  { id: 'umerov', name: 'Rustem Umerov', type: 'person' },
  { id: 'kirby', name: 'John Kirby', type: 'person' },
  { id: 'udcg', name: 'Ukraine Defense Contact Group', type: 'organization' },
];
const events = [
  {
    id: 'call',
    title: 'Austin and Umerov review needs',
    start: '2023-12',
    type: 'meeting',
    actors: ['austin', 'umerov'],
    tags: ['aid'],
    location: { name: 'Washington' },
  },
  {
    id: 'kirby',
    title: 'Kirby on frozen Russian assets',
    start: '2023-12-21',
    type: 'statement',
    actors: ['kirby'],
    tags: ['assets', 'aid'],
    location: { name: 'Washington' },
  },
  {
    id: 'udcg',
    title: 'Contact group meeting',
    start: '2024-01-23T14:00Z',
    type: 'meeting',
    actors: ['udcg', 'austin'],
    tags: ['UDCG'],
  },
  {
    id: 'congress',
    title: 'Congress debates aid package',
    start: '2024',
    type: 'legislation',
    tags: ['aid'],
  },
];
const index = buildIndex(normaliseDocument({ entities, events }));
const text = buildTextIndex(index);
const q = (f: Partial<Filters>) =>
  runQuery(index, textMatcher(index, text), { ...EMPTY_FILTERS, ...f });
const ids = (f: Partial<Filters>) => {
  const r = q(f);
  return Array.from(r.matches.toArray(), (i) => index.events[i]!.id);
};

describe('runQuery: each filter alone', () => {
  it.each<[string, Partial<Filters>, string[]]>([
    ['nothing', {}, ['call', 'kirby', 'congress', 'udcg']],
    ['actor', { actors: ['austin'] }, ['call', 'udcg']],
    ['actors any', { actors: ['umerov', 'kirby'] }, ['call', 'kirby']],
    ['actors all', { actors: ['austin', 'umerov'], match: 'all' }, ['call']],
    ['exclude', { xactors: ['austin'] }, ['kirby', 'congress']],
    ['include + exclude of the same entity', { actors: ['austin'], xactors: ['austin'] }, []],
    ['entity type', { etypes: ['organization'] }, ['udcg']],
    ['event type', { types: ['meeting'] }, ['call', 'udcg']],
    ['tag', { tags: ['assets'] }, ['kirby']],
    ['place', { places: ['Washington'] }, ['call', 'kirby']],
    ['precision', { prec: ['year', 'month'] }, ['call', 'congress']],
    ['date since (overlap)', { since: '2023-12-15' }, ['call', 'kirby', 'congress', 'udcg']],
    ['date until', { until: '2023-12-20' }, ['call']],
    ['date window', { since: '2024-01', until: '2024-01' }, ['congress', 'udcg']],
    ['text', { q: 'frozen' }, ['kirby']],
  ])('%s', (_n, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('combines filters with AND across dimensions', () => {
    expect(ids({ types: ['meeting'], tags: ['aid'] })).toEqual(['call']);
    expect(ids({ actors: ['austin'], since: '2024' })).toEqual(['udcg']);
  });

  it('reports stale values and ignores them for matching', () => {
    const r = q({ actors: ['austin', 'ghost'], types: ['nope'] });
    expect(r.stale.actors).toEqual(['ghost']);
    expect(r.stale.types).toEqual(['nope']);
    expect(r.count).toBe(0);
  });

  it('reports an unreadable date filter instead of failing', () => {
    const r = q({ since: 'soon' });
    expect(r.count).toBe(4);
    expect(r.notices[0]).toMatch(/Ignored the "from" date/);
  });
});

describe('facet counts follow the facet rule', () => {
  it('a facet ignores its own filter but applies the others', () => {
    const r = q({ types: ['meeting'], actors: ['kirby'] });
    expect(r.count).toBe(0);
    // Type counts apply the actor filter only: kirby has one statement.
    const typeCount = (t: string) => r.facets.types[index.types.lookup.get(t)!];
    expect(typeCount('statement')).toBe(1);
    expect(typeCount('meeting')).toBe(0);
    // Actor counts apply the type filter only: two meetings.
    const actorCount = (id: string) => r.facets.actors[index.entityLookup.get(id)!];
    expect(actorCount('austin')).toBe(2);
    expect(actorCount('umerov')).toBe(1);
    expect(actorCount('kirby')).toBe(0);
  });

  it('unfiltered counts are plain counts', () => {
    const r = q({});
    expect(r.facets.tags[index.tags.lookup.get('aid')!]).toBe(3);
    expect(r.facets.places[index.places.lookup.get('Washington')!]).toBe(2);
  });
});

// Property: the indexed query agrees with a naive scan on random data and random filters.
const arbEvent = fc.record({
  start: fc.integer({ min: 0, max: 400 }),
  len: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
  actors: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 3 }),
  type: fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: undefined }),
  tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }),
  place: fc.option(fc.constantFrom('p1', 'p2'), { nil: undefined }),
  at: fc.option(
    fc.record({ lat: fc.integer({ min: -9, max: 9 }), lon: fc.integer({ min: -18, max: 18 }) }),
    {
      nil: undefined,
    },
  ),
  deaths: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
});
const arbFilters = fc.record({
  measures: fc.oneof(
    fc.constant<MeasureRange[]>([]),
    fc
      .tuple(
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      )
      .filter(([a, b]) => a !== undefined || b !== undefined)
      .map(([a, b]) => [
        {
          name: 'deaths',
          ...(a !== undefined ? { min: a } : {}),
          ...(b !== undefined ? { max: b } : {}),
        },
      ]),
  ),
  actors: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 2 }),
  xactors: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 1 }),
  match: fc.constantFrom<'any' | 'all'>('any', 'all'),
  types: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 2 }),
  tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 2 }),
  places: fc.uniqueArray(fc.constantFrom('p1', 'p2'), { maxLength: 1 }),
  etypes: fc.uniqueArray(fc.constantFrom<EntityType>('person', 'organization', 'group'), {
    maxLength: 2,
  }),
  since: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  until: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  bbox: fc.option(
    fc
      .record({
        west: fc.integer({ min: -18, max: 18 }),
        east: fc.integer({ min: -18, max: 18 }),
        a: fc.integer({ min: -9, max: 9 }),
        b: fc.integer({ min: -9, max: 9 }),
      })
      .filter(({ west, east, a, b }) => west !== east && a !== b)
      .map(({ west, east, a, b }) => ({
        west: west * 10,
        east: east * 10,
        south: Math.min(a, b) * 10,
        north: Math.max(a, b) * 10,
      })),
    { nil: undefined },
  ),
});
const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);

const ENTITY_KIND: Record<string, EntityType> = {
  a: 'person',
  b: 'person',
  c: 'organization',
  d: 'group',
  e: 'organization',
};

function naive(e: TimelineEvent, f: Filters): boolean {
  if (f.etypes.length > 0 && !e.actors.some((a) => f.etypes.includes(ENTITY_KIND[a]!)))
    return false;
  const inc = f.actors;
  if (
    inc.length > 0 &&
    !(f.match === 'all'
      ? inc.every((a) => e.actors.includes(a))
      : inc.some((a) => e.actors.includes(a)))
  )
    return false;
  if (f.xactors.some((a) => e.actors.includes(a))) return false;
  if (f.types.length > 0 && !(e.type && f.types.includes(e.type))) return false;
  if (f.tags.length > 0 && !f.tags.some((t) => e.tags.includes(t))) return false;
  if (f.places.length > 0 && !(e.location?.name && f.places.includes(e.location.name)))
    return false;
  const from = f.since
    ? (parseIsoDate(f.since) as { ok: true; value: { start: number } }).value.start
    : -Infinity;
  const to = f.until
    ? (parseIsoDate(f.until) as { ok: true; value: { end: number } }).value.end
    : Infinity;
  if (f.bbox) {
    const { lat, lon } = e.location ?? {};
    if (lat === undefined || lon === undefined || lat < f.bbox.south || lat > f.bbox.north)
      return false;
    const { west, east } = f.bbox;
    const outside = (x: number) => (west <= east ? x < west || x > east : x < west && x > east);
    // −180 and 180 are one meridian: a place on it is in a box that reaches either.
    if (outside(lon) && (Math.abs(lon) !== 180 || outside(-lon))) return false;
  }
  for (const m of f.measures) {
    const v = e.other[m.name];
    if (typeof v !== 'number' || v < (m.min ?? -Infinity) || v > (m.max ?? Infinity)) return false;
  }
  return e.start < to && e.end > from;
}

describe('runQuery agrees with a naive filter (property)', () => {
  it('never returns an event that violates a filter, never drops one that satisfies all', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 80 }), arbFilters, (raw, rf) => {
        const doc = {
          entities: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
            id,
            name: id.toUpperCase(),
            type: ENTITY_KIND[id],
          })),
          events: raw.map((r, i) => ({
            id: `e${i}`,
            title: `event ${i}`,
            start: day(r.start),
            ...(r.len > 0 ? { end: day(r.start + r.len) } : {}),
            actors: r.actors,
            ...(r.type ? { type: r.type } : {}),
            tags: r.tags,
            ...(r.deaths !== undefined ? { deaths: r.deaths } : {}),
            ...(r.place || r.at
              ? {
                  location: {
                    ...(r.place ? { name: r.place } : {}),
                    ...(r.at ? { lat: r.at.lat * 10, lon: r.at.lon * 10 } : {}),
                  },
                }
              : {}),
          })),
        };
        const idx = buildIndex(normaliseDocument(doc));
        const f: Filters = {
          ...EMPTY_FILTERS,
          ...rf,
          since: rf.since === undefined ? undefined : day(rf.since),
          until: rf.until === undefined ? undefined : day(rf.until),
          // A range on a measure the dataset lacks (no event had a value) is ignored, with a notice.
          measures: idx.measures.length > 0 ? rf.measures : [],
        };
        const r = runQuery(idx, undefined, f);
        const got = new Set(Array.from(r.matches.toArray(), (i) => idx.events[i]!.id));
        const want = new Set(idx.events.filter((e) => naive(e, f)).map((e) => e.id));
        expect(got).toEqual(want);
        expect(r.count).toBe(want.size);
        // Facet counts follow the facet rule: every filter applies except the facet's own.
        const others = (patch: Partial<Filters>) =>
          idx.events.filter((e) => naive(e, { ...f, ...patch }));
        const byActor = others({ actors: [], xactors: [] });
        for (const [code, ent] of idx.entities.entries())
          expect(r.facets.actors[code]).toBe(
            byActor.filter((e) => e.actors.includes(ent.id)).length,
          );
        const byEtype = others({ etypes: [] });
        ENTITY_TYPES.forEach((t, k) =>
          expect(r.facets.etypes[k]).toBe(
            byEtype.filter((e) => e.actors.some((a) => ENTITY_KIND[a] === t)).length,
          ),
        );
        const byType = others({ types: [] });
        idx.types.values.forEach((t, k) =>
          expect(r.facets.types[k]).toBe(byType.filter((e) => e.type === t).length),
        );
        const byTag = others({ tags: [] });
        idx.tags.values.forEach((t, k) =>
          expect(r.facets.tags[k]).toBe(byTag.filter((e) => e.tags.includes(t)).length),
        );
        const byPlace = others({ places: [] });
        idx.places.values.forEach((p, k) =>
          expect(r.facets.places[k]).toBe(byPlace.filter((e) => e.location?.name === p).length),
        );
        PRECISIONS.forEach((p, k) =>
          expect(r.facets.prec[k]).toBe(
            idx.events.filter((e) => naive(e, f) && e.precision === p).length,
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the spellings a text query let through', () => {
  const idx = buildIndex(
    normaliseDocument({
      entities: [{ id: 'russia', name: 'Government of Russia', type: 'organization' }],
      events: [
        { id: 'm1', title: 'Shelling in Mariupol', start: '2022-03-01' },
        { id: 'm2', title: 'Mariupol theatre struck', start: '2022-03-16', actors: ['russia'] },
        { id: 'f1', title: 'Marfopol convoy', start: '2022-09-01', actors: ['russia'] },
        { id: 'f2', title: 'Marfopol evacuation', start: '2023-01-10', actors: ['russia'] },
        { id: 'f3', title: 'Marfopol market', start: '2023-02-10' },
      ],
    }),
  );
  const q = (f: Partial<Filters>) =>
    runQuery(idx, textMatcher(idx, buildTextIndex(idx)), { ...EMPTY_FILTERS, ...f });

  it('counts each spelling among the matches, after every other filter', () => {
    expect(q({ q: 'Mariupol' }).spellings).toEqual([
      { word: 'marfopol', typed: 'Mariupol', kind: 'near', count: 3 },
    ]);
    const withActor = q({ q: 'Mariupol', actors: ['russia'] });
    expect(withActor.count).toBe(3);
    expect(withActor.spellings).toEqual([
      { word: 'marfopol', typed: 'Mariupol', kind: 'near', count: 2 },
    ]);
  });

  it('reports nothing for a quoted word or without a query', () => {
    expect(q({ q: '"Mariupol"' }).spellings).toEqual([]);
    expect(q({}).spellings).toEqual([]);
  });
});
