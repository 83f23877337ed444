import type { Pool, PoolClient } from 'pg';
import type { Filters } from '../../src/domain/filters';
import { ENTITY_TYPES, PRECISIONS } from '../../src/domain/types';
import type { DatasetRecord } from './catalog';
import { ROLLUP_DIM, tables } from './schema';
import type { DimKey, Params } from './queryView';

/**
 * Answers from the rollup tables (schema.ts `pairs`, `days`) for views whose filters are sums of rollup keys: no
 * filter, or one dimension filtered by values that no event holds two of (types, places, precisions, entity-type
 * bits), by one actor or one tag, or by one excluded actor (every event minus that actor's). Everything else scans
 * the events table.
 */

const DAY = 86_400_000;

/** One rollup key set, added (sign 1) or taken away (sign -1). */
export interface RollupTerm {
  dim: number;
  /** The values of `dim` summed (absent for `all`). */
  codes?: number[];
  /** Entity-type bits: the patterns sharing any of them. */
  bits?: number;
  sign: 1 | -1;
}

/** The view as rollup terms, when its filters allow (see above); else undefined. */
export function rollupTerms(
  active: readonly DimKey[],
  f: Filters,
  inc: number[],
  exc: number[],
  codes: { type?: number[]; place?: number[]; tag?: number[] },
  etypeBits: number,
): RollupTerm[] | undefined {
  if (active.length === 0) return [{ dim: ROLLUP_DIM.all, sign: 1 }];
  if (active.length > 1) return undefined;
  const distinct = (xs: number[]) => [...new Set(xs)];
  switch (active[0]) {
    case 'actor': {
      const i = distinct(inc);
      const x = distinct(exc);
      if (i.length === 1 && x.length === 0) return [{ dim: ROLLUP_DIM.actor, codes: i, sign: 1 }];
      if (i.length === 0 && x.length === 1)
        return [
          { dim: ROLLUP_DIM.all, sign: 1 },
          { dim: ROLLUP_DIM.actor, codes: x, sign: -1 },
        ];
      return undefined;
    }
    case 'tag': {
      const t = distinct(codes.tag ?? []);
      return t.length === 1 ? [{ dim: ROLLUP_DIM.tag, codes: t, sign: 1 }] : undefined;
    }
    case 'type':
    case 'place': {
      const c = distinct(codes[active[0]] ?? []);
      return c.length > 0 ? [{ dim: ROLLUP_DIM[active[0]], codes: c, sign: 1 }] : undefined;
    }
    case 'prec':
      return [
        {
          dim: ROLLUP_DIM.prec,
          codes: distinct(f.prec.map((x) => PRECISIONS.indexOf(x))),
          sign: 1,
        },
      ];
    case 'etype':
      return [{ dim: ROLLUP_DIM.etypes, bits: etypeBits, sign: 1 }];
    default:
      return undefined;
  }
}

/** A term's rows in a rollup table whose dimension and value columns are `dim` and `val`. */
function termSql(t: RollupTerm, p: Params, dim: string, val: string): string {
  const on = `${dim} = ${t.dim}`;
  if (t.codes) return `${on} AND ${val} = ANY(${p.add(t.codes)}::int[])`;
  if (t.bits !== undefined) return `${on} AND (${val} & ${p.add(t.bits)}::int) <> 0`;
  return on;
}

/** Whether a value of the term's own dimension is one of its values. */
function termHolds(t: RollupTerm, dim: number, v: number): boolean {
  if (dim !== t.dim) return false;
  if (t.codes) return t.codes.includes(v);
  if (t.bits !== undefined) return (v & t.bits) !== 0;
  return true;
}

