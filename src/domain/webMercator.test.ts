import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampCamera,
  fitBounds,
  fromScreen,
  mapQuestionFor,
  panBy,
  toScreen,
  toWorld,
  zoomAbout,
  type Camera,
} from './webMercator';

const cam: Camera = { cx: 512, cy: 512, zoom: 2, width: 800, height: 600 };

describe('web Mercator', () => {
  it('puts the origin at the centre of the world and the antimeridian at its edges', () => {
    expect(toWorld(0, 0, 0)).toEqual({ x: 128, y: 128 });
    expect(toWorld(0, -180, 1).x).toBe(0);
    expect(toWorld(0, 180, 1).x).toBe(512);
    expect(toWorld(85.05112878, 0, 0).y).toBeCloseTo(0, 6);
  });

  it('reads back the place under a screen point', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 14 }),
        (lat, lon, zoom) => {
          const c = { ...cam, zoom, cx: 0, cy: 0 };
          const p = toScreen(c, lat, lon);
          const back = fromScreen(c, p.x, p.y);
          expect(back.lat).toBeCloseTo(lat, 6);
          expect(back.lon).toBeCloseTo(lon, 6);
        },
      ),
    );
  });

  it('zooming keeps the place under the pointer', () => {
    const before = fromScreen(cam, 100, 200);
    const after = zoomAbout(cam, 1.5, 100, 200);
    const p = toScreen(after, before.lat, before.lon);
    expect(p.x).toBeCloseTo(100, 6);
    expect(p.y).toBeCloseTo(200, 6);
  });

  it('fits a box on screen, across the antimeridian too', () => {
    const ukraine = { west: 22, south: 44, east: 40.5, north: 52.5 };
    const c = fitBounds(800, 600, ukraine);
    for (const [lat, lon] of [
      [44, 22],
      [52.5, 40.5],
    ] as const) {
      const p = toScreen(c, lat, lon);
      expect(p.x).toBeGreaterThanOrEqual(23);
      expect(p.x).toBeLessThanOrEqual(777);
      expect(p.y).toBeGreaterThanOrEqual(23);
      expect(p.y).toBeLessThanOrEqual(577);
    }
    const fiji = fitBounds(800, 600, { west: 170, south: -25, east: -175, north: -10 });
    expect(toScreen(fiji, -17, 178).x).toBeGreaterThan(0);
    expect(toScreen(fiji, -17, 178).x).toBeLessThan(800);
  });
});

describe('mapQuestionFor', () => {
  const camera = fc
    .record({
      x: fc.double({ min: 0, max: 1, noNaN: true }),
      y: fc.double({ min: 0, max: 1, noNaN: true }),
      zoom: fc.double({ min: 0, max: 14, noNaN: true }),
      width: fc.integer({ min: 200, max: 2000 }),
      height: fc.integer({ min: 200, max: 1200 }),
    })
    .map(({ x, y, zoom, width, height }) =>
      clampCamera({ cx: x * 256 * 2 ** zoom, cy: y * 256 * 2 ** zoom, zoom, width, height }),
    );

  it('asks about everything on screen, edges on the grid, cells of 48 pixels at a whole zoom', () => {
    fc.assert(
      fc.property(camera, (c) => {
        const { viewport: v, cell } = mapQuestionFor(c);
        const nw = fromScreen(c, 0, 0);
        const se = fromScreen(c, c.width, c.height);
        expect(v.west).toBeLessThanOrEqual(Math.max(-180, nw.lon));
        expect(v.east).toBeGreaterThanOrEqual(Math.min(180, se.lon));
        expect(v.north).toBeGreaterThanOrEqual(Math.min(85, nw.lat));
        expect(v.south).toBeLessThanOrEqual(Math.max(-85, se.lat));
        const level = Math.round(Math.log2((360 * 48) / 256 / cell));
        expect(level).toBe(Math.max(0, Math.min(14, Math.round(c.zoom))));
        for (const [edge, from, limit] of [
          [v.west, -180, 180],
          [v.east, -180, 180],
          [v.south, -90, 90],
          [v.north, -90, 90],
        ] as const) {
          if (Math.abs(edge) === limit) continue;
          const k = (edge - from) / cell;
          expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
        }
      }),
    );
  });

  it('asks the same question after a small pan', () => {
    const c: Camera = { cx: 4000, cy: 2600, zoom: 5, width: 1000, height: 600 };
    expect(mapQuestionFor(panBy(c, 3, -2))).toEqual(mapQuestionFor(c));
  });
});
