import type { SortKey } from '../../domain/eventOrder';
import type { Entity, Period, TimelineEvent } from '../../domain/types';
import type { Bbox } from '../../domain/geo';
import { isPlacePrecision } from '../../domain/placePrecision';
import type { MapAnswer, MapAnswerCell } from '../../domain/mapCells';
import type { EntityProfileAnswer } from '../../domain/entityProfile';
import type {
  AnswerPart,
  EventDetail,
  ListRow,
  MatchesAnswer,
  ViewAnswer,
  WindowAnswer,
} from '../../domain/viewAnswer';
import { currentServerToken } from './serverToken';

/** Why a server request failed, as the app tells the analyst. */
export type ServerFailureKind =
  'not-found' | 'sign-in' | 'wrong-token' | 'unavailable' | 'rate-limited' | 'no-server' | 'failed';

export class ServerError extends Error {
  constructor(
    readonly kind: ServerFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** True for failures that pass by themselves (the database away, too many requests): retried, not final. */
export function isPassing(e: unknown): boolean {
  return e instanceof ServerError && (e.kind === 'unavailable' || e.kind === 'rate-limited');
}

/**
 * True when the page was served by `npm run server`, which marks index.html (server/http/app.ts); a static host
 * has no API, so the app never asks one.
 */
export function servedByServer(doc: Document = document): boolean {
  return doc.querySelector('meta[name="chronoscope-server"]') !== null;
}

export interface ServerDatasetSummary {
  id: string;
  title: string;
  public: boolean;
  eventCount: number;
}

/** A server dataset's metadata (GET /api/datasets/<id>): what the app shows beside the view's answer. */
export interface ServerMetadata {
  id: string;
  title: string;
  description?: string;
  attribution?: string;
  /** The format the file was read from at ingest. */
  format?: string;
  eventCount: number;
  extent?: { start: number; end: number };
  periods: Period[];
  entities: Entity[];
  public: boolean;
}

/** What the page asks beside the view state (docs/server.md, the query body). */
export interface AnswerRequest {
  view: string;
  window?: { start: number; end: number };
  /** The timeline's width in pixels, for the level of detail (what the window draws); not needed for matches. */
  widthPx?: number;
  /** The histogram's range and bins (the app draws the dataset's extent with a 2% margin, 120 bins). */
  histogram?: { start: number; end: number; bins: number };
  sort: { key: SortKey; descending: boolean };
  offset: number;
  limit: number;
  /** One half of the answer (src/domain/viewAnswer.ts AnswerPart); without it, the whole answer. */
  parts?: AnswerPart;
}

/** What j or k asks (docs/server.md, POST /api/datasets/<id>/step). */
export interface StepRequest {
  /** The view state as the link writes it; its filters apply. */
  view: string;
  /** The selected event's id, if any. */
  selected?: string;
  /** The window on screen. */
  window?: { start: number; end: number };
  /** j 1, k -1. */
  dir: 1 | -1;
}

/** The map's question beside the view state (docs/server.md, POST /api/datasets/<id>/map). */
export interface MapRequest {
  view: string;
  /** The part of the world the map shows, with a margin. */
  viewport: Bbox;
  /** The grid's cell size in degrees. */
  cell: number;
}

const apiUrl = (path: string) => new URL(`/api/${path}`, window.location.href).href;

async function call(path: string, signal?: AbortSignal, body?: unknown): Promise<unknown> {
  const res = await send(path, 'application/json', signal, body);
  const data: unknown = await res.json().catch(() => undefined);
  if (data !== undefined && data !== null && typeof data === 'object') return data;
  return unreadable();
}

/**
 * Asks the API, the token (if any) as a bearer; the response when the server answered with what was asked for
 * (`accept`), otherwise a ServerError that says why (sign-in, not found, away, rate limited…).
 */
async function send(
  path: string,
  accept: string,
  signal?: AbortSignal,
  body?: unknown,
): Promise<Response> {
  const token = currentServerToken();
  const headers: Record<string, string> = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ServerError('unavailable', 'The Chronoscope server cannot be reached just now.');
  }
  const type = res.headers.get('Content-Type') ?? '';
  if (res.ok && type.includes(accept)) return res;
  const json = type.includes('application/json');
  const data: unknown = json ? await res.json().catch(() => undefined) : undefined;
  if (!json)
    throw new ServerError(
      'no-server',
      'This page was not served by a Chronoscope server, so it cannot open server datasets.',
    );
  // The server's own sentence when it gave one (plain text, shown as text), else ours.
  const said =
    data && typeof (data as { message?: unknown }).message === 'string'
      ? (data as { message: string }).message.slice(0, 300)
      : undefined;
  switch (res.status) {
    case 401:
      throw token
        ? new ServerError('wrong-token', 'The server did not accept this token.')
        : new ServerError('sign-in', 'This dataset needs a token.');
    case 404:
      throw new ServerError('not-found', said ?? 'No such dataset on this server.');
    case 429:
      // "busy": the server runs as many exports as it allows (not retried: said as the server says it).
      throw new ServerError(
        'rate-limited',
        (data as { error?: unknown } | undefined)?.error === 'busy' && said
          ? said
          : 'Too many requests just now; trying again.',
      );
    case 503:
      throw new ServerError(
        'unavailable',
        said ?? 'The database is not reachable just now; trying again.',
      );
    default:
      throw new ServerError('failed', said ?? `The server answered ${res.status}.`);
  }
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

function unreadable(): never {
  throw new ServerError('failed', 'The server sent an answer the app cannot read.');
}

/** The datasets the caller may read. */
export async function fetchServerDatasets(signal?: AbortSignal): Promise<ServerDatasetSummary[]> {
  const data = (await call('datasets', signal)) as { datasets?: unknown };
  if (!Array.isArray(data.datasets)) unreadable();
  return data.datasets.flatMap((d: unknown) => {
    const o = d as Partial<ServerDatasetSummary> | null;
    return o && str(o.id) && str(o.title) && num(o.eventCount)
      ? [{ id: o.id, title: o.title, public: o.public === true, eventCount: o.eventCount }]
      : [];
  });
}

export async function fetchServerMetadata(
  id: string,
  signal?: AbortSignal,
): Promise<ServerMetadata> {
  const d = (await call(`datasets/${encodeURIComponent(id)}`, signal)) as Record<string, unknown>;
  if (!str(d.title) || !num(d.eventCount) || !Array.isArray(d.entities)) unreadable();
  const extent = d.extent as { start?: unknown; end?: unknown } | undefined;
  return {
    id,
    title: d.title,
    ...(str(d.description) ? { description: d.description } : {}),
    ...(str(d.attribution) ? { attribution: d.attribution } : {}),
    ...(str(d.format) ? { format: d.format } : {}),
    eventCount: d.eventCount,
    ...(extent && num(extent.start) && num(extent.end)
      ? { extent: { start: extent.start, end: extent.end } }
      : {}),
    periods: Array.isArray(d.periods) ? (d.periods as Period[]) : [],
    entities: d.entities as Entity[],
    public: d.public === true,
  };
}

export async function fetchServerAnswer(
  id: string,
  req: AnswerRequest,
  signal?: AbortSignal,
): Promise<ViewAnswer> {
  const a = (await call(`datasets/${encodeURIComponent(id)}/query`, signal, req)) as ViewAnswer;
  if (!num(a.count) || !a.facets || !Array.isArray(a.rows)) unreadable();
  return a;
}

export async function fetchServerMatches(
  id: string,
  req: AnswerRequest,
  signal?: AbortSignal,
): Promise<MatchesAnswer> {
  const body: AnswerRequest = { ...req, parts: 'matches' };
  const a = (await call(`datasets/${encodeURIComponent(id)}/query`, signal, body)) as MatchesAnswer;
  if (!num(a.count) || !a.facets || !Array.isArray(a.rows)) unreadable();
  return a;
}

export async function fetchServerWindow(
  id: string,
  req: AnswerRequest,
  signal?: AbortSignal,
): Promise<WindowAnswer> {
  const body: AnswerRequest = { ...req, parts: 'window' };
  const a = (await call(`datasets/${encodeURIComponent(id)}/query`, signal, body)) as WindowAnswer;
  if (!a || typeof a !== 'object' || !('plan' in a) || !('lanes' in a)) unreadable();
  return a;
}

/** The map's answer; its cells are checked one by one, and a cell the app cannot draw is left out. */
export async function fetchServerMap(
  id: string,
  req: MapRequest,
  signal?: AbortSignal,
): Promise<MapAnswer & { notices: string[] }> {
  const a = (await call(`datasets/${encodeURIComponent(id)}/map`, signal, req)) as Record<
    string,
    unknown
  >;
  if (!num(a.matching) || !num(a.placed) || !num(a.unplaced) || !Array.isArray(a.cells))
    unreadable();
  const cells = a.cells.flatMap((raw: unknown): MapAnswerCell[] => {
    const c = raw as Partial<MapAnswerCell> | null;
    if (!c || !num(c.lat) || !num(c.lon) || !num(c.count) || !num(c.first)) return [];
    return [
      {
        lat: c.lat,
        lon: c.lon,
        count: c.count,
        first: c.first,
        ...(str(c.place) ? { place: c.place } : {}),
        ...(str(c.eventId) ? { eventId: c.eventId } : {}),
        ...(str(c.title) ? { title: c.title } : {}),
        ...(isPlacePrecision(c.precision) ? { precision: c.precision } : {}),
      },
    ];
  });
  const e = a.extent as Partial<Bbox> | undefined;
  return {
    matching: a.matching,
    placed: a.placed,
    unplaced: a.unplaced,
    ...(e && num(e.west) && num(e.south) && num(e.east) && num(e.north)
      ? { extent: { west: e.west, south: e.south, east: e.east, north: e.north } }
      : {}),
    cells,
    capped: a.capped === true,
    notices: Array.isArray(a.notices) ? a.notices.filter(str).map((n) => n.slice(0, 300)) : [],
  };
}

export async function fetchServerEvent(
  id: string,
  eventId: string,
  signal?: AbortSignal,
): Promise<EventDetail> {
  const d = (await call(
    `datasets/${encodeURIComponent(id)}/events/${encodeURIComponent(eventId)}`,
    signal,
  )) as EventDetail;
  if (!num(d.position) || !d.event || !Array.isArray(d.entities)) unreadable();
  return d;
}

/**
 * An entity's profile under a view's filters (POST /api/datasets/<id>/entities/<entity-id>/profile); undefined
 * for an entity the dataset does not hold. Co-actors the app cannot read are left out.
 */
export async function fetchServerProfile(
  id: string,
  view: string,
  entityId: string,
  signal?: AbortSignal,
): Promise<EntityProfileAnswer | undefined> {
  let p: Partial<EntityProfileAnswer>;
  try {
    p = (await call(
      `datasets/${encodeURIComponent(id)}/entities/${encodeURIComponent(entityId)}/profile`,
      signal,
      { view },
    )) as Partial<EntityProfileAnswer>;
  } catch (e) {
    if (e instanceof ServerError && e.kind === 'not-found') return undefined;
    throw e;
  }
  if (!str(p.entityId) || !num(p.count) || !Array.isArray(p.bins) || !Array.isArray(p.coActors))
    unreadable();
  return {
    entityId: p.entityId,
    count: p.count,
    ...(num(p.firstSeen) && num(p.lastSeen)
      ? { firstSeen: p.firstSeen, lastSeen: p.lastSeen }
      : {}),
    bins: p.bins.map((b: unknown) => (num(b) ? b : 0)),
    coActors: p.coActors.flatMap((raw: unknown) => {
      const c = raw as Partial<EntityProfileAnswer['coActors'][number]> | null;
      return c && str(c.id) && str(c.name) && num(c.count)
        ? [{ id: c.id, name: c.name, count: c.count }]
        : [];
    }),
  };
}

/** What j or k selects (POST /api/datasets/<id>/step): the next match in time; undefined when nothing matches. */
export async function fetchServerStep(
  id: string,
  req: StepRequest,
  signal?: AbortSignal,
): Promise<ListRow | undefined> {
  const d = (await call(`datasets/${encodeURIComponent(id)}/step`, signal, req)) as {
    row?: Partial<ListRow> | null;
  };
  if (d.row === null) return undefined;
  const r = d.row;
  if (!r || !num(r.position) || !r.event || !str(r.event.id) || !str(r.event.title)) unreadable();
  return { position: r.position, event: r.event };
}

/**
 * The view's matching events as the server streams them for an export (POST /api/datasets/<id>/export): each
 * event as it arrives, then how many there were and whether the server stopped at its limit. Throws when the
 * stream ends without its end line (cut short) or holds a line the app cannot read.
 */
export async function streamServerEvents(
  id: string,
  view: string,
  onEvents: (events: TimelineEvent[]) => void,
  signal?: AbortSignal,
): Promise<{ count: number; more: boolean }> {
  const res = await send(
    `datasets/${encodeURIComponent(id)}/export`,
    'application/x-ndjson',
    signal,
    { view },
  );
  if (!res.body) unreadable();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let end: { count: number; more: boolean } | undefined;
  let count = 0;
  const lines = (text: string) => {
    const batch: TimelineEvent[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      if (end) unreadable();
      let parsed: { e?: Partial<TimelineEvent>; end?: { count?: unknown; more?: unknown } };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        unreadable();
      }
      const e = parsed.e;
      if (e) {
        if (!str(e.id) || !str(e.title) || !str(e.startText) || !Array.isArray(e.actors))
          unreadable();
        batch.push(e as TimelineEvent);
      } else if (parsed.end && num(parsed.end.count) && typeof parsed.end.more === 'boolean')
        end = { count: parsed.end.count, more: parsed.end.more };
      else unreadable();
    }
    count += batch.length;
    if (batch.length > 0) onEvents(batch);
  };
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (e) {
        if (signal?.aborted) throw e;
        throw new ServerError('failed', 'The export was cut short: the connection was lost.');
      }
      if (chunk.done) break;
      const text = rest + chunk.value;
      const cut = text.lastIndexOf('\n');
      rest = text.slice(cut + 1);
      lines(text.slice(0, cut + 1));
    }
    lines(rest);
  } catch (e) {
    // A line the app cannot read, or a writer that failed: the rest is not asked for, and the server stops.
    void reader.cancel().catch(() => {});
    throw e;
  }
  if (!end || end.count !== count)
    throw new ServerError('failed', 'The export was cut short: the server stopped before the end.');
  return end;
}
