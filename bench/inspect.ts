/**
 * What bench/profile.ts and bench/longtasks.ts share: a server for the production build and a synthetic dataset,
 * and source locations through the build's source maps.
 */
import { createServer, type Server } from 'node:http';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { syntheticDocument } from './synthetic';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench/.data');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves dist/ and a synthetic dataset of `n` events (generated once into bench/.data); returns the page URL. */
export async function servePage(port: number, n: number): Promise<{ server: Server; url: string }> {
  mkdirSync(DATA, { recursive: true });
  const dataFile = join(DATA, `synthetic-${n}.json`);
  if (!existsSync(dataFile)) writeFileSync(dataFile, syntheticDocument(n));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [dir, rel] = path.startsWith('/bench-data/')
      ? [DATA, path.slice('/bench-data/'.length)]
      : [resolve(ROOT, process.env.BENCH_DIST ?? 'dist'), path.slice(1) || 'index.html'];
    const file = join(dir, normalize(rel));
    if (!existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const data = encodeURIComponent(`/bench-data/synthetic-${n}.json`);
  return { server, url: `http://127.0.0.1:${port}/?data=${data}` };
}

const maps = new Map<string, SourceMapConsumer | null>();

/** "src/domain/query.ts:171 name" for a position in a built asset (line 1-based, column 0-based). */
export function sourceLocation(url: string, line: number, column: number): string {
  const name = url.split('/').pop() ?? '';
  if (!maps.has(name)) {
    const f = join(resolve(ROOT, process.env.BENCH_DIST ?? 'dist'), 'assets', `${name}.map`);
    maps.set(
      name,
      existsSync(f) ? new SourceMapConsumer(JSON.parse(readFileSync(f, 'utf8'))) : null,
    );
  }
  const m = maps.get(name);
  if (!m) return `${name}:${line}:${column + 1}`;
  const p = m.originalPositionFor({ line, column });
  const source = (p.source ?? '?').replace(/^.*node_modules\//, '~/').replace(/^(\.\.\/)+/, '');
  return `${source}:${p.line} ${p.name ?? ''}`.trim();
}
