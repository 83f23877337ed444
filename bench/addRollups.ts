/**
 * Adds the rollups a dataset's current version was ingested before, in SQL from its events table: the word rollups
 * (server/db/schema.ts wordRollupSql) and the lane rollup (laneRollupSql); prints how long each statement took and
 * the tables' sizes. A test-bed tool for kept benchmark databases (a new ingest builds them from memory,
 * server/ingest/rollupRows.ts).
 *
 *   npx tsx bench/addRollups.ts <database-url> [dataset-id]    (default id: bench)
 *
 * Rollups a version has already are left as they are. The reader role (when it exists) is granted read access.
 */
import pg from 'pg';
import {
  laneRollupIndexes,
  laneRollupSql,
  READER_ROLE,
  SCHEMA,
  tables,
  wordRollupSql,
} from '../server/db/schema';

async function main() {
  const [url, id = 'bench'] = process.argv.slice(2);
  if (!url) throw new Error('usage: npx tsx bench/addRollups.ts <database-url> [dataset-id]');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ds = await client.query<{ version: string; event_count: number }>(
      `SELECT version, event_count FROM ${SCHEMA}.datasets WHERE id = $1`,
      [id],
    );
    const row = ds.rows[0];
    if (!row) throw new Error(`No dataset ${id}.`);
    const t = tables(row.version);
    const sets = [
      {
        name: 'word rollups',
        tables: [t.wordPairs, t.wordDays],
        sql: () => wordRollupSql(row.version, row.event_count),
      },
      {
        name: 'lane rollup',
        tables: [t.laneDays],
        sql: () => [
          ...laneRollupSql(row.version, row.event_count),
          ...laneRollupIndexes(row.version),
        ],
      },
    ];
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [READER_ROLE]);
    for (const set of sets) {
      const have = await client.query('SELECT to_regclass($1) AS t', [set.tables[0]]);
      if (have.rows[0].t !== null) {
        console.log(`${id} (version ${row.version}) has its ${set.name} already.`);
        continue;
      }
      const t0 = performance.now();
      for (const sql of set.sql()) {
        const s = performance.now();
        await client.query(sql);
        console.log(
          `${((performance.now() - s) / 1000).toFixed(1)} s ${sql.replace(/\s+/g, ' ').slice(0, 100)}`,
        );
      }
      if (role.rows.length > 0)
        await client.query(`GRANT SELECT ON ${set.tables.join(', ')} TO ${READER_ROLE}`);
      const sizes = await client.query<{ t: string; bytes: string; n: string }>(
        `SELECT x AS t, pg_total_relation_size(x::regclass) AS bytes,
                (SELECT reltuples::bigint FROM pg_class WHERE oid = x::regclass) AS n
           FROM unnest($1::text[]) x`,
        [set.tables],
      );
      console.log(`Built the ${set.name} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
      for (const r of sizes.rows)
        console.log(`${r.t}: ${(Number(r.bytes) / 2 ** 20).toFixed(0)} MB, ${r.n} rows`);
    }
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