/** Whether a version has its rollups: versions ingested before them answer by scanning, as before. */
const present = new Map<string, Promise<boolean>>();
export function hasRollups(db: Pool | PoolClient, ds: DatasetRecord): Promise<boolean> {
  if (ds.meta.rollups === false) return Promise.resolve(false);
  const t = tables(ds.version);
  const key = `${ds.version}\u0000${ds.ingestedAt}`;
  let hit = present.get(key);
  if (!hit) {
    hit = db
      .query<{ p: string | null; d: string | null }>(
        'SELECT to_regclass($1)::text AS p, to_regclass($2)::text AS d',
        [t.pairs, t.days],
      )
      .then((r) => r.rows[0]?.p != null && r.rows[0]?.d != null);
    present.set(key, hit);
    hit.catch(() => present.delete(key));
    if (present.size > 256) present.delete(present.keys().next().value!);
  }
  return hit;
}

/** The count and every dimension's counts (by code; entity types by bit pattern) under the view, from `pairs`. */
export async function rollupCounts(
  run: <R extends object>(sql: (p: Params) => string) => Promise<R[]>,
  pairs: string,
  terms: RollupTerm[],
): Promise<{ count: number; byDim: Map<number, Map<number, number>> }> {
  const rows = await run<{ k: number; db: number; vb: number; n: string }>((p) =>
    terms
      .map(
        (t, k) =>
          `SELECT ${k} AS k, db, vb, sum(n) AS n FROM ${pairs} WHERE ${termSql(t, p, 'da', 'va')} GROUP BY db, vb`,
      )
      .join(' UNION ALL '),
  );
  let count = 0;
  const byDim = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const t = terms[r.k]!;
    const n = t.sign * Number(r.n);
    if (t.dim === ROLLUP_DIM.all ? r.db === ROLLUP_DIM.all : termHolds(t, r.db, r.vb)) count += n;
    let m = byDim.get(r.db);
    if (!m) byDim.set(r.db, (m = new Map()));
    m.set(r.vb, (m.get(r.vb) ?? 0) + n);
  }
  return { count, byDim };
}

/** Counts by name of one dimension's codes, without the values no matching event holds. */
export function named(m: Map<number, number> | undefined, name: (v: number) => string) {
  const out: Record<string, number> = {};
  for (const [v, n] of m ?? []) if (n !== 0) out[name(v)] = n;
  return out;
}

/** Entity-type counts from bit patterns' counts. */
export function patternsToTypes(m: Map<number, number> | undefined) {
  const out: Record<string, number> = {};
  for (const [v, n] of m ?? [])
    for (let t = 0, bits = v; bits !== 0; bits >>>= 1, t++)
      if (bits & 1 && n !== 0) out[ENTITY_TYPES[t]!] = (out[ENTITY_TYPES[t]!] ?? 0) + n;
  return out;
}

/** Whether every bound is a UTC midnight: then day rollups count exactly what the events would. */
export const dayAligned = (bounds: readonly number[]) =>
  bounds.every((b) => Number.isFinite(b) && b % DAY === 0);

/** The days rows of the terms, with `n` signed, restricted by `cond` (written against the days table). */
function daysRows(
  p: Params,
  days: string,
  terms: RollupTerm[],
  cols: string,
  cond: (p: Params) => string,
): string {
  return terms
    .map(
      (t) =>
        `SELECT ${cols}, n * ${t.sign} AS n FROM ${days} WHERE ${termSql(t, p, 'dim', 'val')} AND ${cond(p)}`,
    )
    .join(' UNION ALL ');
}

/** Matching events by start in day-aligned bins (histogram.ts), from `days`. */
export async function rollupHistogram(
  run: <R extends object>(sql: (p: Params) => string) => Promise<R[]>,
  days: string,
  terms: RollupTerm[],
  bounds: number[],
): Promise<{ k: number; n: string }[]> {
  const nb = bounds.length - 1;
  return run((p) => {
    const b = p.add(bounds);
    const lo = p.add(bounds[0]! / DAY);
    const hi = p.add(bounds[nb]! / DAY);
    return `SELECT width_bucket(s * ${DAY}, ${b}::float8[]) - 1 AS k, sum(n) AS n
            FROM (${daysRows(p, days, terms, 's', () => `s >= ${lo}::float8 AND s < ${hi}::float8`)}) r GROUP BY 1`;
  });
}

