import type { PoolClient } from 'pg';
import { MS_PER_DAY } from '../../src/domain/dates';

/**
 * Where Chronoscope keeps its data in PostgreSQL. One catalog table lists the datasets; each ingest of a dataset
 * writes its own set of tables (`d<version>_…`), and the catalog row points at the current one. An ingest fills and
 * indexes its new set unpublished (no catalog row points at it), then swaps the pointer and drops the old set in one
 * transaction, so readers see the old version or the new one, never a mix; a failed ingest removes its set, and the
 * set of an interrupted one is removed by the next ingest (dropOrphanVersions).
 *
 * The events table holds only what filters, facets, buckets and the map read (codes, times, arrays, coordinates);
 * what only list rows, items, details and phrases need (title, JSON, searchable text) sits in `docs`, joined by `pos`
 * for the few rows shown. A scan of the narrow table reads a fifth of the bytes the single wide one did.
 *
 * Citus: every per-version table carries `pos` (the event's position in time order) and can be distributed by it
 * with the others co-located; there are no foreign keys between tables. See docs/server.md.
 */
export const SCHEMA = 'chronoscope';

/** The role the API connects as: it may read, never write (docs/server.md says how to create it). */
export const READER_ROLE = 'chronoscope_reader';

/** A dataset id: what `?data=server:<id>` and the API paths carry. Kept to link-safe letters. */
export const DATASET_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The catalog, created once (idempotent). */
export const CATALOG_DDL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA ${SCHEMA};
DO $$ BEGIN
  CREATE COLLATION ${SCHEMA}.natural (provider = icu, locale = 'en-u-ks-level1-kn', deterministic = false);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SEQUENCE IF NOT EXISTS ${SCHEMA}.version_seq;
