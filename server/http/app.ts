import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Pool } from 'pg';
import { z } from 'zod';
import { SORT_KEYS } from '../../src/domain/eventOrder';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/contentSecurityPolicy';
import { parseViewState } from '../../src/url/viewState';
import { getDataset, listDatasets, type DatasetRecord } from '../db/catalog';
import { mapWindow, MIN_MAP_CELL } from '../../src/domain/mapCells';
import { queryMap } from '../db/queryMap';
import { queryProfile } from '../db/queryProfile';
import {
  loadDicts,
  queryPart,
  matchingDocs,
  queryView,
  stepEvent,
  type QueryOptions,
  type VersionDicts,
} from '../db/queryView';
import type { MatchesAnswer } from '../../src/domain/viewAnswer';
import { DATASET_ID, datasetTables } from '../db/schema';
import { written } from './written';
import { pgText } from '../ingest/rows';
import { bearerToken, mayRead, RateLimiter, type Access } from './access';

/** The server's limits (docs/server.md). */
export const SERVER_LIMITS = {
  /** Largest request body, bytes. */
  maxBody: 64 * 1024,
  /** Most list rows per answer. */
  maxRows: 500,
  /** Furthest a list page may start. */
  maxOffset: 1_000_000,
  /** Most events one export streams (the first in time order), and how many exports may run at once. */
  maxExport: 1_000_000,
  exportsAtOnce: 2,
  /** How long an export waits for a client that takes nothing before it stops. */
  exportIdleMs: 30_000,
  /** API requests per second per client, and the burst allowed. */
  perSecond: 20,
  burst: 60,
};

/** Headers on every answer: the app's own CSP (plus what only a header can say) and the usual hardening. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Tells the app it was served by a Chronoscope server (src/data/page/serverApi.ts servedByServer). */
export const SERVER_MARK = '<meta name="chronoscope-server" content="1">';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

const finite = z.number().finite();
const window = z.object({ start: finite, end: finite }).refine((w) => w.start < w.end);

/** The body of POST /api/datasets/<id>/query: the link's view state, and what the page draws. */
const QueryBody = z
  .object({
    /** The view state as the link writes it (serialiseViewState), so the server reads it with the app's codecs. */
    view: z.string().max(16_000),
    window: window.optional(),
    widthPx: z.number().int().min(100).max(10_000).optional(),
    histogram: z
      .object({ start: finite, end: finite, bins: z.number().int().min(1).max(1000).optional() })
      .refine((h) => h.start < h.end)
      .optional(),
    sort: z.object({ key: z.enum(SORT_KEYS), descending: z.boolean() }).optional(),
    offset: z.number().int().min(0).max(SERVER_LIMITS.maxOffset).optional(),
    limit: z.number().int().min(0).max(SERVER_LIMITS.maxRows).optional(),
    /** One half of the answer (the matches, or what the window draws); without it, both. */
    parts: z.enum(['matches', 'window']).optional(),
  })
  .strict();

/** The body of POST /api/datasets/<id>/map: the link's view state, the part of the world shown and the grid. */
const MapBody = z
  .object({
    view: z.string().max(16_000),
    viewport: z
      .object({
        west: z.number().min(-180).max(180),
        south: z.number().min(-90).max(90),
        east: z.number().min(-180).max(180),
        north: z.number().min(-90).max(90),
      })
      .refine((b) => b.south < b.north && b.west !== b.east),
    cell: z.number().min(MIN_MAP_CELL).max(360),
  })
  .strict();

/**
 * The body of POST /api/datasets/<id>/step: the link's view state, the selected event's id, the window on screen
 * and the direction (j 1, k -1).
 */
const StepBody = z
  .object({
    view: z.string().max(16_000),
    selected: z.string().max(10_000).optional(),
    window: window.optional(),
    dir: z.union([z.literal(1), z.literal(-1)]),
  })
  .strict();

/** The body of POST /api/datasets/<id>/export: the link's view state (its filters apply). */
const ExportBody = z.object({ view: z.string().max(16_000) }).strict();

/** The body of POST /api/datasets/<id>/entities/<entity-id>/profile: the link's view state (its filters apply). */
const ProfileBody = z.object({ view: z.string().max(16_000) }).strict();

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A request body as its schema reads it; otherwise a 400 that names what was asked ("The step question is not…"). */
function bodyOf<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(
      400,
      'bad-request',
      `The ${what} is not one this server reads: see docs/server.md.`,
    );
  return parsed.data;
}

/**
 * A body's view state, read with the app's codecs. Measures (sums and ranges of numeric fields) are answered by
 * the browser's index only: a range ignored here would count events it should leave out, so it is refused (a sum
 * is ignored by the query, which says so).
 */
