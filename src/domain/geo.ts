/**
 * Places on the map: the area filter's box, and the grid that groups events drawn close together.
 * Degrees throughout; longitude in [-180, 180], latitude in [-90, 90].
 */

/** An area filter: west, south, east, north. A box across the antimeridian has west > east. */
export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export type BboxResult = { ok: true; value: Bbox } | { ok: false; error: string };

const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;

/** Reads `west,south,east,north` (degrees) as the link writes it. */
export function parseBbox(text: string): BboxResult {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4) return { ok: false, error: 'expected west,south,east,north in degrees' };
  if (!parts.every((p) => DECIMAL.test(p))) {
    return { ok: false, error: 'each bound must be a decimal number of degrees' };
  }
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  if (Math.abs(west) > 180 || Math.abs(east) > 180) {
    return { ok: false, error: 'west and east must lie within ±180°' };
  }
  if (Math.abs(south) > 90 || Math.abs(north) > 90) {
    return { ok: false, error: 'south and north must lie within ±90°' };
  }
  if (!(south < north)) return { ok: false, error: 'south must be below north' };
  if (west === east) return { ok: false, error: 'west and east must differ' };
  return { ok: true, value: { west, south, east, north } };
}

/** Rounds to 6 decimals (about 10 cm), enough for any box drawn on screen. */
const round = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

/** The link's form of a box: four decimals separated by commas. */
export function formatBbox(b: Bbox): string {
  return [b.west, b.south, b.east, b.north].map(round).join(',');
}

/** True for a coordinate pair the map can place (both present, finite and in range). */
export function isPlaceable(lat: number, lon: number): boolean {
  return (
    Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
  );
}

/** Whether a point lies in the box, edges included; across the antimeridian when west > east. */
export function inBbox(b: Bbox, lat: number, lon: number): boolean {
  if (!isPlaceable(lat, lon) || lat < b.south || lat > b.north) return false;
  const within = (x: number) =>
    b.west <= b.east ? x >= b.west && x <= b.east : x >= b.west || x <= b.east;
  // -180 and 180 are one meridian.
  return within(lon) || (Math.abs(lon) === 180 && within(-lon));
}

/** Wraps a longitude into [-180, 180]. */
export function wrapLon(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180;
  return w === -180 && lon > 0 ? 180 : w;
}

/** The box between two corners dragged on the map, its longitudes wrapped (so it may cross the antimeridian). */
export function bboxFromCorners(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): Bbox {
  const clampLat = (x: number) => Math.max(-90, Math.min(90, x));
  const [w, e] = a.lon <= b.lon ? [a.lon, b.lon] : [b.lon, a.lon];
  if (e - w >= 360)
    return {
      west: -180,
      east: 180,
      south: clampLat(Math.min(a.lat, b.lat)),
      north: clampLat(Math.max(a.lat, b.lat)),
    };
  return {
    west: wrapLon(w),
    east: wrapLon(e),
    south: clampLat(Math.min(a.lat, b.lat)),
    north: clampLat(Math.max(a.lat, b.lat)),
  };
}

/** A group of events drawn at one place on screen: how many, where (their mean position), and one of them. */
export interface MapCell {
  x: number;
  y: number;
  count: number;
  /** Position (in the index) of the first event of the cell, in time order. */
  first: number;
}

/**
 * Groups points into square screen cells of `size` pixels: a cell with one event is that event, a cell with many
 * is drawn as a count. `project` gives a point's screen position (undefined when off screen or unplaceable);
 * `each` calls back with every event position to place. Cost: one projection per event.
 */
export function gridCells(
  each: (visit: (position: number) => void) => void,
  project: (position: number) => { x: number; y: number } | undefined,
  size: number,
): MapCell[] {
  const cells = new Map<number, MapCell & { sx: number; sy: number }>();
  each((i) => {
    const p = project(i);
    if (!p) return;
    const key = Math.floor(p.x / size) * 65_536 + Math.floor(p.y / size);
    const c = cells.get(key);
    if (c) {
      c.count++;
      c.sx += p.x;
      c.sy += p.y;
    } else {
      cells.set(key, { x: 0, y: 0, sx: p.x, sy: p.y, count: 1, first: i });
    }
  });
  return [...cells.values()].map(({ sx, sy, count, first }) => ({
    x: sx / count,
    y: sy / count,
    count,
    first,
  }));
}