CREATE TABLE IF NOT EXISTS ${SCHEMA}.datasets (
  id text PRIMARY KEY,
  version bigint NOT NULL,
  title text NOT NULL,
  public boolean NOT NULL DEFAULT false,
  event_count integer NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  meta jsonb NOT NULL
);
`;

/** Table names of one ingested version. */
export function tables(version: number | bigint | string) {
  const p = `${SCHEMA}.d${String(version)}_`;
  return {
    events: `${p}events`,
    docs: `${p}docs`,
    entities: `${p}entities`,
    values: `${p}values`,
    words: `${p}words`,
    pairs: `${p}pairs`,
    days: `${p}days`,
    wordPairs: `${p}wpairs`,
    wordDays: `${p}wdays`,
    laneDays: `${p}ldays`,
  };
}

/**
 * Dimension codes of the rollup tables (`pairs`, `days`): `all` is every event, the others an event's value in that
 * dimension (an actor, a tag, a type, place or precision code, or its entity-type bits as one pattern).
 */
export const ROLLUP_DIM = {
  all: -1,
  actor: 0,
  tag: 1,
  type: 2,
  place: 3,
  prec: 4,
  etypes: 5,
  word: 6,
} as const;

/**
 * Which words get rollups (`wpairs`, `wdays`): the most frequent words of the text index, at most `maxWords`, each
 * held by at least `minShare` of the events. A text query's scan costs its matches, so below that share it stays
 * within the targets at ten million events, and above it a word is worth its rows; the cap bounds `wdays` at
 * `maxWords` rows per day of the extent.
 */
export const WORD_ROLLUP = { maxWords: 1000, minShare: 0.002 } as const;

/**
 * Which values get lane rollups (`ldays`): the actors and tags held by at least `minShare` of the events, at most
 * `maxKeys` of them (the most frequent first), each counted by day per value of every lane dimension (type, place)
 * of at most `maxValues` values. A view filtered on such a value, or excluding such an actor, and drawn in type or
 * place lanes then has its lanes' day profiles without scanning its events (queryView.ts laneParts). Below that
 * share an actor's events scan within the targets at ten million events; the caps bound `ldays` at
 * `maxKeys × maxValues` rows per day of the extent for each lane dimension.
 */
export const LANE_ROLLUP = { maxKeys: 32, minShare: 0.01, maxValues: 64 } as const;

/** The fewest events a lane rollup's actor or tag holds in a dataset of `size` events. */
export const laneRollupMinEvents = (size: number) =>
  Math.max(1, Math.ceil(size * LANE_ROLLUP.minShare));

/** The fewest events a rollup word holds in a dataset of `size` events. */
export const wordRollupMinEvents = (size: number) =>
  Math.max(1, Math.ceil(size * WORD_ROLLUP.minShare));

/** A word that is not digits alone (numbers are most of a large corpus's distinct words). */
export const LETTERED = "word !~ '^[0-9]+$'";

/**
 * An event's three UTC day numbers in SQL, as `days` keys them: its start's day (s), its last millisecond's (e1),
 * and its end's (e2; an end at midnight belongs to the day before).
 */
export const DAY_KEYS = {
  s: `floor(start_ms / ${MS_PER_DAY})`,
  e1: `floor((end_ms - 1) / ${MS_PER_DAY})`,
  e2: `(ceil(end_ms / ${MS_PER_DAY}) - 1)`,
} as const;

/**
 * The rollups as SQL over the events table (each statement stands alone), into `into`'s tables (the version's own by
 * default), without their indexes. The ingest writes the same rows from memory (server/ingest/rollupRows.ts
 * `pairRows`, `valueDayRows`), which the integration test checks against these statements.
 *
 * `pairs (da, va, db, vb, n)`: how many events have value va in dimension da and vb in db, for every dimension
 * against every one-value dimension and actors against tags, both ways round, plus each value with itself (its
 * total). A view filtered on one dimension reads its facets and count here instead of scanning the events.
 *
 * `days (dim, val, d, cs, c1, c2, tiny, odd)`: per value and UTC day number d, how many events start before the
 * end of day d (cs), have their last millisecond (c1) or their end (c2, an end at midnight belonging to the day
 * before) by then; `tiny` counts the events starting on day d whose last millisecond falls on the day before (an
 * instant at midnight), `odd` those ending on day d within a millisecond after its midnight. An overlap count over
 * any window is two such lookups plus its two partial edge days read from the events, and a day-aligned bucket's
 * count one lookup per bound (rollups.ts).
 */
export function rollupSql(
  version: number | bigint | string,
  into: { pairs: string; days: string } = tables(version),
): string[] {
  const t = tables(version);
  const D = ROLLUP_DIM;
  const singles = ['type', 'place', 'prec', 'etypes'] as const;
  // Pairs of one-value dimensions (and `all`) from one GROUP BY of the events' value combinations.
  const cube = 'c';
  const single = singles.flatMap((a) => [
    `SELECT ${D.all}::smallint, 0, ${D[a]}::smallint, ${a}, sum(n) FROM ${cube} WHERE ${a} IS NOT NULL GROUP BY ${a}`,
    ...singles.map(
      (b) =>
        `SELECT ${D[a]}::smallint, ${a}, ${D[b]}::smallint, ${b}, sum(n) FROM ${cube}
         WHERE ${a} IS NOT NULL AND ${b} IS NOT NULL GROUP BY ${a}, ${b}`,
    ),
  ]);
  // An array dimension against the one-value ones, `all` and itself (its totals).
  const multi = (col: 'actors' | 'tags', dim: number) => [
    `SELECT ${D.all}::smallint, 0, ${dim}::smallint, x, count(*) FROM ${t.events}, unnest(${col}) x GROUP BY x`,
    `SELECT ${dim}::smallint, x, ${dim}::smallint, x, count(*) FROM ${t.events}, unnest(${col}) x GROUP BY x`,
    ...singles.flatMap((b) => [
      `SELECT ${dim}::smallint, x, ${D[b]}::smallint, ${b}, count(*) FROM ${t.events}, unnest(${col}) x
       WHERE ${b} IS NOT NULL GROUP BY x, ${b}`,
    ]),
  ];
  const pairRows = [
    `SELECT ${D.all}::smallint, 0, ${D.all}::smallint, 0, count(*) FROM ${t.events}`,
    ...single,
    ...multi('actors', D.actor),
    ...multi('tags', D.tag),
    `SELECT ${D.actor}::smallint, a, ${D.tag}::smallint, g, count(*)
     FROM ${t.events}, unnest(actors) a, unnest(tags) g GROUP BY a, g`,
  ];
  // The one-value dimensions to an array dimension: the same rows the other way round.
  const pairs = `CREATE TABLE ${into.pairs} AS
    WITH c AS (SELECT type, place, prec, etypes, count(*) AS n FROM ${t.events} GROUP BY 1, 2, 3, 4),
    p (da, va, db, vb, n) AS (${pairRows.join('\n UNION ALL ')})
    SELECT da, va, db, vb, n::bigint FROM p
    UNION ALL SELECT db, vb, da, va, n::bigint FROM p
      WHERE da IN (${D.actor}, ${D.tag}) AND db NOT IN (${D.all}) AND da <> db
    ORDER BY 1, 2, 3, 4`;
  const sets = [
    perValue(D.all, '0', t.events),
    ...singles.map((a) => perValue(D[a], a, `${t.events} WHERE ${a} IS NOT NULL`)),
    perValue(D.actor, 'x', `${t.events}, unnest(actors) x`),
    perValue(D.tag, 'x', `${t.events}, unnest(tags) x`),
  ];
  return [pairs, daysTable(into.days, sets)];
}

/** A pairs and a days table (of the values' or the words' rollups), empty: the ingest fills them with COPY. */
function pairsAndDaysDdl(pairs: string, days: string): string {
  return `
