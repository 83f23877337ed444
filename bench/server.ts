/**
 * The server's benchmark: synthetic events (bench/synthetic.ts) ingested into a throwaway PostgreSQL cluster, then
 * the API driven over HTTP with a mix of filter changes and pans. npm run bench:server -- [events] (default 100000).
 * Prints JSON figures; docs/server.md holds the latest run. With BENCH_DATABASE_URL, drives the dataset `bench`
 * already ingested there (by an earlier run's ingest of the same size) and skips generating and ingesting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EMPTY_FILTERS } from '../src/domain/filters';
import { DEFAULT_VIEW, serialiseViewState, type ViewState } from '../src/url/viewState';
import { apiPool } from '../server/db/pool';
import { SCHEMA } from '../server/db/schema';
import { parseTokens } from '../server/http/access';
import { createApp } from '../server/http/app';
import { ingest } from '../server/ingest/ingest';
import { freePort, startCluster } from '../server/test/pgCluster';
import { mulberry32, writeSyntheticFile } from './synthetic';

const n = Number(process.argv[2] ?? 100_000);
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chronoscope-bench-'));
  const given = process.env.BENCH_DATABASE_URL;
  const cluster = given ? undefined : startCluster(await freePort());
  const url = given ?? cluster!.url;
  const figures: Record<string, number | string> = { events: n };
  try {
    if (!given) await ingestFigures(dir, url, figures);
    await queryFigures(url, figures);
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures, null, 2));
}

async function ingestFigures(dir: string, url: string, figures: Record<string, number | string>) {
  const file = join(dir, `synthetic-${n}.json`);
  await writeSyntheticFile(file, n);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // The ingest's own lines (each phase and how long it took) go to stderr, beside the JSON figures on stdout.
  await ingest(
    { source: file, id: 'bench', public: true },
    url,
    (line) => console.error(`[ingest ${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`),
    { progress: false, timings: true },
  );
  const ingestMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  // Node's CPU seconds are the ingest's own work whatever else the machine runs; PostgreSQL's are not counted.
  figures['ingest Node CPU s per million events'] = +(
    (cpu.user + cpu.system) /
    1e6 /
    (n / 1e6)
  ).toFixed(1);
  figures['ingest s (read, validate, index, COPY, indexes)'] = +(ingestMs / 1000).toFixed(1);
  figures['ingest events/s'] = Math.round(n / (ingestMs / 1000));
  figures['ingest peak RSS MB'] = Math.round(peakRss / 2 ** 20);

  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const size = await admin.query(
    `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname = $1 AND c.relkind = 'r'`,
    [SCHEMA],
  );
  figures['disk MB per million events'] = Math.round(
    Number(size.rows[0].bytes) / 2 ** 20 / (n / 1e6),
  );
  await admin.end();
}

async function queryFigures(url: string, figures: Record<string, number | string>) {
  const pool = apiPool(url);
  const server = createApp({
    pool,
    access: parseTokens(''),
    log: () => {},
    limits: { perSecond: 1e6, burst: 1e6 },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/datasets/bench`;
  const meta = (await (await fetch(base)).json()) as { extent: { start: number; end: number } };
  let timeouts = 0;
  const post = async (body: object) => {
    const res = await fetch(`${base}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.json();
    // A statement past the API's timeout answers 503: counted, its time kept as it was (the timeout).
    if (res.status === 503) timeouts++;
    else if (res.status !== 200) throw new Error(`query answered ${res.status}`);
  };
  // As the server workspace asks: on a filter change both halves side by side (the matches without the window,
  // what the window draws), timed until both are in; on a pan only what the window draws.
  const ask = async (view: ViewState, window: { start: number; end: number }, pan: boolean) => {
    const t = performance.now();
    const drawn = post({
      view: serialiseViewState({ ...view, from: window.start, to: window.end }),
      widthPx: 1600,
      limit: 0,
      parts: 'window',
    });
    await Promise.all([
      drawn,
      pan ? undefined : post({ view: serialiseViewState(view), limit: 50, parts: 'matches' }),
    ]);
    return performance.now() - t;
  };
  const rnd = mulberry32(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // A realistic mix: one or two filters at a time, popular and rare actors, text, dates.
  const filterSets: Partial<ViewState>[] = [
    {},
    { actors: ['actor-3'] },
    { actors: ['actor-250'] },
    { types: ['type-2'] },
    { tags: ['tag-7'], group: 'actor' },
    { q: 'convoy' },
    { q: 'artilery' },
    { actors: ['actor-3', 'actor-40'], match: 'all' },
    { since: '2018', until: '2019-06', types: ['type-5'] },
    { xactors: ['actor-0'], group: 'type' },
    { prec: ['day'], places: ['Place 12'] },
  ];
  const full = meta.extent;
  const span = full.end - full.start;
  // BENCH_ONLY (a pattern) keeps the kinds whose link parameters match it; BENCH_CHANGES sets how many filter
  // changes are driven (default 40): for reading one kind's figures, not for the table's.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  const kinds = filterSets.filter(
    (set) =>
      !only ||
      only.test(serialiseViewState({ ...DEFAULT_VIEW, ...EMPTY_FILTERS, ...set } as ViewState)),
  );
  const changes = Number(process.env.BENCH_CHANGES ?? 40);
  const filterTimes: number[] = [];
  const panTimes: number[] = [];
  // Per filter set (its link parameters), to say which kinds of view the time goes to.
  const byKind = new Map<string, { filter: number[]; pan: number[] }>();
  for (let k = 0; k < changes; k++) {
    const set = pick(kinds);
    const kind =
      serialiseViewState({ ...DEFAULT_VIEW, ...EMPTY_FILTERS, ...set } as ViewState) || '(none)';
    const times = byKind.get(kind) ?? { filter: [], pan: [] };
    byKind.set(kind, times);
    const view = { ...DEFAULT_VIEW, ...EMPTY_FILTERS, ...set } as ViewState;
    const width = span * pick([1, 0.25, 0.05, 0.005]);
    let start = full.start + rnd() * (span - width);
    const t = await ask(view, { start, end: start + width }, false);
    filterTimes.push(t);
    times.filter.push(t);
    for (let p = 0; p < 4; p++) {
      start += width * 0.1;
      const t = await ask(view, { start, end: start + width }, true);
      panTimes.push(t);
      times.pan.push(t);
    }
  }
  // j/k: three steps from a window's start under each kind of view, each from the event the one before chose,
  // as the keys walk (the first one of a view also reads its filters' codes).
  const stepTimes: number[] = [];
  for (const set of kinds) {
    const view = serialiseViewState({ ...DEFAULT_VIEW, ...EMPTY_FILTERS, ...set } as ViewState);
    const start = full.start + rnd() * span * 0.9;
    let selected: string | undefined;
    for (let s = 0; s < 3; s++) {
      const t = performance.now();
      const res = await fetch(`${base}/step`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          view,
          dir: 1,
          window: { start, end: start + span * 0.05 },
          ...(selected ? { selected } : {}),
        }),
      });
      const { row } = (await res.json()) as { row: { event: { id: string } } | null };
      stepTimes.push(performance.now() - t);
      selected = row?.event.id;
    }
  }
  figures['step (j/k) p50 ms'] = Math.round(percentile(stepTimes, 0.5));
  figures['step (j/k) p95 ms'] = Math.round(percentile(stepTimes, 0.95));
  // An export: the matches of one popular actor, streamed whole and read as the app reads them.
  {
    const t = performance.now();
    const res = await fetch(`${base}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ view: 'actor=actor-3' }),
    });
    const text = await res.text();
    const s = (performance.now() - t) / 1000;
    const events = text.split('\n').filter((l) => l.startsWith('{"e":')).length;
    figures['export of actor=actor-3: events'] = events;
    figures['export of actor=actor-3: s (events/s)'] =
      `${s.toFixed(1)} (${Math.round(events / s)})`;
    figures['export of actor=actor-3: MB'] = Math.round(text.length / 2 ** 20);
  }
  if (process.env.BENCH_KINDS)
    for (const [kind, t] of byKind)
      figures[`${kind}: filter max, pan p50/max ms`] =
        `${Math.round(Math.max(...t.filter))}, ${Math.round(percentile(t.pan, 0.5))}/${Math.round(Math.max(...t.pan))}`;
  figures['answers past the statement timeout (503)'] = timeouts;
  figures['filter change p50 ms'] = Math.round(percentile(filterTimes, 0.5));
  figures['filter change p95 ms'] = Math.round(percentile(filterTimes, 0.95));
  figures['pan p50 ms'] = Math.round(percentile(panTimes, 0.5));
  figures['pan p95 ms'] = Math.round(percentile(panTimes, 0.95));
  await new Promise<void>((r) => server.close(() => r()));
  await pool.end();
}

await main();
