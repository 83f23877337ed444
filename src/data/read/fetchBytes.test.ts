import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBytes, type DownloadProgress } from './fetchBytes';

const LIMITS = { maxBytes: 1000, idleMs: 30_000, totalMs: 600_000 };

/** A response whose body is produced chunk by chunk as the reader pulls; `pulled` counts the chunks handed out. */
function streamed(next: (i: number) => Promise<Uint8Array | undefined>, headers: HeadersInit = {}) {
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    async pull(c) {
      const chunk = await next(state.pulled++);
      if (chunk) c.enqueue(chunk);
      else c.close();
    },
  });
  return { response: new Response(body, { headers }), state };
}

function serve(response: Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(response)),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('fetchBytes', () => {
  it('returns the body and reports decoded bytes against the announced length', async () => {
    const text = new TextEncoder().encode('{"events":[]}');
    serve(new Response(text, { headers: { 'content-length': String(text.length) } }));
    const seen: DownloadProgress[] = [];
    const r = await fetchBytes('https://x.test/a.json', LIMITS, (p) => seen.push(p));
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe('{"events":[]}');
    expect(seen.at(-1)).toEqual({ loaded: 13, total: 13 });
  });

  it('stops an endless body at the size limit instead of reading it all', async () => {
    const { response, state } = streamed(async () => new Uint8Array(100));
    serve(response);
    const r = await fetchBytes('https://x.test/huge', LIMITS, () => {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('too-large');
      expect(r.error.message).toMatch(/stopped at 0\.00 MB/);
    }
    expect(state.pulled).toBeLessThan(20);
  });

  it('refuses an announced length over the limit before reading the body', async () => {
    const { response, state } = streamed(async () => new Uint8Array(100), {
      'content-length': String(5 * 2 ** 20),
    });
    serve(response);
    const r = await fetchBytes('https://x.test/big', LIMITS, () => {});
    expect(!r.ok && r.error.message).toBe(
      'The file is 5.0 MB; Chronoscope opens files up to 0.00 MB.',
    );
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('treats a body that outgrows its Content-Length as compressed, and says both sizes', async () => {
    const { response } = streamed(async () => new Uint8Array(300), { 'content-length': '200' });
    serve(response);
    const seen: DownloadProgress[] = [];
    const r = await fetchBytes('https://x.test/bomb.json', LIMITS, (p) => seen.push(p));
    expect(!r.ok && r.error.message).toMatch(
      /stopped at 0\.00 MB: the server sent 0\.00 MB compressed, which unpacks to more than that/,
    );
    // Never "600 of 200": once the body outgrew the length, the length is given as the compressed size.
    expect(seen.at(-1)).toEqual({ loaded: 900, compressed: 200 });
    expect(seen.every((p) => p.total === undefined || p.loaded <= p.total)).toBe(true);
  });

  it('stops a download that sends nothing for the idle deadline', async () => {
    vi.useFakeTimers();
    const { response } = streamed(() => new Promise<Uint8Array>(() => {}));
    serve(response);
    const r = fetchBytes('https://x.test/stall', LIMITS, () => {});
    await vi.advanceTimersByTimeAsync(30_001);
    const out = await r;
    expect(!out.ok && out.error.message).toBe(
      'Loading https://x.test/stall stalled for 30 s and was stopped.',
    );
  });

  it('stops a download that trickles past the overall deadline', async () => {
    vi.useFakeTimers();
    const { response } = streamed(
      () => new Promise<Uint8Array>((done) => setTimeout(() => done(new Uint8Array(1)), 5000)),
    );
    serve(response);
    const r = fetchBytes('https://x.test/slow', LIMITS, () => {});
    await vi.advanceTimersByTimeAsync(600_001);
    const out = await r;
    expect(!out.ok && out.error.kind).toBe('timeout');
    expect(!out.ok && out.error.message).toMatch(
      /took more than 10 min \(0\.00 MB received\) and was stopped/,
    );
  });

  it('reports a web page where a dataset was expected as not found', async () => {
    serve(
      new Response('<!doctype html>\n<html lang="en"><head><title>Chronoscope</title>', {
        headers: { 'content-type': 'text/html' },
      }),
    );
    const r = await fetchBytes('https://x.test/data/nope.json', LIMITS, () => {});
    expect(!r.ok && r.error).toMatchObject({
      kind: 'not-found',
      message: expect.stringMatching(
        /^No dataset was found at https:\/\/x\.test\/data\/nope\.json/,
      ),
    });
  });
});