CREATE TABLE ${pairs} (da smallint, va integer, db smallint, vb integer, n bigint);
CREATE TABLE ${days} (dim smallint, val integer, d double precision, cs bigint, c1 bigint, c2 bigint,
  tiny integer, odd integer);`;
}

/** The rollups' tables, empty. */
export function rollupDdl(version: number | bigint | string): string {
  const t = tables(version);
  return pairsAndDaysDdl(t.pairs, t.days);
}

/**
 * Per event and value: three day keys (its start day, the day of its last millisecond, its end day), counted in
 * one hash aggregate per dimension; the running sums then make every lookup one row.
 */
function perValue(dim: number, val: string, from: string) {
  return perKey([`${dim}::smallint AS dim`, `${val} AS val`], from);
}

/** perValue's day counts by any key: `key` is its columns, each `<expression> AS <name>`, read from `from`. */
function perKey(key: string[], from: string) {
  const names = key.map((k) => k.slice(k.lastIndexOf(' AS ') + 4)).join(', ');
  const keys = `${DAY_KEYS.s} AS s, ${DAY_KEYS.e1} AS e1, ${DAY_KEYS.e2} AS e2`;
  return `SELECT ${names}, x.d, count(*) FILTER (WHERE x.k = 0) AS ns,
            count(*) FILTER (WHERE x.k = 1) AS n1, count(*) FILTER (WHERE x.k = 2) AS n2,
            count(*) FILTER (WHERE x.k = 0 AND e1 < s) AS tiny, count(*) FILTER (WHERE x.k = 2 AND e2 <> e1) AS odd
       FROM (SELECT ${key.join(', ')}, ${keys} FROM ${from}) ev
       CROSS JOIN LATERAL (VALUES (0, s), (1, e1), (2, e2)) x (k, d)
      GROUP BY ${names}, x.d`;
}

/** A days table from perKey's per-day counts (keyed by `key`'s columns): running sums per key. */
function daysTable(table: string, sets: string[], key = 'dim, val'): string {
  // The aggregates hold a row per value and day: memory for them, for this statement only.
  return `SET work_mem = '1GB';
  CREATE TABLE ${table} AS
    SELECT ${key}, d,
           sum(ns) OVER w::bigint AS cs, sum(n1) OVER w::bigint AS c1, sum(n2) OVER w::bigint AS c2,
           tiny::integer, odd::integer
      FROM (${sets.join('\n UNION ALL ')}) byDay
    WINDOW w AS (PARTITION BY ${key} ORDER BY d) ORDER BY ${key}, d;
  RESET work_mem`;
}

/**
 * The lane rollup, `ldays (xd, xv, dim, val, d, cs, c1, c2, tiny, odd)`: for each of the most frequent actors and
 * tags (LANE_ROLLUP; `xd` its dimension, `xv` its code), its events' running day counts (as `days`) per value of
 * each lane dimension (type, place) of at most LANE_ROLLUP.maxValues values. The ingest writes the same rows from
 * memory (server/ingest/rollupRows.ts laneDayRows); these statements build them from the events table, into `into`,
 * without its index.
 */
export function laneRollupSql(
  version: number | bigint | string,
  size: number,
  into = tables(version).laneDays,
): string[] {
  const t = tables(version);
  const D = ROLLUP_DIM;
  const chosen = `${SCHEMA}.d${String(version)}_lkeys`;
  const held = (dim: number, col: string) =>
    `SELECT ${dim}::smallint AS xd, x AS xv, count(*) AS n FROM ${t.events}, unnest(${col}) x GROUP BY x`;
  const sets = (['type', 'place'] as const).flatMap((lane) =>
    (
      [
        [D.actor, 'actors'],
        [D.tag, 'tags'],
      ] as const
    ).map(([dim, col]) =>
      perKey(
        ['k.xd AS xd', 'k.xv AS xv', `${D[lane]}::smallint AS dim`, `e.${lane} AS val`],
        `${t.events} e CROSS JOIN LATERAL unnest(e.${col}) x JOIN ${chosen} k ON k.xd = ${dim} AND k.xv = x
          WHERE e.${lane} IS NOT NULL
            AND (SELECT count(*) FROM ${t.values} WHERE dim = '${lane}') <= ${LANE_ROLLUP.maxValues}`,
      ),
    ),
  );
  return [
    `CREATE TABLE ${chosen} AS SELECT xd, xv FROM (${held(D.actor, 'actors')} UNION ALL ${held(D.tag, 'tags')}) c
       WHERE n >= ${laneRollupMinEvents(size)} ORDER BY n DESC, xd, xv LIMIT ${LANE_ROLLUP.maxKeys}`,
    daysTable(into, sets, 'xd, xv, dim, val'),
    `DROP TABLE ${chosen}`,
  ];
}

/** The lane rollup's table, empty (the ingest fills it with COPY). */
export function laneRollupDdl(version: number | bigint | string): string {
  return `CREATE TABLE ${tables(version).laneDays} (xd smallint, xv integer, dim smallint, val integer,
    d double precision, cs bigint, c1 bigint, c2 bigint, tiny integer, odd integer)`;
}

/** The lane rollup's index and statistics. */
export function laneRollupIndexes(version: number | bigint | string): string[] {
  const t = tables(version);
  return [
    `CREATE INDEX d${String(version)}_ldays_key ON ${t.laneDays} (xd, xv, dim, val, d) INCLUDE (cs, c1, c2, tiny, odd)`,
    `ANALYZE ${t.laneDays}`,
  ];
}

/**
 * The word rollups, `wpairs (da, va, db, vb, n)` and `wdays` (as `pairs` and `days`, `da`/`dim` always
 * ROLLUP_DIM.word): for each rollup word (WORD_ROLLUP), its total (with itself) and its events' counts by actor, tag,
 * type, place, precision and entity-type pattern; its running day counts. One direction only: no facet counts
 * words. The ingest writes the same rows from memory (server/ingest/rollupRows.ts); these statements build them
 * from the events table, for versions ingested before (bench/addRollups.ts).
 */
export function wordRollupSql(version: number | bigint | string, size: number): string[] {
  const t = tables(version);
  const d = `d${String(version)}`;
  const W = ROLLUP_DIM.word;
  const freq = `${SCHEMA}.${d}_wfreq`;
  const ew = `${t.events} e, unnest(e.words) w WHERE w IN (SELECT w FROM ${freq})`;
  const single = (['type', 'place', 'prec', 'etypes'] as const).map(
    (b) =>
      `SELECT ${W}::smallint, w, ${ROLLUP_DIM[b]}::smallint, ${b}, count(*) FROM ${ew} AND ${b} IS NOT NULL GROUP BY w, ${b}`,
  );
  return [
    `CREATE TABLE ${freq} AS SELECT w, count(*) AS n FROM ${t.events}, unnest(words) w GROUP BY w
       HAVING count(*) >= ${wordRollupMinEvents(size)} ORDER BY count(*) DESC, w LIMIT ${WORD_ROLLUP.maxWords}`,
    `CREATE TABLE ${t.wordPairs} AS
       SELECT ${W}::smallint AS da, w AS va, ${W}::smallint AS db, w AS vb, n::bigint FROM ${freq}
       UNION ALL ${[
         ...single,
         `SELECT ${W}::smallint, w, ${ROLLUP_DIM.actor}::smallint, a, count(*) FROM ${t.events} e, unnest(e.words) w,
            unnest(e.actors) a WHERE w IN (SELECT w FROM ${freq}) GROUP BY w, a`,
         `SELECT ${W}::smallint, w, ${ROLLUP_DIM.tag}::smallint, g, count(*) FROM ${t.events} e, unnest(e.words) w,
            unnest(e.tags) g WHERE w IN (SELECT w FROM ${freq}) GROUP BY w, g`,
       ].join('\n UNION ALL ')}`,
    `${daysTable(t.wordDays, [perValue(W, 'w', ew)])}`,
    `DROP TABLE ${freq}`,
    ...wordRollupIndexes(version),
  ];
}

/** The word rollups' tables, empty (the ingest fills them with COPY). */
export function wordRollupDdl(version: number | bigint | string): string {
  const t = tables(version);
  return pairsAndDaysDdl(t.wordPairs, t.wordDays);
}

/** Indexes of the word rollups, as those of `pairs` and `days`, and their statistics. */
export function wordRollupIndexes(version: number | bigint | string): string[] {
  const t = tables(version);
  const d = `d${String(version)}`;
  return [
    `CREATE INDEX ${d}_wpairs_key ON ${t.wordPairs} (da, va, db) INCLUDE (vb, n)`,
    `CREATE INDEX ${d}_wdays_key ON ${t.wordDays} (dim, val, d) INCLUDE (cs, c1, c2, tiny, odd)`,
    `ANALYZE ${t.wordPairs}`,
    `ANALYZE ${t.wordDays}`,
  ];
}

/**
 * The tables of one version, without indexes (these are built after the rows are in, which is faster), one
 * statement per table: the ingest creates and fills them on two connections at once.
 */
export function versionDdl(version: number | bigint | string) {
  const t = tables(version);
  return {
    events: `
