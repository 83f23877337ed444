import pg from 'pg';
import assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadDataset } from '../../src/data/read/loadDataset';
import { parseViewState } from '../../src/url/viewState';
import { getDataset } from '../db/catalog';
import { loadDicts, queryView } from '../db/queryView';
import { browserAnswer, browserEngine } from '../test/browserAnswer';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const out = loadDataset(new Uint8Array(readFileSync('public/data/ucdp-ukraine.json')), 'u.json');
if (!out.ok) throw 0;
const eng = browserEngine(out.dataset);
const ds = (await getDataset(pool, 'ucdp'))!;
const dicts = await loadDicts(pool, ds.version);
for (const q of process.argv.slice(2)) {
  const view = parseViewState(q).state;
  const o = { group: view.group, sort: { key: 'title' as const, descending: false }, offset: 0, limit: 20,
    ...(view.from !== undefined ? { window: { start: view.from, end: view.to! } } : {}) };
  const t0 = Date.now();
  const a = await queryView(pool, ds, dicts, view, o);
  const ms = Date.now() - t0;
  const b = browserAnswer(eng, view, o);
  const strip = (x: any) => JSON.parse(JSON.stringify({ ...x, rows: x.rows.map((r: any) => r.position), highlightTerms: undefined }));
  const A = strip(a), B = strip(b);
  let ok = true;
  for (const k of Object.keys(B)) {
    try { assert.deepStrictEqual(A[k], B[k]); } catch (e) { ok = false; console.log(q, k, 'DIFF', (e as Error).message.slice(0, 1500)); }
  }
  console.log(q, ok ? 'OK' : 'FAIL', ms, 'ms', a.count, a.plan?.mode);
}
await pool.end();
