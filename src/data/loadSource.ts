import { buildIndex, type DatasetIndex } from '../domain/buildIndex';
import { buildTextIndex, buildTextIndexAsync, type TextIndex } from '../domain/textSearch';
import type { Encoding } from './decodeText';
import type { FormatId } from './detectFormat';
import { fetchBytes } from './fetchBytes';
import { loadDataset, type LoadOutcome, type ReadOptions } from './loadDataset';
import { failure, type LoadFailure } from './loadFailure';
import type { LoaderMessage, LoadProgress, LoadRequest } from './loaderProtocol';
import { localFile } from './localFiles';
import type { Source } from './sources';

export interface TextIndexHandle {
  ready?: TextIndex;
  promise: Promise<TextIndex>;
}

/** Below this many events the text index is built before the dataset shows (it takes a few milliseconds). */
const SYNC_TEXT_INDEX_MAX = 5000;

/** A loaded, indexed dataset as the query cache holds it. */
export interface LoadedDataset {
  source: Source;
  index: DatasetIndex;
  /** The full-text index: ready at once for small datasets, built in the background for large ones. */
  text: TextIndexHandle;
  format: FormatId;
  encoding: Encoding;
  bytes: number;
}

/** Thrown by the query function; the error panel shows `failure.message`. */
export class DatasetLoadError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(failure.message);
    this.name = 'DatasetLoadError';
  }
}

export const FETCH_TIMEOUT_MS = 30_000;
/** Parsing and validating 1M events takes about 20 s here; three minutes without an answer is a hang. */
export const PARSE_TIMEOUT_MS = 180_000;

function runInWorker(
  req: LoadRequest,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<LoadOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./loader.worker.ts', import.meta.url), {
      type: 'module',
      name: 'chronoscope-loader',
    });
    // Watchdog on the main thread: no word from the worker for too long ends the load (a stalled download,
    // or a loader that hangs), so the analyst gets a message and a retry instead of a spinner forever.
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = (phase: LoadProgress['phase']) => {
      if (watchdog !== undefined) clearTimeout(watchdog);
      const ms = phase === 'download' ? FETCH_TIMEOUT_MS : PARSE_TIMEOUT_MS;
      watchdog = setTimeout(() => {
        const what = phase === 'download' ? 'Loading' : 'Reading the file';
        finish({
          ok: false,
          error: failure(
            'timeout',
            `${what} stalled for ${Math.round(ms / 1000)} s and was stopped.`,
          ),
        });
      }, ms);
    };
    const finish = (o: LoadOutcome) => {
      if (watchdog !== undefined) clearTimeout(watchdog);
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      resolve(o);
    };
    arm(req.from === 'url' ? 'download' : 'parse');
    const onAbort = () =>
      finish({ ok: false, error: failure('cancelled', 'Loading was cancelled.') });
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e: MessageEvent<LoaderMessage>) => {
      if (e.data.type === 'progress') {
        arm(e.data.progress.phase);
        onProgress(e.data.progress);
      } else finish(e.data.outcome);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish({
        ok: false,
        error: failure(
          'worker',
          'The loader stopped unexpectedly (it may have run out of memory).',
          e.message,
        ),
      });
    };
    worker.onmessageerror = () =>
      finish({
        ok: false,
        error: failure('worker', 'The loader sent a message that could not be read.'),
      });
    if (req.from === 'bytes') worker.postMessage(req, [req.bytes]);
    else worker.postMessage(req);
  });
}

/** Same pipeline on the main thread, where no Worker exists (unit tests). */
async function runInline(
  req: LoadRequest,
  onProgress: (p: LoadProgress) => void,
): Promise<LoadOutcome> {
  let bytes: Uint8Array;
  if (req.from === 'url') {
    const r = await fetchBytes(req.url, req.timeoutMs, (loaded, total) =>
      onProgress({ phase: 'download', loaded, ...(total ? { total } : {}) }),
    );
    if (!r.ok) return r;
    bytes = r.bytes;
  } else bytes = new Uint8Array(req.bytes);
  return loadDataset(bytes, req.name, req.options);
}

/** Loads, validates and indexes a source; throws DatasetLoadError with a readable message on failure. */
export async function loadSource(
  source: Source,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
  options: ReadOptions = {},
): Promise<LoadedDataset> {
  let req: LoadRequest;
  switch (source.kind) {
    case 'refused':
      throw new DatasetLoadError(failure('refused', source.reason));
    case 'local': {
      const file = localFile(source.name);
      if (!file) {
        throw new DatasetLoadError(
          failure(
            'unsupported',
            `This link names a local file, "${source.name}", that was opened in another browser tab or machine. Open that file with "Open file" or drop it on the page.`,
          ),
        );
      }
      req = {
        type: 'load',
        from: 'bytes',
        bytes: await file.arrayBuffer(),
        name: file.name,
        options,
      };
      break;
    }
    default:
      req = {
        type: 'load',
        from: 'url',
        url: source.url,
        name: source.url.split('/').pop() ?? '',
        timeoutMs: FETCH_TIMEOUT_MS,
        options,
      };
  }
  const outcome =
    typeof Worker === 'undefined'
      ? await runInline(req, onProgress)
      : await runInWorker(req, onProgress, signal);
  if (!outcome.ok) throw new DatasetLoadError(outcome.error);
  onProgress({ phase: 'index', loaded: 0, total: outcome.dataset.events.length });
  const index = buildIndex(outcome.dataset);
  // The dashboard is usable as soon as the structural index exists; search joins when its index is built.
  let text: TextIndexHandle;
  if (index.size <= SYNC_TEXT_INDEX_MAX) {
    const ready = buildTextIndex(index);
    text = { ready, promise: Promise.resolve(ready) };
  } else {
    const handle: TextIndexHandle = { promise: buildTextIndexAsync(index) };
    void handle.promise.then((t) => (handle.ready = t));
    text = handle;
  }
  onProgress({ phase: 'index', loaded: index.size, total: index.size });
  return {
    source,
    index,
    text,
    format: outcome.format,
    encoding: outcome.encoding,
    bytes: outcome.bytes,
  };
}
