import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBounds, fromScreen, toScreen, toWorld, zoomAbout, type Camera } from './webMercator';

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
