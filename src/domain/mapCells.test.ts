import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import type { Bbox } from './geo';
import { MAP_CELL_CAP, mapCells, type MapAnswerCell } from './mapCells';

interface Point {
  lat: number;
  lon: number;
  start: number;
  place: number;
}

/** A stand-in index: places by position (NaN where none), two place names, events with ids and titles. */
function indexOf(points: (Point | null)[]) {
  const at = (i: number) => points[i];
  return {
    lats: Float64Array.from(points, (p) => p?.lat ?? NaN),
    lons: Float64Array.from(points, (p) => p?.lon ?? NaN),
    starts: Float64Array.from(points, (p, i) => p?.start ?? i),
    ends: Float64Array.from(points, (p, i) => (p?.start ?? i) + 10),
    eventPlace: Int32Array.from(points, (p) => p?.place ?? -1),
    places: { values: ['Kyiv', 'Suva'], lookup: new Map(), postings: [] },
    events: {
      at: (i: number) =>
        ({
          id: `e${i}`,
          title: `Event ${i}`,
          ...(at(i)?.place === 1 ? { location: { precision: 'region' } } : {}),
        }) as never,
      size: points.length,
    },
  } as unknown as Parameters<typeof mapCells>[0];
}

/** The long way: every matching point tested on its own, grouped by its column and row written out. */
function naive(
  points: (Point | null)[],
  matches: number[],
  v: Bbox,
  cell: number,
  window?: { start: number; end: number },
) {
  const groups = new Map<string, number[]>();
  let placed = 0;
  let unplaced = 0;
  for (const i of matches) {
    const p = points[i];
    if (!p) {
      unplaced++;
      continue;
    }
    if (window && !(p.start < window.end && p.start + 10 > window.start)) continue;
    placed++;
    const lonIn = (x: number) =>
      v.west <= v.east ? x >= v.west && x <= v.east : x >= v.west || x <= v.east;
    // -180 and 180 are one meridian.
    const inside = lonIn(p.lon) || (Math.abs(p.lon) === 180 && lonIn(-p.lon));
    if (p.lat < v.south || p.lat > v.north || !inside) continue;
    const key = `${Math.floor((p.lat + 90) / cell)}:${Math.floor((p.lon + 180) / cell)}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const cells = [...groups.values()].map((is) => ({
    count: is.length,
    first: Math.min(...is),
    lat: is.reduce((s, i) => s + points[i]!.lat, 0) / is.length,
    lon: is.reduce((s, i) => s + points[i]!.lon, 0) / is.length,
  }));
  cells.sort((a, b) => b.count - a.count || a.first - b.first);
  return { placed, unplaced, cells };
}

const point = fc.option(
  fc.record({
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    lon: fc.oneof(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.constantFrom(-180, 180, 179.99, -179.99),
    ),
    start: fc.integer({ min: 0, max: 100 }),
    place: fc.constantFrom(-1, 0, 1),
  }),
  { freq: 5 },
);
const viewport: fc.Arbitrary<Bbox> = fc
  .record({
    west: fc.double({ min: -180, max: 180, noNaN: true }),
    east: fc.double({ min: -180, max: 180, noNaN: true }),
    a: fc.double({ min: -90, max: 90, noNaN: true }),
    b: fc.double({ min: -90, max: 90, noNaN: true }),
  })
  .map(({ west, east, a, b }) => ({ west, east, south: Math.min(a, b), north: Math.max(a, b) }));

const shape = (c: MapAnswerCell) => ({ count: c.count, first: c.first, lat: c.lat, lon: c.lon });

describe('mapCells', () => {
  it('groups the matching placed events in the viewport by grid cell, as the long way does', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 300 }),
        fc.double({ min: 0.5, max: 90, noNaN: true }),
        viewport,
        fc.option(fc.record({ start: fc.nat(100), end: fc.nat(120) }), { nil: undefined }),
        fc.nat(),
        (points, cell, v, window, seed) => {
          const matches = points.map((_, i) => i).filter((i) => (i * 7 + seed) % 5 !== 0);
          const a = mapCells(indexOf(points), Bitset.of(points.length, matches), matches.length, {
            viewport: v,
            cell,
            ...(window ? { window } : {}),
          });
          const want = naive(points, matches, v, cell, window);
          expect(a.matching).toBe(matches.length);
          expect(a.placed).toBe(want.placed);
          expect(a.unplaced).toBe(want.unplaced);
          expect(a.capped).toBe(false);
          expect(a.cells.map(shape)).toEqual(
            want.cells.map((c) => ({
              ...c,
              lat: expect.closeTo(c.lat, 9) as unknown as number,
              lon: expect.closeTo(c.lon, 9) as unknown as number,
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names a single event, its place and an imprecise place; a cluster by its first event’s place', () => {
    const points: Point[] = [
      { lat: 50.45, lon: 30.52, start: 1, place: 0 },
      { lat: 50.46, lon: 30.53, start: 2, place: 0 },
      { lat: -17.7, lon: 179.8, start: 3, place: 1 },
    ];
    const a = mapCells(indexOf(points), Bitset.of(3, [0, 1, 2]), 3, {
      viewport: { west: -180, south: -90, east: 180, north: 90 },
      cell: 1,
    });
    expect(a.cells).toEqual([
      {
        lat: expect.closeTo(50.455, 9),
        lon: expect.closeTo(30.525, 9),
        count: 2,
        first: 0,
        place: 'Kyiv',
      },
      {
        lat: -17.7,
        lon: 179.8,
        count: 1,
        first: 2,
        place: 'Suva',
        eventId: 'e2',
        title: 'Event 2',
        precision: 'region',
      },
    ]);
    expect(a.extent).toEqual({ west: 30.52, south: -17.7, east: 179.8, north: 50.46 });
  });

  it('gives at most MAP_CELL_CAP cells, the most populous, and says so', () => {
    const points: Point[] = [];
    for (let k = 0; k < MAP_CELL_CAP + 10; k++)
      points.push({ lat: -80 + (k % 150), lon: -170 + Math.floor(k / 150), start: k, place: -1 });
    points.push(
      { lat: 10.1, lon: 10.1, start: 1, place: -1 },
      { lat: 10.2, lon: 10.2, start: 1, place: -1 },
    );
    const all = points.map((_, i) => i);
    const a = mapCells(indexOf(points), Bitset.of(points.length, all), all.length, {
      viewport: { west: -180, south: -90, east: 180, north: 90 },
      cell: 0.5,
    });
    expect(a.capped).toBe(true);
    expect(a.cells).toHaveLength(MAP_CELL_CAP);
    expect(a.cells[0]!.count).toBe(2);
    expect(a.placed).toBe(points.length);
  });
});