CREATE TABLE ${t.events} (
  pos integer NOT NULL,
  id text NOT NULL,
  start_ms double precision NOT NULL,
  end_ms double precision NOT NULL,
  long boolean NOT NULL,
  prec smallint NOT NULL,
  type integer,
  place integer,
  etypes smallint NOT NULL,
  actors integer[] NOT NULL,
  tags integer[] NOT NULL,
  words integer[] NOT NULL,
  lat double precision,
  lon double precision
);`,
    docs: `
CREATE TABLE ${t.docs} (
  pos integer NOT NULL,
  search text NOT NULL,
  title text NOT NULL,
  actor_names text,
  doc text NOT NULL
);`,
    entities: `
CREATE TABLE ${t.entities} (
  code integer PRIMARY KEY,
  id text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  doc text NOT NULL
);`,
    values: `
CREATE TABLE ${t.values} (
  dim text NOT NULL,
  code integer NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (dim, code)
);`,
    words: `
CREATE TABLE ${t.words} (
  code integer PRIMARY KEY,
  word text NOT NULL
);`,
  };
}

/** The events' columns a value's index holds besides its key (see versionIndexes). */
const COVERED = ['end_ms', 'long', 'pos', 'type', 'place', 'prec', 'etypes', 'actors', 'tags'];

/** Indexes of one version, built once its rows are in. */
export function versionIndexes(version: number | bigint | string): string[] {
  const t = tables(version);
  const d = `d${String(version)}`;
  return [
    `ALTER TABLE ${t.events} ADD CONSTRAINT ${d}_events_pos PRIMARY KEY (pos)`,
    `ALTER TABLE ${t.docs} ADD CONSTRAINT ${d}_docs_pos PRIMARY KEY (pos)`,
    `CREATE INDEX ${d}_events_start ON ${t.events} (start_ms)`,
    `CREATE INDEX ${d}_events_long ON ${t.events} (start_ms) WHERE long`,
    `CREATE INDEX ${d}_events_id ON ${t.events} (id)`,
    // A type, place or precision, and its events in start order: a date range within one value (or a window
    // over it) is an index range per value rather than every event of the range filtered by value. Each index
    // holds what the count, facets, histogram, buckets and a list page read of an event (COVERED), so a view
    // filtered on one of them reads its matches from the index alone (COPY FREEZE leaves every page all-visible)
    // rather than from pages spread over the whole table.
    ...(['type', 'place', 'prec'] as const).map(
      (key) =>
        `CREATE INDEX ${d}_events_${key} ON ${t.events} (${key}, start_ms) INCLUDE (${COVERED.filter((c) => c !== key).join(', ')})`,
    ),
    `CREATE INDEX ${d}_events_actors ON ${t.events} USING gin (actors)`,
    `CREATE INDEX ${d}_events_tags ON ${t.events} USING gin (tags)`,
    `CREATE INDEX ${d}_events_words ON ${t.events} USING gin (words)`,
    `CREATE INDEX ${d}_entities_id ON ${t.entities} (id)`,
    `CREATE INDEX ${d}_values_value ON ${t.values} (dim, value)`,
    `CREATE INDEX ${d}_words_word ON ${t.words} (word text_pattern_ops)`,
    `CREATE INDEX ${d}_words_len ON ${t.words} (length(word))`,
    // The typo lookup of a query word without digits skips the words of digits alone (queryView.ts lookUpWords).
    `CREATE INDEX ${d}_words_len_lettered ON ${t.words} (length(word)) WHERE ${LETTERED}`,
    // A window's edge: the events ending within the day of its start (see queryView.ts windowCount).
    `CREATE INDEX ${d}_events_end ON ${t.events} (end_ms)`,
    // The rollups, filled from memory in the transaction that wrote the rows (rollupRows.ts copyValueRollups).
    `CREATE INDEX ${d}_pairs_key ON ${t.pairs} (da, va, db) INCLUDE (vb, n)`,
    `CREATE INDEX ${d}_days_key ON ${t.days} (dim, val, d) INCLUDE (cs, c1, c2, tiny, odd)`,
  ];
}

/** Drops every table of one version. */
export function dropVersion(version: number | bigint | string): string {
  const t = tables(version);
  return `DROP TABLE IF EXISTS ${t.events}, ${t.docs}, ${t.entities}, ${t.values}, ${t.words}, ${t.pairs}, ${t.days}, ${t.wordPairs}, ${t.wordDays}, ${t.laneDays}`;
}

/**
 * Versions being written hold a session advisory lock on (VERSION_LOCK, version) from before their first table
 * until they are published or removed; a version with tables, no catalog row and no lock holder is what an
 * interrupted ingest left behind.
 */
const VERSION_LOCK = 0x4368_726f; // "Chro"

/** Marks a version as being written by this session (released when the session ends, however it ends). */
export async function lockVersion(client: PoolClient, version: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1, $2)', [VERSION_LOCK, Number(version)]);
}

/**
 * Drops the tables of versions no catalog row points at and no running ingest holds (see VERSION_LOCK): readers
 * never saw them. Returns the versions dropped.
 */
export async function dropOrphanVersions(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT DISTINCT substring(c.relname FROM '^d([0-9]+)_') AS v
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = $1 AND c.relkind = 'r' AND c.relname ~ '^d[0-9]+_'`,
    [SCHEMA],
  );
  const dropped: string[] = [];
  for (const { v } of rows as { v: string }[]) {
    const free = await client.query('SELECT pg_try_advisory_lock($1, $2) AS ok', [
      VERSION_LOCK,
      Number(v),
    ]);
    if (!free.rows[0].ok) continue;
    try {
      // Asked again under the lock: an ingest that published this version just before is seen now.
      const current = await client.query(`SELECT 1 FROM ${SCHEMA}.datasets WHERE version = $1`, [
        v,
      ]);
      if (current.rows.length === 0) {
        await client.query(dropVersion(v));
        dropped.push(v);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [VERSION_LOCK, Number(v)]);
    }
  }
  return dropped;
}

