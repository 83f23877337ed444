import { failure, type LoadFailure } from './loadFailure';
import { clipText } from '../../domain/clipText';
import { formatMegabytes, LIMITS } from '../../domain/limits';
import { looksLikeHtml } from './looksLikeHtml';

export type FetchResult = { ok: true; bytes: Uint8Array } | { ok: false; error: LoadFailure };

/** What bounds one download: decoded bytes, time without data, and time in all. */
export interface FetchLimits {
  maxBytes: number;
  idleMs: number;
  totalMs: number;
}

export const DOWNLOAD_LIMITS: FetchLimits = {
  maxBytes: LIMITS.maxFileBytes,
  idleMs: LIMITS.downloadIdleMs,
  totalMs: LIMITS.downloadTotalMs,
};

/**
 * Download progress. `loaded` counts decoded bytes (what the file will weigh); `total` is given only when the
 * server's length is the decoded size; `compressed` is the length the server sent when it compressed the body,
 * which must never be read as the size of the file.
 */
export interface DownloadProgress {
  loaded: number;
  total?: number;
  compressed?: number;
}

const seconds = (ms: number) =>
  ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;

/**
 * Fetches a dataset with CORS and no credentials, counting decoded bytes as they arrive and stopping at the size
 * limit, after `idleMs` without data, or after `totalMs` in all. A web page (HTML) where a dataset was expected
 * is what a server with a single-page-app fallback sends for a missing file: it is reported as not found.
 */
export async function fetchBytes(
  url: string,
  limits: FetchLimits,
  onProgress: (p: DownloadProgress) => void,
): Promise<FetchResult> {
  const controller = new AbortController();
  let idle: ReturnType<typeof setTimeout> | undefined;
  let stopped: 'idle' | 'total' | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const stop = (why: 'idle' | 'total') => {
    stopped ??= why;
    controller.abort();
    void reader?.cancel().catch(() => {});
  };
  const arm = () => {
    if (idle !== undefined) clearTimeout(idle);
    idle = setTimeout(() => stop('idle'), limits.idleMs);
  };
  const overall = setTimeout(() => stop('total'), limits.totalMs);
  const shown = clipText(url, 100);
  let loaded = 0;
  try {
    arm();
    const res = await fetch(url, {
      mode: 'cors',
      credentials: 'omit',
      signal: controller.signal,
      referrerPolicy: 'no-referrer',
    });
    if (!res.ok) {
      return {
        ok: false,
        error: failure(
          'network',
          `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${shown}.`,
          undefined,
          res.status,
        ),
      };
    }
    const length = Number(res.headers.get('content-length')) || undefined;
    // Content-Encoding is visible only same-origin or when the server exposes it; elsewhere a body that outgrows
    // its Content-Length shows that the length was the compressed one.
    const encoding = res.headers.get('content-encoding')?.trim().toLowerCase();
    let compressed = encoding !== undefined && encoding !== '' && encoding !== 'identity';
    if (length !== undefined && length > limits.maxBytes) {
      controller.abort();
      return { ok: false, error: tooLarge(length, limits.maxBytes, compressed, true) };
    }
    const progress = () =>
      onProgress(
        compressed || length === undefined
          ? { loaded, ...(compressed && length ? { compressed: length } : {}) }
          : { loaded, total: length },
      );
    const chunks: Uint8Array[] = [];
    const isHtml = () => looksLikeHtml(new TextDecoder().decode(joinChunks(chunks, 512)));
    if (!res.body) {
      const buf = new Uint8Array(await res.arrayBuffer());
      loaded = buf.length;
      if (loaded > limits.maxBytes)
        return { ok: false, error: tooLarge(loaded, limits.maxBytes, compressed, false, length) };
      progress();
      chunks.push(buf);
    } else {
      reader = res.body.getReader();
      for (;;) {
        arm();
        const { done, value } = await reader.read();
        if (stopped) throw new Error(`download stopped (${stopped})`);
        if (done) break;
        loaded += value.length;
        if (length !== undefined && loaded > length) compressed = true;
        if (loaded > limits.maxBytes) {
          void reader?.cancel().catch(() => {});
          return {
            ok: false,
            error: tooLarge(loaded, limits.maxBytes, compressed, false, length),
          };
        }
        chunks.push(value);
        progress();
        // Decided once the first bytes are in, so that a large page is not downloaded to be refused.
        if (loaded - value.length < 512 && loaded >= 512 && isHtml()) {
          void reader?.cancel().catch(() => {});
          return { ok: false, error: notFound(shown) };
        }
      }
    }
    if (loaded < 512 && isHtml()) return { ok: false, error: notFound(shown) };
    return { ok: true, bytes: joinChunks(chunks, loaded) };
  } catch (e) {
    if (stopped === 'idle')
      return {
        ok: false,
        error: failure(
          'timeout',
          `Loading ${shown} stalled for ${seconds(limits.idleMs)} and was stopped.`,
        ),
      };
    if (stopped === 'total')
      return {
        ok: false,
        error: failure(
          'timeout',
          `Loading ${shown} took more than ${seconds(limits.totalMs)} (${formatMegabytes(loaded)} received) and was stopped; the server is too slow.`,
        ),
      };
    return {
      ok: false,
      error: failure(
        'network',
        `Could not fetch ${shown}: the network failed or the server does not allow cross-origin (CORS) requests.`,
        e instanceof Error ? e.message : String(e),
      ),
    };
  } finally {
    if (idle !== undefined) clearTimeout(idle);
    clearTimeout(overall);
  }
}

/** The first `n` bytes of the chunks, as one array. */
function joinChunks(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const total = Math.min(
    n,
    chunks.reduce((sum, c) => sum + c.length, 0),
  );
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    if (offset >= total) break;
    const part = c.subarray(0, total - offset);
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function notFound(shown: string): LoadFailure {
  return failure(
    'not-found',
    `No dataset was found at ${shown}: the server answered with a web page (HTML) instead of a file. Check the address.`,
  );
}

function tooLarge(
  bytes: number,
  max: number,
  compressed: boolean,
  announced: boolean,
  length?: number,
): LoadFailure {
  const limit = `Chronoscope opens files up to ${formatMegabytes(max)}`;
  if (announced)
    return failure(
      'too-large',
      compressed
        ? `The server announced ${formatMegabytes(bytes)} even compressed; ${limit}.`
        : `The file is ${formatMegabytes(bytes)}; ${limit}.`,
    );
  return failure(
    'too-large',
    compressed && length !== undefined
      ? `The download was stopped at ${formatMegabytes(max)}: the server sent ${formatMegabytes(length)} compressed, which unpacks to more than that; ${limit}.`
      : `The download was stopped at ${formatMegabytes(max)}: the file is larger; ${limit}.`,
  );
}
