import type { Pool, PoolClient } from 'pg';
import type { Filters } from '../../src/domain/filters';
import {
  MAP_CELL_CAP,
  rankCells,
  type MapAnswer,
  type MapAnswerCell,
  type MapQuestion,
} from '../../src/domain/mapCells';
import type { TimelineEvent } from '../../src/domain/types';
import type { DatasetRecord } from './catalog';
import { filterConditions, inBox, Params, type VersionDicts } from './queryView';
import { datasetTables } from './schema';

/**
 * The map's answer in PostgreSQL, as the browser's `mapCells` gives it (src/domain/mapCells.ts): the matching
 * events with a place grouped by `floor((lat + 90) / cell), floor((lon + 180) / cell)` within the viewport, the
 * most populous MAP_CELL_CAP cells joined back to their first event (by the primary key), and the counts beside.
 * Two statements, both parameterised and under the pool's statement_timeout.
 */
export async function queryMap(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
  q: MapQuestion,
): Promise<MapAnswer & { notices: string[] }> {
  const t = datasetTables(ds);
  const { conds, notices } = await filterConditions(db, ds, dicts, f);
  const where = (p: Params) => [...conds.values()].map((c) => `(${c(p)})`).join(' AND ') || 'true';
  const win = (p: Params) =>
    q.window
      ? `start_ms < ${p.add(q.window.end)}::float8 AND end_ms > ${p.add(q.window.start)}::float8`
      : 'true';
  const run = async <R extends object>(sql: (p: Params) => string) => {
    const p = new Params();
    const text = sql(p);
    return (await db.query(text, p.values)).rows as R[];
  };
  if (!ds.meta.coordinates) {
    const [r] = await run<{ n: string }>(
      (p) => `SELECT count(*) AS n FROM ${t.events} WHERE ${where(p)}`,
    );
    const n = Number(r!.n);
    return {
      matching: n,
      placed: 0,
      unplaced: n,
      cells: [],
      capped: false,
      notices: [
        ...notices,
        'The map has no places: this dataset was ingested before the server kept coordinates; ingest it again.',
      ],
    };
  }
  const counts = run<{
    matching: string;
    unplaced: string;
    placed: string;
    south: number | null;
    north: number | null;
    west: number | null;
    east: number | null;
  }>((p) => {
    const placed = `lat IS NOT NULL AND ${win(p)}`;
    return `SELECT count(*) AS matching, count(*) FILTER (WHERE lat IS NULL) AS unplaced,
                   count(*) FILTER (WHERE ${placed}) AS placed,
                   min(lat) FILTER (WHERE ${placed}) AS south, max(lat) FILTER (WHERE ${placed}) AS north,
                   min(lon) FILTER (WHERE ${placed}) AS west, max(lon) FILTER (WHERE ${placed}) AS east
            FROM ${t.events} WHERE ${where(p)}`;
  });
  const grouped = run<{
    n: string;
    slat: number;
    slon: number;
    first: number;
    id: string;
    place: number | null;
    doc: string | null;
  }>((p) => {
    const cell = p.add(q.cell);
    return `SELECT c.n, c.slat, c.slon, c.first, e.id, e.place, CASE WHEN c.n = 1 THEN d.doc END AS doc
            FROM (SELECT count(*) AS n, sum(lat) AS slat, sum(lon) AS slon, min(pos) AS first
                  FROM ${t.events}
                  WHERE ${where(p)} AND lat IS NOT NULL AND ${win(p)} AND ${inBox(q.viewport, p)}
                  GROUP BY floor((lat + 90) / ${cell}::float8), floor((lon + 180) / ${cell}::float8)
                  ORDER BY n DESC, first LIMIT ${MAP_CELL_CAP + 1}) c
            JOIN ${t.events} e ON e.pos = c.first JOIN ${t.docs} d ON d.pos = c.first`;
  });
  const [[c], rows] = await Promise.all([counts, grouped]);
  const ranked = rankCells(
    rows.map((r) => ({ ...r, count: Number(r.n) })),
    MAP_CELL_CAP,
  );
  const cells = ranked.cells.map((r): MapAnswerCell => {
    const place = r.place !== null ? dicts.places[r.place] : undefined;
    const out: MapAnswerCell = {
      lat: r.slat / r.count,
      lon: r.slon / r.count,
      count: r.count,
      first: r.first,
      ...(place !== undefined ? { place } : {}),
    };
    if (r.count === 1 && r.doc !== null) {
      const e = JSON.parse(r.doc) as TimelineEvent;
      out.eventId = r.id;
      out.title = e.title;
      const precision = e.location?.precision;
      if (precision && precision !== 'exact') out.precision = precision;
    }
    return out;
  });
  const placed = Number(c!.placed);
  return {
    matching: Number(c!.matching),
    placed,
    unplaced: Number(c!.unplaced),
    ...(placed > 0
      ? { extent: { west: c!.west!, south: c!.south!, east: c!.east!, north: c!.north! } }
      : {}),
    cells,
    capped: ranked.capped,
    notices,
  };
}