/** Creates the catalog when missing, and lets the reader role (when it exists) read what is there. */
export async function ensureCatalog(client: PoolClient): Promise<void> {
  await client.query(CATALOG_DDL);
}

/** Grants the reader role read access to a version's tables and the catalog, when the role exists. */
export async function grantReader(
  client: PoolClient,
  version: number | bigint | string,
): Promise<void> {
  const { rows } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [READER_ROLE]);
  if (rows.length === 0) return;
  const t = tables(version);
  await client.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${READER_ROLE}`);
  const present = await client.query<{ t: string | null }>(
    'SELECT CASE WHEN to_regclass(x) IS NOT NULL THEN x END AS t FROM unnest($1::text[]) x',
    [[t.wordPairs, t.wordDays, t.laneDays]],
  );
  // The rollups a version ingested before them lacks.
  const later = present.rows.flatMap((r) => (r.t === null ? [] : [`, ${r.t}`])).join('');
  await client.query(
    `GRANT SELECT ON ${SCHEMA}.datasets, ${t.events}, ${t.docs}, ${t.entities}, ${t.values}, ${t.words}, ${t.pairs}, ${t.days}${later} TO ${READER_ROLE}`,
  );
}

/**
 * The tables a dataset's queries read. Versions ingested before the events table was split in two keep title, JSON
 * and searchable text in the events table itself: their `docs` is that table (the join by `pos` still holds).
 */
export function datasetTables(ds: { version: string; meta: { docs?: boolean } }) {
  const t = tables(ds.version);
  return { ...t, docs: ds.meta.docs ? t.docs : t.events };
}
