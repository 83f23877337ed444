/**
 * A TEST-BED TOOL, not part of the product: makes an ingested dataset `factor` times larger in place, so the
 * server's queries can be measured at sizes the ingest does not reach yet (npm run bench:server against it).
 *
 *   DATABASE_URL=postgres://… npx tsx bench/inflateDataset.ts <dataset-id> <factor>
 *
 * Each copy k (1 … factor-1) repeats every event and its doc with a new position (pos + k·N) and id (`<id>~k`),
 * shifted in time by k whole extents (rounded up to whole days, so the copies keep their calendar days); the words
 * table gains the number words a generated dataset of that size would have (bench/synthetic.ts puts each event's
 * ordinal in its title), so typo lookups scan as many words. The copies' JSON keeps the original dates (the list
 * and details of a copy show them); everything the filters, facets, buckets and histogram read is shifted.
 * Then the version's rollups and indexes are rebuilt (server/db/schema.ts rollupSql, versionIndexes), the tables vacuumed, and
 * the catalog's counts, extent and unfiltered facets scaled. With factor 1 it only rebuilds indexes and rollups,
 * which gives a dataset ingested before the rollups existed its rollups.
 */
import pg from 'pg';
import { rollupSql, SCHEMA, tables, versionIndexes } from '../server/db/schema';
import type { DatasetMeta } from '../server/db/catalog';

const DAY = 86_400_000;

async function main() {
  const [id, factorArg] = process.argv.slice(2);
  const factor = Number(factorArg);
  const url = process.env.DATABASE_URL;
  if (!id || !Number.isInteger(factor) || factor < 1 || !url) {
    console.error(
      'usage: DATABASE_URL=… npx tsx bench/inflateDataset.ts <dataset-id> <factor ≥ 1>',
    );
    process.exitCode = 2;
    return;
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const say = (s: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${s}`);
  try {
    await db.query('SET client_min_messages = warning');
    await db.query('SET maintenance_work_mem = "1GB"');
    const { rows } = await db.query<{ version: string; event_count: number; meta: DatasetMeta }>(
      `SELECT version, event_count, meta FROM ${SCHEMA}.datasets WHERE id = $1`,
      [id],
    );
    const ds = rows[0];
    if (!ds) throw new Error(`no dataset ${id}`);
    const t = tables(ds.version);
    const n = ds.event_count;
    const ext = ds.meta.extent;
    if (!ext) throw new Error('the dataset has no extent');
    const shift = (Math.ceil((ext.end - ext.start) / DAY) + 1) * DAY;

    say(`dropping the indexes and rollups of version ${ds.version}`);
    await db.query(`DROP TABLE IF EXISTS ${t.pairs}, ${t.days}`);
    const idx = await db.query<{ name: string; con: string | null; tbl: string }>(
      `SELECT i.relname AS name, c.conname AS con, r.relname AS tbl
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class r ON r.oid = x.indrelid
         JOIN pg_namespace s ON s.oid = r.relnamespace LEFT JOIN pg_constraint c ON c.conindid = i.oid
        WHERE s.nspname = $1 AND r.relname = ANY($2)`,
      [SCHEMA, [t.events, t.docs, t.words].map((x) => x.split('.')[1])],
    );
    // With factor 1 the rows stay: the indexes too, and only what is missing is built.
    for (const r of factor > 1 ? idx.rows : []) {
      // The words table's primary key comes with the table itself (versionDdl), not versionIndexes.
      if (r.tbl.endsWith('_words') && r.con) continue;
      await db.query(
        r.con
          ? `ALTER TABLE ${SCHEMA}.${r.tbl} DROP CONSTRAINT ${r.con}`
          : `DROP INDEX ${SCHEMA}.${r.name}`,
      );
    }

    if (factor > 1) {
      say(`copying ${n.toLocaleString('en')} events ${factor - 1} times`);
      await db.query(
        `INSERT INTO ${t.events}
         SELECT pos + k * $1, id || '~' || k, start_ms + k * $2::float8, end_ms + k * $2::float8, long, prec, type,
                place, etypes, actors, tags, words, lat, lon
           FROM ${t.events}, generate_series(1, $3) k WHERE pos < $1`,
        [n, shift, factor - 1],
      );
      say('copying the docs');
      await db.query(
        `INSERT INTO ${t.docs}
         SELECT pos + k * $1, search, title, actor_names,
                regexp_replace(doc, '"id":"((?:[^"\\\\]|\\\\.)*)"', '"id":"\\1~' || k || '"')
           FROM ${t.docs}, generate_series(1, $2) k WHERE pos < $1`,
        [n, factor - 1],
      );
      say('adding the number words of the larger dataset');
      await db.query(
        `INSERT INTO ${t.words}
         SELECT m.c + i - $1 + 1, i::text FROM (SELECT max(code) AS c FROM ${t.words}) m,
                generate_series($1::bigint, $2::bigint - 1) i`,
        [n, n * factor],
      );
    }

    say('rebuilding indexes and rollups');
    // The rollups in SQL (the ingest writes them from memory, which this tool does not have), then every index.
    for (const ddl of [...rollupSql(ds.version), ...versionIndexes(ds.version)]) {
      const t0 = performance.now();
      try {
        await db.query(ddl);
        say(
          `  ${((performance.now() - t0) / 1000).toFixed(1)} s  ${ddl.split('\n')[0]!.slice(0, 90)}`,
        );
      } catch (e) {
        // Indexes that were kept (the small tables'; every one with factor 1).
        const code = (e as { code?: string }).code;
        if (code !== '42P07' && code !== '42P16') throw e;
      }
    }
    say('vacuum and analyze');
    for (const table of Object.values(t)) await db.query(`VACUUM ANALYZE ${table}`);

    if (factor > 1) {
      const meta = ds.meta;
      const scale = (m: Record<string, number>) =>
        Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v * factor]));
      const facets = meta.allFacets as unknown as Record<string, Record<string, number>>;
      const next = {
        ...meta,
        recordCount: meta.recordCount * factor,
        extent: { start: ext.start, end: ext.end + (factor - 1) * shift },
        allFacets: Object.fromEntries(Object.entries(facets).map(([k, v]) => [k, scale(v)])),
      };
      await db.query(
        `UPDATE ${SCHEMA}.datasets SET event_count = $2, meta = $3::jsonb WHERE id = $1`,
        [id, n * factor, JSON.stringify(next)],
      );
    }
    say(`done: ${(n * factor).toLocaleString('en')} events`);
  } finally {
    await db.end();
  }
}

await main();