/**
 * The events of the view overlapping [from, to): whole days inside from `days`, and the events starting on the
 * day of `to` or ending on the day of `from` counted exactly (an index range each). An event's start day s and
 * overlap end day e2 (the day of its last millisecond, or the next when `odd`) settle it unless s is the day of `to`
 * or e2 the day of `from`.
 */
export async function rollupWindowCount(
  run: <R extends object>(sql: (p: Params) => string) => Promise<R[]>,
  t: { days: string; events: string },
  terms: RollupTerm[],
  where: (p: Params) => string,
  window: { start: number; end: number },
  shortSpan: number,
): Promise<number> {
  const df = Math.floor(window.start / DAY);
  const dt = Math.floor(window.end / DAY);
  const lo = Math.floor((window.start - shortSpan) / DAY) - 1;
  const [r] = await run<{ n: string }>((p) => {
    const from = p.add(window.start);
    const to = p.add(window.end);
    const dfp = p.add(df);
    const dtp = p.add(dt);
    const inner = spanRows(
      p,
      t.days,
      terms,
      's',
      `s < ${dtp}::float8 AND e + odd::int > ${dfp}::float8`,
      lo,
    );
    return `SELECT (SELECT coalesce(sum(n), 0) FROM (${inner}) r)
      + (SELECT count(*) FROM ${t.events} WHERE ${where(p)} AND start_ms >= ${dtp}::float8 * ${DAY}
           AND start_ms < ${to}::float8 AND end_ms > ${from}::float8)
      + (SELECT count(*) FROM ${t.events} WHERE ${where(p)} AND end_ms > ${from}::float8
           AND end_ms <= (${dfp}::float8 + 1) * ${DAY} AND start_ms < ${dtp}::float8 * ${DAY}) AS n`;
  });
  return Number(r!.n);
}

/** Rows meeting `cond` whose start is from day `lo` on, or that are long (those may start any time before). */
function spanRows(
  p: Params,
  days: string,
  terms: RollupTerm[],
  cols: string,
  cond: string,
  lo: number,
) {
  const lop = p.add(lo);
  return [
    daysRows(p, days, terms, cols, () => `${cond} AND s >= ${lop}::float8`),
    daysRows(p, days, terms, cols, () => `${cond} AND s < ${lop}::float8 AND long`),
  ].join(' UNION ALL ');
}

/**
 * Day-aligned buckets (levelOfDetail.ts bucketPlan's rule: an event counts from the bucket of its start, or the
 * first, to that of its last millisecond, or the last), as runs of buckets with counts, from `days`. Short events
 * start at most `shortSpan` before the first bound; the long ones are read whatever their start.
 */
export async function rollupBucketRuns(
  run: <R extends object>(sql: (p: Params) => string) => Promise<R[]>,
  days: string,
  terms: RollupTerm[],
  bounds: number[],
  shortSpan: number,
): Promise<{ f: number; l: number; n: string }[]> {
  const nb = bounds.length - 1;
  const b0 = bounds[0]! / DAY;
  const bN = bounds[nb]! / DAY;
  const lo = Math.floor((bounds[0]! - shortSpan) / DAY) - 1;
  return run((p) => {
    const b = p.add(bounds);
    const first = p.add(b0);
    const last = p.add(bN);
    const rows = spanRows(
      p,
      days,
      terms,
      's, e',
      `s < ${last}::float8 AND e + odd::int >= ${first}::float8`,
      lo,
    );
    return `SELECT width_bucket(GREATEST(s, ${first}::float8) * ${DAY}, ${b}::float8[]) - 1 AS f,
                   width_bucket(LEAST(e, ${last}::float8 - 1) * ${DAY}, ${b}::float8[]) - 1 AS l, sum(n) AS n
            FROM (${rows}) r GROUP BY 1, 2`;
  });
}
