import type { Pool, PoolClient } from 'pg';
import type { Filters } from '../../src/domain/filters';
import { MS_PER_DAY } from '../../src/domain/dates';
import { ENTITY_TYPES, PRECISIONS } from '../../src/domain/types';
import type { DatasetRecord } from './catalog';
import { KeptAnswers } from './kept';
import { ROLLUP_DIM, tables } from './schema';
import type { DimKey, Params, Run } from './queryView';

/**
 * Answers from the rollup tables (schema.ts `pairs`, `days`) for views whose filters are sums of rollup keys: no
 * filter, or one dimension filtered by values that no event holds two of (types, places, precisions, entity-type
 * bits), by one actor or one tag, or by one excluded actor (every event minus that actor's), or by text that is one
 * query word resolving to one rollup word (`wpairs`, `wdays`). Everything else scans the events table.
 */

const DAY = MS_PER_DAY;

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
  codes: { type?: number[]; place?: number[]; tag?: number[]; word?: number },
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
    case 'text':
      return codes.word === undefined
        ? undefined
        : [{ dim: ROLLUP_DIM.word, codes: [codes.word], sign: 1 }];
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

/**
 * The one word code a text query stands for, when it is one query word (no quoted phrase) whose prefix and typo
 * lookup found exactly one indexed word: then its matches are that word's events, a rollup key. Several query
 * words are an intersection, and one word matching several indexed words (`convoy`: `convoy`, `convoys`) a union
 * of sets that may overlap: neither is a sum of keys.
 */
export function singleWord(text: { codes: number[][]; phrases: string[] }): number | undefined {
  const [first, ...rest] = text.codes;
  return text.phrases.length === 0 && rest.length === 0 && first?.length === 1
    ? first[0]
    : undefined;
}

/** How many views were answered from the word rollups (the integration test checks that they are). */
export const wordRollupAnswers = { count: 0 };

/**
 * The rollup terms a version can answer (or undefined): those of rollupTerms when the version has its rollups, and
 * for a word, when the word is one of the version's rollup words.
 */
export async function usableTerms(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  terms: RollupTerm[] | undefined,
  /** Whether these terms answer the whole view (counted in wordRollupAnswers), not one facet of it. */
  wholeView = true,
): Promise<RollupTerm[] | undefined> {
  if (!terms || !(await hasRollups(db, ds))) return undefined;
  const word = terms.find((t) => t.dim === ROLLUP_DIM.word);
  if (!word) return terms;
  if (!(await isRollupWord(db, ds, word.codes![0]!))) return undefined;
  if (wholeView) wordRollupAnswers.count++;
  return terms;
}

/**
 * Whether a word is one of a version's rollup words: one index probe of `wpairs` (its row with itself), after one
 * check per version that the tables exist (a version ingested before them has none and answers text by scanning).
 */
const wordTables = new KeptAnswers<boolean>(256);
async function isRollupWord(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  code: number,
): Promise<boolean> {
  const t = tables(ds.version);
  if (!(await wordTables.ask(versionKey(ds), () => tablesExist(db, t.wordPairs, t.wordDays))))
    return false;
  const { rows } = await db.query(
    `SELECT 1 FROM ${t.wordPairs} WHERE da = $1 AND va = $2 AND db = $1 LIMIT 1`,
    [ROLLUP_DIM.word, code],
  );
  return rows.length > 0;
}

/**
 * Whether a version's lane rollup (`ldays`) holds an actor's or a tag's events by a lane dimension: one index probe,
 * after one check per version that the table exists (versions ingested before it scan). A key that is not one of
 * the rollup's, or whose events hold no value of that dimension, has no rows: its lanes are scanned, as before.
 * Kept by version and key (the answers never change for a version).
 */
const laneTables = new KeptAnswers<boolean>(256);
const laneKeys = new KeptAnswers<boolean>(4096);
export async function inLaneRollup(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  xd: number,
  xv: number,
  dim: number,
): Promise<boolean> {
  const t = tables(ds.version);
  const version = versionKey(ds);
  if (!(await laneTables.ask(version, () => tablesExist(db, t.laneDays)))) return false;
  return laneKeys.ask(`${version}\u0000${xd}\u0000${xv}\u0000${dim}`, async () => {
    const { rows } = await db.query(
      `SELECT 1 FROM ${t.laneDays} WHERE xd = $1 AND xv = $2 AND dim = $3 LIMIT 1`,
      [xd, xv, dim],
    );
    return rows.length > 0;
  });
}

/**
 * The key of what never changes for an ingested version (its tables are never rewritten): asked once and kept
 * (KeptAnswers) by it.
 */
