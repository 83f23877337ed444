/**
 * Web Mercator in screen pixels: the world is a square of `256 · 2^zoom` pixels, and a camera (the world pixel at
 * the screen's centre) places it on screen. Latitudes are clamped to ±MAX_LAT, where the square ends.
 */
export const MAX_LAT = 85.05112878;
export const TILE = 256;

export interface Camera {
  /** The world pixel (at this zoom) under the screen's centre. */
  cx: number;
  cy: number;
  zoom: number;
  width: number;
  height: number;
}

export const worldSize = (zoom: number) => TILE * 2 ** zoom;

/** World pixel of a place at a zoom. */
export function toWorld(lat: number, lon: number, zoom: number): { x: number; y: number } {
  const s = worldSize(zoom);
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return {
    x: ((lon + 180) / 360) * s,
    y: (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * s,
  };
}

/** The place at a world pixel (longitude not wrapped). */
export function fromWorld(x: number, y: number, zoom: number): { lat: number; lon: number } {
  const s = worldSize(zoom);
  const lon = (x / s) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / s))) * 180) / Math.PI;
  return { lat, lon };
}

/** Screen position of a place under a camera. */
export function toScreen(c: Camera, lat: number, lon: number): { x: number; y: number } {
  const w = toWorld(lat, lon, c.zoom);
  return { x: w.x - c.cx + c.width / 2, y: w.y - c.cy + c.height / 2 };
}

/** The place under a screen position. */
export function fromScreen(c: Camera, x: number, y: number): { lat: number; lon: number } {
  return fromWorld(x + c.cx - c.width / 2, y + c.cy - c.height / 2, c.zoom);
}

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 14;

/** The camera zoomed by `dz` about a screen point, which stays where it is. */
export function zoomAbout(c: Camera, dz: number, x: number, y: number): Camera {
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, c.zoom + dz));
  const k = 2 ** (zoom - c.zoom);
  const wx = x + c.cx - c.width / 2;
  const wy = y + c.cy - c.height / 2;
  return clampCamera({
    ...c,
    zoom,
    cx: wx * k - (x - c.width / 2),
    cy: wy * k - (y - c.height / 2),
  });
}

/** The camera moved by a screen offset. */
export function panBy(c: Camera, dx: number, dy: number): Camera {
  return clampCamera({ ...c, cx: c.cx - dx, cy: c.cy - dy });
}

/** Keeps the world's square over the screen's centre (no panning off into nothing). */
export function clampCamera(c: Camera): Camera {
  const s = worldSize(c.zoom);
  return { ...c, cx: Math.max(0, Math.min(s, c.cx)), cy: Math.max(0, Math.min(s, c.cy)) };
}

/** The camera that shows a box of places (south-west to north-east) with a margin, within the zoom limits. */
export function fitBounds(
  width: number,
  height: number,
  box: { west: number; south: number; east: number; north: number },
  margin = 24,
): Camera {
  const east = box.east < box.west ? box.east + 360 : box.east;
  const a = toWorld(box.north, box.west, 0);
  const b = toWorld(box.south, east, 0);
  const spanX = Math.max(b.x - a.x, 1e-9);
  const spanY = Math.max(b.y - a.y, 1e-9);
  const zx = Math.log2(Math.max(1, width - 2 * margin) / spanX);
  const zy = Math.log2(Math.max(1, height - 2 * margin) / spanY);
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, 10, zx, zy));
  const k = 2 ** zoom;
  return clampCamera({ cx: ((a.x + b.x) / 2) * k, cy: ((a.y + b.y) / 2) * k, zoom, width, height });
}

/** The screen cell the map groups events in, in CSS pixels, at a whole zoom level. */
export const MAP_CELL_PX = 48;

/**
 * The map's question for a camera: a grid of MAP_CELL_PX at the nearest whole zoom (in degrees: 360° is the
 * world's width), and the part of the world on screen with half a screen of margin each side, its edges on
 * multiples of eight cells. Small pans and zooms within a level ask the same question again (a cached answer),
 * and each edge lies on a cell boundary, so no cell is cut. Longitudes are not wrapped: the map draws the world
 * once.
 */
export function mapQuestionFor(c: Camera): {
  viewport: { west: number; south: number; east: number; north: number };
  cell: number;
} {
  const level = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.round(c.zoom)));
  const cell = (360 * MAP_CELL_PX) / worldSize(level);
  const step = cell * 8;
  const nw = fromScreen(c, -c.width / 2, -c.height / 2);
  const se = fromScreen(c, c.width * 1.5, c.height * 1.5);
  const down = (x: number, from: number) => Math.floor((x - from) / step) * step + from;
  const up = (x: number, from: number) => Math.ceil((x - from) / step) * step + from;
  const west = Math.max(-180, down(nw.lon, -180));
  const east = Math.min(180, up(se.lon, -180));
  const south = se.lat <= -MAX_LAT ? -90 : Math.max(-90, down(se.lat, -90));
  const north = nw.lat >= MAX_LAT ? 90 : Math.min(90, up(nw.lat, -90));
  return west < east && south < north
    ? { viewport: { west, south, east, north }, cell }
    : { viewport: { west: -180, south: -90, east: 180, north: 90 }, cell };
}
