/**
 * Global setup of the server e2e (playwright.server.config.ts): a throwaway PostgreSQL cluster, two datasets
 * ingested with `npm run ingest`'s CLI (one public, one private), and `npm run server`'s entry on the built app,
 * on free ports in temporary directories, so that it runs beside other checkouts. Returns the teardown.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { freePort, startCluster, type Cluster } from '../../server/test/pgCluster';
import { READER_ROLE } from '../../server/db/schema';
import { SERVER_E2E } from './serverE2e';

function ingest(url: string, file: string, id: string, extra: string[]): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/ingest/main.ts', file, '--id', id, ...extra],
    { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ingest of ${file} failed (${r.status}): ${r.stderr}`);
}

async function waitFor(url: string, server: ChildProcess, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url} within ${ms / 1000} s`);
}

export default async function setup(): Promise<() => Promise<void>> {
  const dist = resolve(process.env.E2E_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html')))
    throw new Error(`No built app in ${dist}: run npm run build (or set E2E_DIST) first.`);
  let cluster: Cluster | undefined;
  let server: ChildProcess | undefined;
  const teardown = async () => {
    if (server && server.exitCode === null) {
      const gone = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    cluster?.stop();
  };
  try {
    cluster = startCluster(await freePort());
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${READER_ROLE} LOGIN`);
    await admin.end();
    ingest(cluster.url, 'public/data/ucdp-ukraine.json', SERVER_E2E.publicId, [
      '--public',
      '--title',
      'UCDP on the server',
    ]);
    ingest(cluster.url, 'fixtures/files/acled-sample.csv', SERVER_E2E.privateId, [
      '--title',
      'ACLED (private)',
    ]);
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: cluster.url.replace(/\/\/[^@]+@/, `//${READER_ROLE}@`),
        PORT: String(port),
        CHRONOSCOPE_TOKENS: SERVER_E2E.token,
        CHRONOSCOPE_DIST: dist,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/datasets`, server);
    process.env.CHRONOSCOPE_E2E_BASE = base;
  } catch (e) {
    await teardown();
    throw e;
  }
  return teardown;
}
