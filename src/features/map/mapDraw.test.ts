import { describe, expect, it } from 'vitest';
import { drawFrame, type MapColours } from './mapDraw';

const colours: MapColours = {
  water: '#00f',
  land: '#0f0',
  border: '#000',
  point: '#f00',
  pointRing: '#fff',
  cluster: '#33f',
  clusterText: '#fff',
  selected: '#ff0',
  box: '#0ff',
  boxFill: '#0ff3',
};

/** A canvas context that records the calls made to it, in order. */
function recorder() {
  const calls: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) =>
      key in target
        ? target[key]
        : (...args: unknown[]) => {
            calls.push(key === 'fillText' ? `fillText:${String(args[0])}` : key);
          },
    set: (target, key: string, value) => ((target[key] = value), true),
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('drawFrame', () => {
  it('writes every cluster count after every disc, so a neighbour drawn later never covers one', () => {
    const { ctx, calls } = recorder();
    drawFrame(ctx, 1, {
      camera: { cx: 0, cy: 0, zoom: 2, width: 400, height: 300 },
      land: undefined,
      landLayer: {} as CanvasImageSource,
      cells: [
        { x: 100, y: 100, count: 1700, first: 0 },
        { x: 110, y: 104, count: 838, first: 5 },
        { x: 300, y: 200, count: 1, first: 9 },
      ],
      colours,
    });
    const texts = calls.flatMap((c, i) => (c.startsWith('fillText') ? [i] : []));
    const fills = calls.flatMap((c, i) => (c === 'fill' ? [i] : []));
    expect(calls.filter((c) => c.startsWith('fillText'))).toEqual([
      'fillText:1.7k',
      'fillText:838',
    ]);
    expect(Math.min(...texts)).toBeGreaterThan(Math.max(...fills));
  });
});
