import type { Pool, PoolClient } from 'pg';
import {
  PROFILE_BINS,
  PROFILE_CO_ACTORS,
  type EntityProfileAnswer,
} from '../../src/domain/entityProfile';
import type { Filters } from '../../src/domain/filters';
import { pgText } from '../ingest/rows';
import type { DatasetRecord } from './catalog';
import { filterConditions, Params, type VersionDicts } from './queryView';
import { datasetTables } from './schema';

/** Entity id → code per version's dictionary, built once. */
const codesOf = new WeakMap<readonly string[], Map<string, number>>();
function entityCode(dicts: VersionDicts, id: string): number | undefined {
  let m = codesOf.get(dicts.entityIds);
  if (!m) {
    m = new Map(dicts.entityIds.map((e, i) => [e, i]));
    codesOf.set(dicts.entityIds, m);
  }
  return m.get(pgText(id));
}

/**
 * An entity's profile among the events matching the view's filters, as the browser's `entityProfileAnswer`
 * (src/domain/entityProfile.ts): the count, first and last seen, the sparkline's bins over the dataset's extent and
 * the most frequent co-actors. Two statements side by side, every value a parameter; undefined for an entity the
 * version does not hold.
 */
export async function queryProfile(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
  entityId: string,
): Promise<EntityProfileAnswer | undefined> {
  const code = entityCode(dicts, entityId);
  if (code === undefined) return undefined;
  const t = datasetTables(ds);
  const { conds } = await filterConditions(db, ds, dicts, f);
  const where = (p: Params) =>
    [...conds.values(), (q: Params) => `actors @> ARRAY[${q.add(code)}::int]`]
      .map((c) => `(${c(p)})`)
      .join(' AND ');
  const run = async <R extends object>(sql: (p: Params) => string) => {
    const p = new Params();
    const text = sql(p);
    return (await db.query(text, p.values)).rows as R[];
  };
  const ext = ds.meta.extent;
  // profileBin's arithmetic, in float8 as in JavaScript: the same bin for the same start.
  const bin = (p: Params) =>
    ext
      ? `LEAST(${PROFILE_BINS - 1}, GREATEST(0, floor(((start_ms - ${p.add(ext.start)}::float8)
           / ${p.add(Math.max(1, ext.end - ext.start))}::float8) * ${PROFILE_BINS})))::int`
      : '0';
  const [binned, co] = await Promise.all([
    run<{ b: number; n: string; lo: number; hi: number }>(
      (p) => `SELECT ${bin(p)} AS b, count(*) AS n, min(start_ms) AS lo, max(start_ms) AS hi
              FROM ${t.events} WHERE ${where(p)} GROUP BY 1`,
    ),
    run<{ x: number; n: string }>(
      (p) => `SELECT x, count(*) AS n FROM ${t.events}, unnest(actors) x
              WHERE ${where(p)} AND x <> ${p.add(code)}::int
              GROUP BY x ORDER BY count(*) DESC, x LIMIT ${PROFILE_CO_ACTORS}`,
    ),
  ]);
  const bins = new Array<number>(PROFILE_BINS).fill(0);
  let count = 0;
  let firstSeen: number | undefined;
  let lastSeen: number | undefined;
  for (const r of binned) {
    const n = Number(r.n);
    count += n;
    if (ext) bins[r.b]! += n;
    if (firstSeen === undefined || r.lo < firstSeen) firstSeen = r.lo;
    if (lastSeen === undefined || r.hi > lastSeen) lastSeen = r.hi;
  }
  return {
    // The entities' own ids and names (the dictionary's columns hold them as PostgreSQL text).
    entityId: dicts.entities[code]!.id,
    count,
    ...(firstSeen !== undefined ? { firstSeen, lastSeen: lastSeen! } : {}),
    bins,
    coActors: co.map((r) => ({
      id: dicts.entities[r.x]!.id,
      name: dicts.entities[r.x]!.name,
      count: Number(r.n),
    })),
  };
}
