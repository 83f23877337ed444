import { failure, type LoadFailure } from './loadFailure';
import { clipText } from '../../domain/clipText';

export type FetchResult = { ok: true; bytes: Uint8Array } | { ok: false; error: LoadFailure };

/**
 * Fetches a dataset with CORS and no credentials, reporting bytes as they arrive; a stall longer than
 * `timeoutMs` without data ends it with a timeout message.
 */
export async function fetchBytes(
  url: string,
  timeoutMs: number,
  onProgress: (loaded: number, total?: number) => void,
): Promise<FetchResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const shown = clipText(url, 100);
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
    const total = Number(res.headers.get('content-length')) || undefined;
    if (!res.body) {
      const buf = new Uint8Array(await res.arrayBuffer());
      onProgress(buf.length, total);
      return { ok: true, bytes: buf };
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      arm();
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.length;
    }
    return { ok: true, bytes };
  } catch (e) {
    if (timedOut)
      return {
        ok: false,
        error: failure(
          'timeout',
          `Loading ${shown} stalled for ${Math.round(timeoutMs / 1000)} s and was stopped.`,
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
    if (timer !== undefined) clearTimeout(timer);
  }
}