function readView(view: string) {
  const read = parseViewState(view);
  if (read.state.measures.length > 0)
    throw new HttpError(
      400,
      'measures-unsupported',
      'This server does not apply measure ranges (measure=…) yet: open the dataset in the browser to use them.',
    );
  return read;
}

/** PostgreSQL errors that mean "the database is away" (connection refused or lost, shutting down, starting). */
function isUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (typeof err?.code !== 'string')
    return /Connection terminated|timeout exceeded when trying to connect/i.test(
      err?.message ?? '',
    );
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ENOTFOUND',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '53300',
    ].includes(err.code) || err.code.startsWith('08')
  );
}

export interface AppOptions {
  pool: Pool;
  access: Access;
  /** The built app (dist/); without it only the API is served. */
  distDir?: string;
  /** Where errors are written (never to the client): the message and code, never tokens. */
  log?: (line: string) => void;
  limits?: Partial<typeof SERVER_LIMITS>;
}

/** The Chronoscope server: the built app and the API under /api/. */
export function createApp(opts: AppOptions): Server {
  const limits = { ...SERVER_LIMITS, ...opts.limits };
  const log = opts.log ?? ((l) => console.error(l));
  const limiter = new RateLimiter(limits.perSecond, limits.burst);
  const dictCache = new Map<string, Promise<VersionDicts>>();
  const dicts = (ds: DatasetRecord) => {
    let d = dictCache.get(ds.version);
    if (!d) {
      // One version per dataset is current; older ones leave the cache as new ones come.
      if (dictCache.size > 64) dictCache.clear();
      d = loadDicts(opts.pool, ds.version);
      d.catch(() => dictCache.delete(ds.version));
      dictCache.set(ds.version, d);
    }
    return d;
  };

  /** The dataset if this caller may read it; otherwise 401 (tokens exist) or 404, never saying which ids exist. */
  async function readable(req: IncomingMessage, id: string): Promise<DatasetRecord> {
    const grant = opts.access.grantFor(bearerToken(req.headers.authorization));
    const ds = DATASET_ID.test(id) ? await getDataset(opts.pool, id) : undefined;
    if (ds && mayRead(ds, grant)) return ds;
    if (opts.access.hasTokens && grant === undefined)
      throw new HttpError(401, 'unauthorized', 'This dataset needs a token.', {
        'WWW-Authenticate': 'Bearer realm="chronoscope"',
      });
    throw new HttpError(404, 'not-found', `No dataset "${id.slice(0, 64)}" on this server.`);
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const client = req.socket.remoteAddress ?? 'unknown';
    if (!limiter.take(client))
      throw new HttpError(429, 'rate-limited', 'Too many requests; slow down.', {
        'Retry-After': '1',
      });
    const parts = path
      .split('/')
      .slice(2)
      .map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw new HttpError(400, 'bad-request', 'The address could not be read.');
        }
      });
    const method = req.method ?? 'GET';
    const only = (m: string) => {
      if (method !== m)
        throw new HttpError(405, 'method-not-allowed', `Use ${m} here.`, { Allow: m });
    };
    if (parts[0] !== 'datasets' || parts.length > 5)
      throw new HttpError(404, 'not-found', 'No such API path.');
    if (parts.length === 1) {
      only('GET');
      const grant = opts.access.grantFor(bearerToken(req.headers.authorization));
      const all = await listDatasets(opts.pool);
      return json(res, 200, {
        datasets: all
          .filter((d) => mayRead(d, grant))
          .map((d) => ({
            id: d.id,
            title: d.title,
            public: d.public,
            eventCount: d.eventCount,
            ingestedAt: d.ingestedAt,
          })),
      });
    }
    const id = parts[1]!;
    if (parts.length === 2) {
      only('GET');
      const ds = await readable(req, id);
      return json(res, 200, await metadata(ds));
    }
    if (parts.length === 3 && parts[2] === 'query') {
      only('POST');
      const body = await readBody(req, limits.maxBody);
      const ds = await readable(req, id);
      return json(res, 200, await query(ds, body));
    }
    if (parts.length === 3 && parts[2] === 'map') {
      only('POST');
      const body = await readBody(req, limits.maxBody);
      const ds = await readable(req, id);
      return json(res, 200, await map(ds, body));
    }
    if (parts.length === 3 && parts[2] === 'export') {
      only('POST');
      const body = await readBody(req, limits.maxBody);
      const ds = await readable(req, id);
      await exportEvents(ds, body, res);
      return;
    }
    if (parts.length === 3 && parts[2] === 'step') {
      only('POST');
      const body = await readBody(req, limits.maxBody);
      const ds = await readable(req, id);
      return json(res, 200, await step(ds, body));
    }
    if (parts.length === 5 && parts[2] === 'entities' && parts[4] === 'profile') {
      only('POST');
      const body = await readBody(req, limits.maxBody);
      const ds = await readable(req, id);
      return json(res, 200, await profile(ds, parts[3]!, body));
    }
    if (parts.length === 4 && parts[2] === 'events') {
      only('GET');
      const ds = await readable(req, id);
      return json(res, 200, await details(ds, parts[3]!));
    }
    throw new HttpError(404, 'not-found', 'No such API path.');
  }

  async function metadata(ds: DatasetRecord) {
    const d = await dicts(ds);
    // The precomputed facet counts are the server's own shortcut, not metadata.
    const meta: Partial<DatasetRecord['meta']> = { ...ds.meta };
    delete meta.allFacets;
    return {
      id: ds.id,
      ...meta,
      title: ds.title,
      public: ds.public,
      eventCount: ds.eventCount,
      ingestedAt: ds.ingestedAt,
      entities: d.entities,
      types: d.types,
      tags: d.tags,
      places: d.places,
    };
  }

  async function query(ds: DatasetRecord, raw: unknown) {
    const b = bodyOf(QueryBody, raw, 'query');
    const { state, notices } = readView(b.view);
    if (state.sum !== undefined)
      notices.push(
        `This server does not sum measures yet: ignored sum=${state.sum.slice(0, 40)}; events are counted.`,
      );
    const options: QueryOptions = {
      group: state.group,
      ...(b.window
        ? { window: b.window }
        : state.from !== undefined && state.to !== undefined
          ? { window: { start: state.from, end: state.to } }
          : {}),
      ...(b.widthPx ? { lod: { maxVisibleItems: 100, widthPx: b.widthPx, minBucketPx: 56 } } : {}),
      ...(b.histogram
        ? {
            histogramRange: { start: b.histogram.start, end: b.histogram.end },
            histogramBins: b.histogram.bins ?? 120,
          }
        : {}),
      sort: b.sort ?? { key: 'date', descending: false },
      offset: b.offset ?? 0,
      limit: b.limit ?? 100,
      list: state.list,
    };
    const d = await dicts(ds);
    if (b.parts === 'window') return queryPart(opts.pool, ds, d, state, options, 'window');
    const answer = b.parts
      ? ((await queryPart(opts.pool, ds, d, state, options, 'matches')) as MatchesAnswer)
      : await queryView(opts.pool, ds, d, state, options);
    return { ...answer, notices: [...notices, ...answer.notices] };
  }

  async function map(ds: DatasetRecord, raw: unknown) {
    const b = bodyOf(MapBody, raw, 'map question');
    const { state, notices } = readView(b.view);
    const within = mapWindow(state);
    const answer = await queryMap(opts.pool, ds, await dicts(ds), state, {
      viewport: b.viewport,
      cell: b.cell,
      ...(within ? { window: within } : {}),
    });
    return { ...answer, notices: [...notices, ...answer.notices] };
  }

  /** Exports running. */
  let exporting = 0;
  /**
   * Streams the view's matching events, the first `maxExport` in time order, as JSON lines: `{"e": <event>}` per
   * event, then `{"end": {"count": n, "more": bool}}`, so that a reader knows it has them all (a stream cut short
   * has no end line). Read batch by batch, each written when the client has taken the one before; stopped when the
   * client goes or takes nothing for `exportIdleMs`. At most `exportsAtOnce` exports run at once.
   */
  async function exportEvents(ds: DatasetRecord, raw: unknown, res: ServerResponse): Promise<void> {
    const { state } = readView(bodyOf(ExportBody, raw, 'export question').view);
    if (exporting >= limits.exportsAtOnce)
      throw new HttpError(429, 'busy', 'Other exports are running; try again in a moment.', {
        'Retry-After': '5',
      });
    exporting++;
    const start = () => {
      if (res.headersSent) return;
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment');
    };
    const gone = () => res.destroyed || res.writableEnded;
    try {
      const max = limits.maxExport;
      const batches = matchingDocs(opts.pool, ds, await dicts(ds), state, 2_000, max + 1);
      let count = 0;
      let more = false;
      for await (const docs of batches) {
        if (gone()) return;
        start();
        // One past the limit is read to know whether there are more.
        const take = docs.slice(0, max - count);
        count += take.length;
        more = take.length < docs.length;
        if (take.length > 0)
          await written(res, take.map((d) => `{"e":${d}}\n`).join(''), limits.exportIdleMs);
        if (gone()) return;
      }
      start();
      res.end(`${JSON.stringify({ end: { count, more } })}\n`);
    } catch (e) {
      // Before the first line, the usual error answer; after it, the stream is cut (no end line) and said in
      // the log.
      if (!res.headersSent) throw e;
      log(`export of ${ds.id} cut short: ${(e as Error)?.message ?? String(e)}`);
      res.destroy();
    } finally {
      exporting--;
    }
  }

  async function step(ds: DatasetRecord, raw: unknown) {
    const b = bodyOf(StepBody, raw, 'step question');
    const { state } = readView(b.view);
    const row = await stepEvent(opts.pool, ds, await dicts(ds), state, {
      dir: b.dir,
      ...(b.selected !== undefined ? { selected: b.selected } : {}),
      ...(b.window ? { window: b.window } : {}),
    });
    return { row: row ?? null };
  }

  async function profile(ds: DatasetRecord, entityId: string, raw: unknown) {
    const { state } = readView(bodyOf(ProfileBody, raw, 'profile question').view);
    const answer = await queryProfile(opts.pool, ds, await dicts(ds), state, entityId);
    if (!answer) throw new HttpError(404, 'not-found', 'No such entity in this dataset.');
    return answer;
  }

  async function details(ds: DatasetRecord, eventId: string) {
    const t = datasetTables(ds);
    const { rows } = await opts.pool.query<{ pos: number; doc: string }>(
      `SELECT e.pos, d.doc FROM ${t.events} e JOIN ${t.docs} d ON d.pos = e.pos WHERE e.id = $1`,
      [pgText(eventId)],
    );
    if (!rows[0]) throw new HttpError(404, 'not-found', 'No such event in this dataset.');
    const event = JSON.parse(rows[0].doc) as { actors: string[] };
    const d = await dicts(ds);
    const ids = new Set(event.actors);
    return { position: rows[0].pos, event, entities: d.entities.filter((e) => ids.has(e.id)) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      return json(res, 400, { error: 'bad-request', message: 'The address could not be read.' });
    }
    if (path === '/api' || path.startsWith('/api/')) {
      res.setHeader('Cache-Control', 'no-store');
      try {
        await api(req, res, path);
      } catch (e) {
        if (e instanceof HttpError) {
          for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
          return json(res, e.status, { error: e.code, message: e.message });
        }
        if (isUnavailable(e)) {
          log(`database unavailable: ${(e as Error).message}`);
          res.setHeader('Retry-After', '5');
          return json(res, 503, {
            error: 'unavailable',
            message: 'The database is not reachable just now; try again shortly.',
          });
        }
        if ((e as { code?: string }).code === '57014') {
          return json(res, 503, {
            error: 'timeout',
            message: 'This view took too long to answer; narrow the filters or the window.',
          });
        }
        log(`internal error on ${req.method} ${path}: ${(e as Error)?.stack ?? String(e)}`);
        return json(res, 500, {
          error: 'internal',
          message: 'The server could not answer this request.',
        });
      }
      return;
    }
    return serveStatic(req, res, path);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return text(res, 405, 'Method not allowed');
    }
    if (!opts.distDir) return text(res, 404, 'Not found');
    const root = resolve(opts.distDir);
    let rel: string;
    try {
      rel = decodeURIComponent(path);
    } catch {
      return text(res, 400, 'Bad request');
    }
    const file = resolve(join(root, rel === '/' ? 'index.html' : rel));
    if (file !== root && !file.startsWith(root + sep)) return text(res, 404, 'Not found');
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) return text(res, 404, 'Not found');
    if (file === join(root, 'index.html')) return serveIndex(req, res, file);
    res.statusCode = 200;
    res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', st.size);
    res.setHeader(
      'Cache-Control',
      rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  /** The app's page, marked as served by this server: the app then offers the server's datasets. */
  async function serveIndex(req: IncomingMessage, res: ServerResponse, file: string) {
    const html = (await readFile(file, 'utf8')).replace(/<head>/i, `<head>${SERVER_MARK}`);
    res.statusCode = 200;
    res.setHeader('Content-Type', MIME['.html']!);
    res.setHeader('Content-Length', Buffer.byteLength(html));
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  return createServer((req, res) => {
    handle(req, res).catch((e) => {
      log(`unhandled: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent)
        json(res, 500, { error: 'internal', message: 'The server could not answer this request.' });
      else res.destroy();
    });
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function text(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(body);
}

/** Reads a JSON body up to `max` bytes (413 beyond, 415 for another type, 400 when it is not JSON). */
async function readBody(req: IncomingMessage, max: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(415, 'unsupported-media-type', 'Send the query as application/json.');
  if (Number(req.headers['content-length'] ?? 0) > max)
    throw new HttpError(413, 'too-large', `The query is larger than ${max} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) {
      req.destroy();
      throw new HttpError(413, 'too-large', `The query is larger than ${max} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-request', 'The query is not JSON.');
  }
}
