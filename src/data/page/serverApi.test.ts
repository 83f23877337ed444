// @vitest-environment jsdom
// (the page's document)
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchServerAnswer,
  fetchServerDatasets,
  fetchServerMap,
  fetchServerMetadata,
  fetchServerProfile,
  isPassing,
  ServerError,
  servedByServer,
  streamServerEvents,
} from './serverApi';
import { setServerToken } from './serverToken';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

function answering(res: () => Response) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(res()));
}

async function failureOf(p: Promise<unknown>): Promise<ServerError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ServerError);
  return e as ServerError;
}

afterEach(() => setServerToken(undefined));

describe('the server API client', () => {
  it.each([
    [404, undefined, 'not-found'],
    [401, undefined, 'sign-in'],
    [401, 'some-token-0123456789', 'wrong-token'],
    [503, undefined, 'unavailable'],
    [429, undefined, 'rate-limited'],
    [500, undefined, 'failed'],
  ] as const)('reads %s (token %s) as %s', async (status, token, kind) => {
    setServerToken(token);
    answering(() => json(status, { error: 'x', message: 'The server said so.' }));
    const e = await failureOf(fetchServerMetadata('acled'));
    expect(e.kind).toBe(kind);
    expect(isPassing(e)).toBe(kind === 'unavailable' || kind === 'rate-limited');
  });

  it('says so when the page was not served by a Chronoscope server (an HTML fallback)', async () => {
    answering(() => new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }));
    expect((await failureOf(fetchServerMetadata('acled'))).kind).toBe('no-server');
  });

  it('an unreachable server is a passing failure, retried', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const e = await failureOf(fetchServerDatasets());
    expect(e.kind).toBe('unavailable');
    expect(isPassing(e)).toBe(true);
  });

  it('sends the token as a bearer token, never in the address', async () => {
    setServerToken('secret-token-0123456789');
    const f = answering(() => json(200, { datasets: [] }));
    await fetchServerDatasets();
    const [url, init] = f.mock.calls[0]!;
    expect(String(url)).not.toContain('secret');
    expect((init!.headers as Record<string, string>).Authorization).toBe(
      'Bearer secret-token-0123456789',
    );
    expect(sessionStorage.getItem('chronoscope.server-token')).toBe('secret-token-0123456789');
  });

  it('posts the view state and reads the answer', async () => {
    const f = answering(() =>
      json(200, {
        count: 3,
        facets: {},
        stale: {},
        notices: [],
        highlightTerms: [],
        lanes: null,
        plan: null,
        histogram: null,
        rows: [],
      }),
    );
    const req = {
      view: 'actor=a&v=1',
      widthPx: 800,
      sort: { key: 'date', descending: false },
      offset: 0,
      limit: 100,
    } as const;
    expect((await fetchServerAnswer('acled', req)).count).toBe(3);
    const [url, init] = f.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/datasets\/acled\/query$/);
    expect(JSON.parse(init!.body as string)).toEqual(req);
  });

  it('asks the map by POST and keeps only the cells it can draw, their text as text', async () => {
    const f = answering(() =>
      json(200, {
        matching: 5,
        placed: 4,
        unplaced: 1,
        extent: { west: 1, south: 2, east: 3, north: 4 },
        cells: [
          {
            lat: 1,
            lon: 2,
            count: 1,
            first: 0,
            eventId: 'e',
            title: '<b>x</b>',
            precision: 'near',
          },
          { lat: 1, lon: 2, count: 3, first: 4, place: 'P', precision: 'constructor' },
          { lat: 'x', lon: 2, count: 1, first: 0 },
          null,
        ],
        capped: true,
        notices: ['n', 7],
      }),
    );
    const req = { view: 'v=1', viewport: { west: -10, south: -5, east: 10, north: 5 }, cell: 1 };
    expect(await fetchServerMap('acled', req)).toEqual({
      matching: 5,
      placed: 4,
      unplaced: 1,
      extent: { west: 1, south: 2, east: 3, north: 4 },
      cells: [
        { lat: 1, lon: 2, count: 1, first: 0, eventId: 'e', title: '<b>x</b>', precision: 'near' },
        { lat: 1, lon: 2, count: 3, first: 4, place: 'P' },
      ],
      capped: true,
      notices: ['n'],
    });
    const [url, init] = f.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/datasets\/acled\/map$/);
    expect(init!.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toEqual(req);
  });

  it('asks a profile by POST with the entity id in the path, and reads an unknown entity as none', async () => {
    const f = answering(() =>
      json(200, {
        entityId: 'a/b',
        count: 2,
        firstSeen: 10,
        lastSeen: 20,
        bins: [1, 'x', 1],
        coActors: [{ id: 'c', name: '<i>C</i>', count: 2 }, { id: 'd' }, null],
      }),
    );
    expect(await fetchServerProfile('acled', 'type=x&v=1', 'a/b')).toEqual({
      entityId: 'a/b',
      count: 2,
      firstSeen: 10,
      lastSeen: 20,
      bins: [1, 0, 1],
      coActors: [{ id: 'c', name: '<i>C</i>', count: 2 }],
    });
    const [url, init] = f.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/datasets\/acled\/entities\/a%2Fb\/profile$/);
    expect(init!.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toEqual({ view: 'type=x&v=1' });
    f.mockRestore();
    answering(() => json(404, { error: 'not-found', message: 'No such entity in this dataset.' }));
    expect(await fetchServerProfile('acled', '', 'nobody')).toBeUndefined();
  });

  it('keeps only well-formed entries of the dataset list', async () => {
    answering(() =>
      json(200, {
        datasets: [
          { id: 'a', title: 'A', public: true, eventCount: 2 },
          { id: 3, title: 'bad' },
          null,
        ],
      }),
    );
    expect(await fetchServerDatasets()).toEqual([
      { id: 'a', title: 'A', public: true, eventCount: 2 },
    ]);
  });

  it('knows the page was served by the server from the mark in index.html', () => {
    expect(servedByServer()).toBe(false);
    const meta = document.createElement('meta');
    meta.name = 'chronoscope-server';
    document.head.append(meta);
    expect(servedByServer()).toBe(true);
    meta.remove();
  });

  describe('an export stream', () => {
    const event = (id: string) =>
      JSON.stringify({ e: { id, title: id, startText: '2024', actors: [] } });
    /** A streamed answer whose body arrives in the given pieces. */
    const streamed = (pieces: string[]) =>
      answering(
        () =>
          new Response(
            new ReadableStream({
              start(c) {
                for (const p of pieces) c.enqueue(new TextEncoder().encode(p));
                c.close();
              },
            }),
            { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } },
          ),
      );

    it('reads lines whatever the pieces they arrive in, and the end line', async () => {
      const text = `${event('a')}\n${event('b')}\n${event('c')}\n{"end":{"count":3,"more":true}}\n`;
      streamed([text.slice(0, 7), text.slice(7, 50), text.slice(50)]);
      const seen: string[] = [];
      const end = await streamServerEvents('x', '', (es) => seen.push(...es.map((e) => e.id)));
      expect(seen).toEqual(['a', 'b', 'c']);
      expect(end).toEqual({ count: 3, more: true });
    });

    it('a stream without its end line (or with fewer events than it says) was cut short', async () => {
      streamed([`${event('a')}\n`]);
      const e = await failureOf(streamServerEvents('x', '', () => {}));
      expect(e.message).toMatch(/cut short/);
      streamed([`${event('a')}\n{"end":{"count":2,"more":false}}\n`]);
      expect((await failureOf(streamServerEvents('x', '', () => {}))).message).toMatch(/cut short/);
    });

    it('a line it cannot read fails the export', async () => {
      streamed([`${event('a')}\n{"e":{"id":3}}\n{"end":{"count":2,"more":false}}\n`]);
      expect((await failureOf(streamServerEvents('x', '', () => {}))).kind).toBe('failed');
    });

    it("says the server's own sentence when its exports are all running", async () => {
      answering(() =>
        json(429, { error: 'busy', message: 'Other exports are running; try again in a moment.' }),
      );
      const e = await failureOf(streamServerEvents('x', '', () => {}));
      expect(e.message).toBe('Other exports are running; try again in a moment.');
    });
  });
});
