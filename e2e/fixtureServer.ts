/**
 * Serves e2e/fixtures cross-origin (with CORS) on FIXTURE_PORT, so `?data=http://127.0.0.1:4174/x.json` loads
 * the way a dataset on another site would. /no-cors/* omits the CORS header; /stall never answers; /half/synthetic-N.json
 * sends half of a synthetic dataset and then nothing more (a download in progress); /third-party/* and /files/* serve
 * fixtures/third-party and fixtures/files.
 * Hostile downloads, generated as they are sent: /huge streams JSON white space without end; /huge-announced
 * announces 1.2 GB; /gzip-bomb sends about 0.6 MB of gzip that unpacks to 600 MB; /slow?every=ms sends one byte
 * per interval for ever; /spa/* answers every path with an HTML page, as a single-page-app fallback does.
 */
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { syntheticDocument } from '../bench/synthetic.ts';

const root = join(import.meta.dirname, 'fixtures');
const thirdPartyRoot = join(import.meta.dirname, '../fixtures/third-party');
const filesRoot = join(import.meta.dirname, '../fixtures/files');
const port = Number(process.env.FIXTURE_PORT ?? 4174);

const CORS = { 'access-control-allow-origin': '*' };
const MB = 2 ** 20;

/** gzip of a JSON document padded with 600 MB of spaces, built once on first use (it compresses ~1000:1). */
let bomb: Promise<Buffer> | undefined;
function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise((resolve, reject) => {
    const gz = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gz.on('data', (b: Buffer) => out.push(b));
    gz.on('end', () => resolve(Buffer.concat(out)));
    gz.on('error', reject);
    const spaces = Buffer.alloc(MB, 0x20);
    gz.write('{"events":[');
    let i = 0;
    const more = () => {
      while (i < 600) {
        i++;
        if (!gz.write(spaces)) return void gz.once('drain', more);
      }
      gz.end(']}');
    };
    more();
  });
  return bomb;
}

/** Writes `chunk` for ever, as fast as the client reads, until it goes away. */
function endless(res: ServerResponse, chunk: Buffer): void {
  let open = true;
  res.on('close', () => (open = false));
  const more = () => {
    while (open && res.write(chunk));
    if (open) res.once('drain', more);
  };
  more();
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/stall') return; // never answers: the client's timeout must fire
  if (url.pathname === '/huge') {
    res.writeHead(200, { 'content-type': 'application/json', ...CORS });
    res.write('{"events":[');
    return endless(res, Buffer.alloc(MB, 0x20));
  }
  if (url.pathname === '/huge-announced') {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(1200 * MB),
      ...CORS,
    });
    res.write('{"events":[');
    return endless(res, Buffer.alloc(MB, 0x20));
  }
  if (url.pathname === '/gzip-bomb') {
    const body = await gzipBomb();
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': String(body.length),
      ...CORS,
    });
    return void res.end(body);
  }
  if (url.pathname === '/slow') {
    const every = Math.max(50, Number(url.searchParams.get('every')) || 5000);
    res.writeHead(200, { 'content-type': 'application/json', ...CORS });
    res.write('{');
    const timer = setInterval(() => res.write(' '), every);
    res.on('close', () => clearInterval(timer));
    return;
  }
  if (url.pathname.startsWith('/spa/')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...CORS });
    return void res.end(
      '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>An app</title></head>\n<body><div id="root"></div></body>\n</html>\n',
    );
  }
  const half = /^\/half\/synthetic-(\d+)\.json$/.exec(url.pathname);
  if (half) {
    const body = Buffer.from(syntheticDocument(Math.min(Number(half[1]), 200_000)));
    res.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'content-length': body.length,
    });
    res.write(body.subarray(0, body.length >> 1)); // and the connection stays open until the client leaves
    return;
  }
  const synthetic = /^\/synthetic-(\d+)\.json$/.exec(url.pathname);
  if (synthetic) {
    const body = syntheticDocument(Math.min(Number(synthetic[1]), 200_000));
    res.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
    return;
  }
  // Real files from public projects and the files written for the tests (fixtures/).
  const tree = url.pathname.startsWith('/third-party/')
    ? { prefix: '/third-party/', dir: thirdPartyRoot }
    : url.pathname.startsWith('/files/')
      ? { prefix: '/files/', dir: filesRoot }
      : undefined;
  if (tree) {
    const relShared = normalize(decodeURIComponent(url.pathname.slice(tree.prefix.length)));
    if (relShared.startsWith('..')) return void res.writeHead(400).end();
    try {
      const body = await readFile(join(tree.dir, relShared));
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    }
    return;
  }
  const cors = !url.pathname.startsWith('/no-cors/');
  const rel = normalize(url.pathname.replace(/^\/(no-cors\/)?/, ''));
  if (rel.startsWith('..') || rel === '.') {
    res.writeHead(400).end();
    return;
  }
  try {
    const body = await readFile(join(root, rel));
    res.writeHead(200, {
      'content-type': rel.endsWith('.json') ? 'application/json' : 'text/plain',
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    res.end(body);
  } catch {
    res
      .writeHead(404, {
        'content-type': 'text/plain',
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      })
      .end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`fixtures on http://127.0.0.1:${port}`));
