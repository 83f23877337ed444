/**
 * Serves e2e/fixtures cross-origin (with CORS) on FIXTURE_PORT, so `?data=http://127.0.0.1:4174/x.json` loads
 * the way a dataset on another site would. /no-cors/* omits the CORS header; /stall never answers; /half/synthetic-N.json
 * sends half of a synthetic dataset and then nothing more (a download in progress); /third-party/* and /files/* serve
 * fixtures/third-party and fixtures/files.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { syntheticDocument } from '../bench/synthetic.ts';

const root = join(import.meta.dirname, 'fixtures');
const thirdPartyRoot = join(import.meta.dirname, '../fixtures/third-party');
const filesRoot = join(import.meta.dirname, '../fixtures/files');
const port = Number(process.env.FIXTURE_PORT ?? 4174);

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/stall') return; // never answers: the client's timeout must fire
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