export const versionKey = (ds: DatasetRecord) => `${ds.version}\u0000${ds.ingestedAt}`;

/** Whether every one of these tables exists. */
async function tablesExist(db: Pool | PoolClient, ...names: string[]): Promise<boolean> {
  const r = await db.query<{ all: boolean }>(
    'SELECT bool_and(to_regclass(x) IS NOT NULL) AS all FROM unnest($1::text[]) x',
    [names],
  );
  return r.rows[0]?.all === true;
}

/** Whether a version has its rollups: versions ingested before them answer by scanning, as before. */
const present = new KeptAnswers<boolean>(256);
export function hasRollups(db: Pool | PoolClient, ds: DatasetRecord): Promise<boolean> {
  if (ds.meta.rollups === false) return Promise.resolve(false);
  const t = tables(ds.version);
  return present.ask(versionKey(ds), () => tablesExist(db, t.pairs, t.days));
}

/** The count and every dimension's counts (by code; entity types by bit pattern) under the view, from `pairs`. */
export async function rollupCounts(
  run: Run,
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

/**
 * At a day number: the events starting before it (cs), with their last millisecond (c1) or end (c2) before it, and
 * the `tiny` and `odd` counts of that day itself (schema.ts `days`).
 */
export interface DayCounts {
  cs: number;
  c1: number;
  c2: number;
  tiny: number;
  odd: number;
}

/**
 * Where the counts at day numbers come from: the `days` rollup summed over a view's terms (`fromDays`), or a
 * view's own day profile (viewProfile.ts).
 */
export type DaySource = (dayNumbers: number[]) => Promise<DayCounts[]>;

/** The counts at day numbers of the events the terms sum, from `days`. */
export const fromDays =
  (run: Run, days: string, terms: RollupTerm[]): DaySource =>
  (dayNumbers) =>
    atDays(run, days, terms, dayNumbers);

/** For each day number, the signed sums over the terms' values of `days` (DayCounts). */
async function atDays(
  run: Run,
  days: string,
  terms: RollupTerm[],
  dayNumbers: number[],
): Promise<DayCounts[]> {
  const rows = await run<{
    k: string;
    cs: string;
    c1: string;
    c2: string;
    tiny: string;
    odd: string;
  }>((p) => {
    const keys = terms
      .map((t) => {
        const sign = t.sign === 1 ? 1 : -1;
        if (t.codes)
          return `SELECT ${t.dim} AS dim, v AS val, ${sign} AS sign FROM unnest(${p.add(t.codes)}::int[]) v`;
        if (t.bits !== undefined)
          return `SELECT DISTINCT ${t.dim}, val, ${sign} FROM ${days} WHERE dim = ${t.dim} AND (val & ${p.add(t.bits)}::int) <> 0`;
        return `SELECT ${t.dim}, 0, ${sign}`;
      })
      .join(' UNION ALL ');
    return `WITH keys (dim, val, sign) AS (${keys})
        SELECT b.k, sum(k.sign * coalesce(x.cs, 0)) AS cs, sum(k.sign * coalesce(x.c1, 0)) AS c1,
               sum(k.sign * coalesce(x.c2, 0)) AS c2, sum(k.sign * coalesce(y.tiny, 0)) AS tiny,
               sum(k.sign * coalesce(y.odd, 0)) AS odd
          FROM unnest(${p.add(dayNumbers)}::float8[]) WITH ORDINALITY b (d, k) CROSS JOIN keys k
          LEFT JOIN LATERAL (SELECT cs, c1, c2 FROM ${days}
                              WHERE dim = k.dim AND val = k.val AND d < b.d ORDER BY d DESC LIMIT 1) x ON true
          LEFT JOIN ${days} y ON y.dim = k.dim AND y.val = k.val AND y.d = b.d
         GROUP BY b.k`;
  });
  const out = dayNumbers.map(() => ({ cs: 0, c1: 0, c2: 0, tiny: 0, odd: 0 }));
  for (const r of rows)
    out[Number(r.k) - 1] = {
      cs: Number(r.cs),
      c1: Number(r.c1),
      c2: Number(r.c2),
      tiny: Number(r.tiny),
      odd: Number(r.odd),
    };
  return out;
}

/** The running counts at day-aligned bounds (epoch ms on UTC midnights), one row per bound. */
function atBounds(src: DaySource, bounds: number[]) {
  return src(bounds.map((b) => b / DAY));
}

/** Matching events by start in day-aligned bins (histogram.ts): differences of starts before each bound. */
export async function rollupHistogram(src: DaySource, bounds: number[]): Promise<number[]> {
  const at = await atBounds(src, bounds);
  return at.slice(1).map((x, k) => x.cs - at[k]!.cs);
}

/**
 * The events of the view overlapping [from, to): those starting before `to` less those ending by `from` (an event
 * ends no earlier than it starts). Whole days come from `days`; the events starting on the day of `to` before it,
 * and those ending on the day of `from` by it, are counted from the events (an index range each).
 */
export async function rollupWindowCount(
  run: Run,
  events: string,
  src: DaySource,
  where: (p: Params) => string,
  window: { start: number; end: number },
): Promise<number> {
  const df = Math.floor(window.start / DAY);
  const dt = Math.floor(window.end / DAY);
  const [whole, edges] = await Promise.all([
    src([dt, df]),
    run<{ n: string }>((p) => {
      const from = p.add(window.start);
      const to = p.add(window.end);
      return `SELECT (SELECT count(*) FROM ${events} WHERE ${where(p)}
                        AND start_ms >= ${p.add(dt * DAY)}::float8 AND start_ms < ${to}::float8)
                   - (SELECT count(*) FROM ${events} WHERE ${where(p)}
                        AND end_ms > ${p.add(df * DAY)}::float8 AND end_ms <= ${from}::float8) AS n`;
    }),
  ]);
  return whole[0]!.cs - whole[1]!.c2 + Number(edges[0]!.n);
}

/**
 * Day-aligned buckets by levelOfDetail.ts bucketPlan's rule (an event counts from the bucket of its start, or the
 * first, to that of its last millisecond, or the last, and at least in the first): bucket k holds the events
 * starting before its end less those whose last millisecond is before its start, plus the instants at its start
 * (for the first bucket: the events ending within a millisecond after it).
 */
export async function rollupBuckets(src: DaySource, bounds: number[]): Promise<number[]> {
  const at = await atBounds(src, bounds);
  return at.slice(1).map((x, k) => x.cs - at[k]!.c1 + (k === 0 ? at[0]!.odd : at[k]!.tiny));
}

/** How many facets were answered by rollupRangeCounts (the integration test checks that they are). */
export const rangeFacetAnswers = { count: 0 };

/**
 * One dimension's counts by value among the events overlapping [from, to), a date range with no other filter, by
 * rollupWindowCount's rule for every value at once: those starting before `to` less those ending by `from`, each
 * a lookup in `days` per value for the whole days, plus the events starting on the day of `to` before it, less
 * those ending on the day of `from` by it, read from the events (an index range each).
 */
export async function rollupRangeCounts(
  run: Run,
  t: { pairs: string; days: string; events: string },
  dim: number,
  /** The events table's column of the dimension, and whether it is an array (actors, tags). */
  column: { name: string; array: boolean },
  range: { from: number; to: number },
): Promise<Map<number, number>> {
  rangeFacetAnswers.count++;
  const rows = await run<{ val: number; n: string }>((p) => {
    const d = p.add(dim);
    const dt = Math.floor(range.to / DAY);
    const df = Math.floor(range.from / DAY);
    const [to, from] = [p.add(range.to), p.add(range.from)];
    const [toDay, fromDay] = [p.add(dt * DAY), p.add(df * DAY)];
    const before = (col: string, day: number) =>
      `coalesce((SELECT ${col} FROM ${t.days} y WHERE y.dim = ${d}::int AND y.val = k.val
                   AND y.d < ${p.add(day)}::float8 ORDER BY y.d DESC LIMIT 1), 0)`;
    const value = column.array ? `unnest(e.${column.name})` : `e.${column.name}`;
    const starts = `e.start_ms >= ${toDay}::float8 AND e.start_ms < ${to}::float8`;
    const ends = `e.end_ms > ${fromDay}::float8 AND e.end_ms <= ${from}::float8`;
    return `SELECT val, sum(n) AS n FROM (
              SELECT k.val, ${before('cs', dt)} - ${before('c2', df)} AS n
                FROM (SELECT vb AS val FROM ${t.pairs} WHERE da = ${ROLLUP_DIM.all} AND va = 0
                         AND db = ${d}::int) k
              UNION ALL
              SELECT v, count(*) FILTER (WHERE s) - count(*) FILTER (WHERE en)
                FROM (SELECT ${value} AS v, ${starts} AS s, ${ends} AS en FROM ${t.events} e
                       WHERE (${starts}) OR (${ends})) x
               WHERE v IS NOT NULL GROUP BY v) c
            GROUP BY val`;
  });
  const out = new Map<number, number>();
  for (const r of rows) out.set(r.val, Number(r.n));
  return out;
}
