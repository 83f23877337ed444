import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian installs PostgreSQL's server programs, newest version first (override with PG_BIN). */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      "PostgreSQL server programs not found: install Debian's postgresql package (.ci/run does) or set PG_BIN.",
    );
  return join(root, versions[0]!, 'bin');
}
const PG_BIN = pgBin();

/** A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp dir, started on a port, removed by stop(). */
export interface Cluster {
  port: number;
  /** Connection string of the superuser (the ingest's role in tests). */
  url: string;
  /** Stops the server, keeping its data (the database "going away"). */
  pause(): void;
  /** Starts it again after pause(). */
  resume(): void;
  stop(): void;
}

/** A TCP port nobody listens on just now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** initdb refuses to run as root: then every server program runs as the unprivileged `postgres` user. */
function run(cmd: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const file = asRoot ? 'runuser' : join(PG_BIN, cmd);
  const argv = asRoot ? ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args] : args;
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function startCluster(port: number): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'chronoscope-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const user = process.getuid?.() === 0 ? 'postgres' : (process.env.USER ?? 'postgres');
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
  start();
  let stopped = false;
  return {
    port,
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    pause: () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync(
        process.getuid?.() === 0 ? 'runuser' : join(PG_BIN, 'pg_ctl'),
        process.getuid?.() === 0
          ? ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']
          : ['-D', data, '-m', 'fast', '-w', 'stop'],
        { stdio: 'ignore' },
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
