/**
 * Where a view's answer spends its time: runs one query as the API would (both halves, or one with --part), times
 * every statement it sends, then prints each statement's EXPLAIN ANALYZE, slowest first. A tool for reading plans,
 * not a benchmark.
 *
 *   DATABASE_URL=… npx tsx bench/explain.ts <dataset-id> '<link parameters>' [--window <fraction of the extent>]
 *     [--part matches|window] [--top N]
 */
import type pg from 'pg';
import { parseViewState } from '../src/url/viewState';
import { getDataset } from '../server/db/catalog';
import { apiPool } from '../server/db/pool';
import { loadDicts, queryPart, type QueryOptions } from '../server/db/queryView';

const [id, link = '', ...rest] = process.argv.slice(2);
const arg = (name: string) => {
  const k = rest.indexOf(`--${name}`);
  return k >= 0 ? rest[k + 1] : undefined;
};
if (!id || !process.env.DATABASE_URL) {
  console.error(
    "usage: DATABASE_URL=… npx tsx bench/explain.ts <dataset-id> '<link>' [--window f] [--part p]",
  );
  process.exit(2);
}

// The API's own pool: its session settings (read-only, timeout, work_mem) are the ones measured.
const pool = apiPool(process.env.DATABASE_URL);
const seen: { text: string; values: unknown[]; ms: number }[] = [];
const timed = {
  query: async (text: string, values?: unknown[]) => {
    const t = performance.now();
    const r = await pool.query(text, values);
    seen.push({ text, values: values ?? [], ms: performance.now() - t });
    return r;
  },
} as unknown as pg.Pool;

const ds = (await getDataset(pool, id))!;
const dicts = await loadDicts(pool, ds.version);
const { state } = parseViewState(link);
const extent = ds.meta.extent!;
const fraction = Number(arg('window') ?? 1);
const width = (extent.end - extent.start) * fraction;
const start = extent.start + (extent.end - extent.start - width) / 2;
const options: QueryOptions = {
  group: state.group,
  window: { start, end: start + width },
  lod: { maxVisibleItems: 100, widthPx: 1600, minBucketPx: 56 },
  sort: { key: 'date', descending: false },
  offset: 0,
  limit: 50,
};
const parts = arg('part')
  ? [arg('part') as 'matches' | 'window']
  : (['matches', 'window'] as const);
const t0 = performance.now();
await Promise.all(parts.map((p) => queryPart(timed, ds, dicts, state, options, p)));
console.log(`answer: ${(performance.now() - t0).toFixed(0)} ms, ${seen.length} statements`);
const top = Number(arg('top') ?? 6);
for (const s of [...seen].sort((a, b) => b.ms - a.ms).slice(0, top)) {
  console.log(`\n=== ${s.ms.toFixed(0)} ms ===\n${s.text.replace(/\s+/g, ' ').slice(0, 600)}`);
  const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
  for (const r of plan.rows) console.log(r['QUERY PLAN']);
}
await pool.end();
