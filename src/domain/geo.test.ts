import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bboxFromCorners,
  formatBbox,
  gridCells,
  inBbox,
  parseBbox,
  wrapLon,
  type Bbox,
} from './geo';

const lat = fc.double({ min: -90, max: 90, noNaN: true });
const deg6 = (min: number, max: number) =>
  fc.integer({ min: min * 1e6, max: max * 1e6 }).map((x) => x / 1e6);
const arbBox: fc.Arbitrary<Bbox> = fc
  .record({ west: deg6(-180, 180), east: deg6(-180, 180), a: deg6(-90, 90), b: deg6(-90, 90) })
  .filter(({ west, east, a, b }) => west !== east && a !== b)
  .map(({ west, east, a, b }) => ({ west, east, south: Math.min(a, b), north: Math.max(a, b) }));

/** The box the long way: east unwrapped past 180 when it crosses the antimeridian, the point tried in every turn. */
function naiveIn(b: Bbox, la: number, lo: number): boolean {
  if (la < b.south || la > b.north) return false;
  const east = b.west <= b.east ? b.east : b.east + 360;
  return [lo - 360, lo, lo + 360].some((x) => x >= b.west && x <= east);
}

describe('parseBbox', () => {
  it('reads west,south,east,north and writes it back the same', () => {
    fc.assert(
      fc.property(arbBox, (b) => {
        const r = parseBbox(formatBbox(b));
        expect(r).toEqual({ ok: true, value: b });
      }),
    );
  });

  it('keeps a box across the antimeridian (west > east)', () => {
    expect(parseBbox('170,-20,-170,10')).toEqual({
      ok: true,
      value: { west: 170, south: -20, east: -170, north: 10 },
    });
  });

  it('refuses what is not a box, saying why', () => {
    const bad: [string, RegExp][] = [
      ['1,2,3', /west,south,east,north/],
      ['a,b,c,d', /decimal/],
      ['1e2,0,3,4', /decimal/],
      ['Infinity,0,3,4', /decimal/],
      ['-181,0,3,4', /±180/],
      ['0,-91,3,4', /±90/],
      ['0,10,3,5', /south must be below north/],
      ['3,0,3,4', /differ/],
      ['', /west,south,east,north/],
    ];
    for (const [text, why] of bad) {
      const r = parseBbox(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error).toMatch(why);
    }
  });
});

describe('inBbox', () => {
  it('agrees with a naive walk round the globe, across the antimeridian too', () => {
    fc.assert(
      fc.property(
        arbBox,
        fc.oneof(lat, deg6(-90, 90)),
        fc.oneof(deg6(-180, 180), fc.constantFrom(-180, 180, 0)),
        (b, la, lo) => {
          expect(inBbox(b, la, lo)).toBe(naiveIn(b, la, lo));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('includes the edges and excludes unplaceable points', () => {
    const b = { west: 30, south: 45, east: 40, north: 52 };
    expect(inBbox(b, 45, 30)).toBe(true);
    expect(inBbox(b, 52, 40)).toBe(true);
    expect(inBbox(b, 52.0001, 35)).toBe(false);
    expect(inBbox(b, Number.NaN, 35)).toBe(false);
    expect(inBbox(b, 50, Number.NaN)).toBe(false);
    expect(inBbox(b, 91, 35)).toBe(false);
    const fiji = { west: 170, south: -25, east: -175, north: -10 };
    expect(inBbox(fiji, -17.7, 178.4)).toBe(true);
    expect(inBbox(fiji, -17.7, -179.9)).toBe(true);
    expect(inBbox(fiji, -17.7, 0)).toBe(false);
  });
});

describe('bboxFromCorners', () => {
  it('orders the corners and wraps longitudes dragged past the antimeridian', () => {
    expect(bboxFromCorners({ lat: 50, lon: 40 }, { lat: 45, lon: 30 })).toEqual({
      west: 30,
      south: 45,
      east: 40,
      north: 50,
    });
    expect(bboxFromCorners({ lat: -10, lon: 170 }, { lat: -25, lon: 185 })).toEqual({
      west: 170,
      south: -25,
      east: -175,
      north: -10,
    });
  });

  it('wrapLon keeps ±180 and folds everything else into range', () => {
    expect(wrapLon(180)).toBe(180);
    expect(wrapLon(-180)).toBe(-180);
    expect(wrapLon(190)).toBe(-170);
    expect(wrapLon(-190)).toBe(170);
    expect(wrapLon(725)).toBe(5);
  });
});

describe('gridCells', () => {
  it('puts points of one screen cell together with their count and mean position', () => {
    const pts = [
      { x: 1, y: 1 },
      { x: 3, y: 5 },
      { x: 50, y: 50 },
      { x: -5, y: -5 },
    ];
    const cells = gridCells(
      (visit) => pts.forEach((_, i) => visit(i)),
      (i) => (i === 3 ? undefined : pts[i]),
      10,
    );
    expect(cells).toEqual([
      { x: 2, y: 3, count: 2, first: 0 },
      { x: 50, y: 50, count: 1, first: 2 },
    ]);
  });

  it('loses no event: the counts add up to the placed points', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 2000 }), y: fc.integer({ min: 0, max: 2000 }) }),
        ),
        fc.integer({ min: 1, max: 64 }),
        (pts, size) => {
          const cells = gridCells(
            (visit) => pts.forEach((_, i) => visit(i)),
            (i) => pts[i],
            size,
          );
          expect(cells.reduce((a, c) => a + c.count, 0)).toBe(pts.length);
        },
      ),
    );
  });
});
