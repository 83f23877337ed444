import type { Bitset } from './bitset';
import type { DatasetIndex } from './buildIndex';
import { inBbox, type Bbox } from './geo';
import type { PlacePrecision } from './placePrecision';

/**
 * The map's question, as both engines answer it (the in-browser index here, PostgreSQL in server/db/queryMap.ts):
 * the matching events with a place, grouped into cells of a fixed grid in degrees, within the part of the world
 * the map shows. The grid is anchored at (-180°, -90°), not at the screen, so a cell holds the same events
 * wherever the map is panned, and two engines agree on it exactly (a division and a floor, no projection).
 */

/** What the map asks beside the view's filters. */
export interface MapQuestion {
  /** The part of the world asked about (the screen with a margin); across the antimeridian when west > east. */
  viewport: Bbox;
  /** The grid's cell size in degrees, of longitude and of latitude. */
  cell: number;
  /** Only events overlapping this window (the map's "Timeline window only" switch). */
  window?: { start: number; end: number };
}

/** A cell of the grid with its matching events. */
export interface MapAnswerCell {
  /** The mean place of its events. */
  lat: number;
  lon: number;
  count: number;
  /** The position of its first event in time order. */
  first: number;
  /** The first event's place name. */
  place?: string;
  /** For a cell of one event: that event's id, title and how precisely its place is known (when not exact). */
  eventId?: string;
  title?: string;
  precision?: PlacePrecision;
}

export interface MapAnswer {
  /** Every matching event (with a place or not, in the window or not). */
  matching: number;
  /** Matching events with a place (in the window, when one is asked). */
  placed: number;
  /** Matching events without a place. */
  unplaced: number;
  /** The box around the placed matches (the map's first fit), or undefined when none is placed. */
  extent?: Bbox;
  /** The cells in the viewport, the most populous first (ties: the earlier first event). */
  cells: MapAnswerCell[];
  /** True when more cells than MAP_CELL_CAP held events, and only the most populous are given. */
  capped: boolean;
}

/** At most this many cells in an answer: a screen of 48-pixel cells with its margin holds fewer. */
export const MAP_CELL_CAP = 4000;
/** The finest grid either engine accepts, in degrees (about 11 m): keeps cell keys exact integers. */
export const MIN_MAP_CELL = 1e-4;

/** The window the map is limited to: the timeline's, when the view's "Timeline window only" switch is on. */
export function mapWindow(v: {
  geowin: boolean;
  from?: number | undefined;
  to?: number | undefined;
}): { start: number; end: number } | undefined {
  return v.geowin && v.from !== undefined && v.to !== undefined
    ? { start: v.from, end: v.to }
    : undefined;
}

/** The grid column and row of a place. */
export function cellOf(lat: number, lon: number, cell: number): { col: number; row: number } {
  return { col: Math.floor((lon + 180) / cell), row: Math.floor((lat + 90) / cell) };
}

/** Orders cells as answers give them and keeps the first `cap`. */
export function rankCells<C extends { count: number; first: number }>(
  cells: C[],
  cap = MAP_CELL_CAP,
): { cells: C[]; capped: boolean } {
  cells.sort((a, b) => b.count - a.count || a.first - b.first);
  return cells.length > cap
    ? { cells: cells.slice(0, cap), capped: true }
    : { cells, capped: false };
}

/**
 * The map's answer from the in-browser index for the matches of a query. Cost: one pass over the matches (a
 * division and a hash lookup per placed match in the viewport), then one event read per single-event cell.
 */
export function mapCells(
  index: Pick<
    DatasetIndex,
    'lats' | 'lons' | 'starts' | 'ends' | 'eventPlace' | 'places' | 'events'
  >,
  matches: Bitset,
  matching: number,
  q: MapQuestion,
): MapAnswer {
  const { lats, lons, starts, ends } = index;
  const { viewport: v, cell, window } = q;
  const size = Math.max(MIN_MAP_CELL, cell);
  const wraps = v.west > v.east;
  // Slots by cell: a dense table over the viewport's columns and rows when it is small enough (every question the
  // app asks), else a hash map.
  const col0 = Math.floor((v.west + 180) / size);
  const row0 = Math.floor((v.south + 90) / size);
  const cols = Math.floor((v.east + 180) / size) - col0 + 1;
  const rows = Math.floor((v.north + 90) / size) - row0 + 1;
  const dense = !wraps && cols * rows <= 1 << 22 ? new Int32Array(cols * rows) : undefined;
  const slots = new Map<number, number>();
  const counts: number[] = [];
  const sumLat: number[] = [];
  const sumLon: number[] = [];
  const firsts: number[] = [];
  let placed = 0;
  let unplaced = 0;
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  const ws = window?.start ?? -Infinity;
  const we = window?.end ?? Infinity;
  const visit = (i: number) => {
    const lat = lats[i]!;
    if (lat !== lat) {
      unplaced++;
      return;
    }
    if (window && !(starts[i]! < we && ends[i]! > ws)) return;
    placed++;
    const lon = lons[i]!;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    // The common case inline (a viewport not across the antimeridian, a longitude not on it); the rest by inBbox.
    if (
      wraps || Math.abs(lon) === 180
        ? !inBbox(v, lat, lon)
        : lat < v.south || lat > v.north || lon < v.west || lon > v.east
    )
      return;
    const row = Math.floor((lat + 90) / size);
    const col = Math.floor((lon + 180) / size);
    // A longitude of ±180 inside a viewport that does not reach it lands outside the table: the map keeps it.
    const inTable =
      dense !== undefined && col >= col0 && col < col0 + cols && row >= row0 && row < row0 + rows;
    const key = inTable ? (row - row0) * cols + (col - col0) : row * 4_000_000 + col;
    const s = inTable ? dense[key]! - 1 : (slots.get(key) ?? -1);
    if (s < 0) {
      const slot = counts.length;
      if (inTable) dense[key] = slot + 1;
      else slots.set(key, slot);
      counts.push(1);
      sumLat.push(lat);
      sumLon.push(lon);
      firsts.push(i);
    } else {
      counts[s]!++;
      sumLat[s]! += lat;
      sumLon[s]! += lon;
    }
  };
  // The matches' bits read word by word (as Bitset.forEach does), without a call per word.
  const words = matches.words;
  for (let w = 0; w < words.length; w++) {
    let bits = words[w]!;
    while (bits !== 0) {
      const t = bits & -bits;
      visit((w << 5) + 31 - Math.clz32(t));
      bits ^= t;
    }
  }
  const ranked = rankCells(
    counts.map((count, s) => ({ s, count, first: firsts[s]! })),
    MAP_CELL_CAP,
  );
  const cells = ranked.cells.map(({ s, count, first }): MapAnswerCell => {
    const code = index.eventPlace[first]!;
    const place = code >= 0 ? index.places.values[code] : undefined;
    const out: MapAnswerCell = {
      lat: sumLat[s]! / count,
      lon: sumLon[s]! / count,
      count,
      first,
      ...(place !== undefined ? { place } : {}),
    };
    if (count === 1) {
      const e = index.events.at(first)!;
      out.eventId = e.id;
      out.title = e.title;
      const precision = e.location?.precision;
      if (precision && precision !== 'exact') out.precision = precision;
    }
    return out;
  });
  return {
    matching,
    placed,
    unplaced,
    ...(placed > 0 ? { extent: { west, south, east, north } } : {}),
    cells,
    capped: ranked.capped,
  };
}
