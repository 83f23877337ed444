import { assembleIndex, buildIndex, type DatasetIndex } from '../../domain/buildIndex';
import { ChunkedEventStore } from '../../domain/eventStore';
import type { Encoding } from '../read/decodeText';
import type { FormatId } from '../read/detectFormat';
import { DOWNLOAD_LIMITS, fetchBytes } from '../read/fetchBytes';
import { formatMegabytes, LIMITS } from '../../domain/limits';
import type { ReadOptions } from '../read/loadDataset';
import { failure, type LoadFailure } from '../read/loadFailure';
import { type LoaderMessage, type LoadProgress, type LoadRequest } from '../loaderProtocol';
import { workerLayerJoiner, type LayerJoiner } from './layerJoiner';
import { localFile } from './localFiles';
import type { Source } from './sources';
import { inlineTextService, workerTextService, type TextService } from './textService';

/** A loaded, indexed dataset as the query cache holds it. */
export interface LoadedDataset {
  source: Source;
  index: DatasetIndex;
  /** Full-text search: in the loader worker, which keeps the dataset after the load. */
  text: TextService;
  /** Joins the analyst's added events and curation in that worker; absent where the dataset has none. */
  join?: LayerJoiner;
  format: FormatId;
  encoding: Encoding;
  bytes: number;
}

type Loaded = Omit<LoadedDataset, 'source'>;
type Outcome = { ok: true; loaded: Loaded } | { ok: false; error: LoadFailure };

/** Thrown by the query function; the error panel shows `failure.message`. */
export class DatasetLoadError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(failure.message);
    this.name = 'DatasetLoadError';
  }
}

export const FETCH_TIMEOUT_MS = LIMITS.downloadIdleMs;
/** Parsing and validating a million events takes seconds, not minutes; three minutes without an answer is a hang. */
export const PARSE_TIMEOUT_MS = 180_000;

function runInWorker(
  req: LoadRequest,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../worker/loader.worker.ts', import.meta.url), {
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
        fail(failure('timeout', `${what} stalled for ${Math.round(ms / 1000)} s and was stopped.`));
      }, ms);
    };
    // The overall download deadline is kept here too, so that a worker too busy to keep its own still ends.
    let received = 0;
    let overall: ReturnType<typeof setTimeout> | undefined =
      req.from === 'url'
        ? setTimeout(
            () =>
              fail(
                failure(
                  'timeout',
                  `Loading took more than ${Math.round(LIMITS.downloadTotalMs / 60_000)} min (${formatMegabytes(received)} received) and was stopped; the server is too slow.`,
                ),
              ),
            LIMITS.downloadTotalMs,
          )
        : undefined;
    const downloaded = () => {
      if (overall !== undefined) clearTimeout(overall);
      overall = undefined;
    };
    let index: DatasetIndex | undefined;
    let events: ChunkedEventStore | undefined;
    let done = false;
    const stop = () => {
      done = true;
      downloaded();
      if (watchdog !== undefined) clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: LoadFailure) => {
      if (done) return;
      stop();
      worker.terminate();
      resolve({ ok: false, error });
    };
    arm(req.from === 'url' ? 'download' : 'parse');
    const onAbort = () => fail(failure('cancelled', 'Loading was cancelled.'));
    signal?.addEventListener('abort', onAbort);
    worker.addEventListener('message', (e: MessageEvent<LoaderMessage>) => {
      if (done) return;
      const m = e.data;
      switch (m.type) {
        case 'progress':
          arm(m.progress.phase);
          if (m.progress.phase === 'download') received = m.progress.loaded;
          else downloaded();
          onProgress(m.progress);
          break;
        case 'failed':
          fail(m.error);
          break;
        case 'index':
          if (!Number.isInteger(m.chunkSize) || m.chunkSize < 1) {
            fail(failure('worker', 'The loader sent an unreadable index.'));
            break;
          }
          events = new ChunkedEventStore(m.chunkSize);
          index = assembleIndex(m.parts, events);
          break;
        case 'events':
          events?.add(m.bytes, m.count);
          break;
        case 'loaded':
          if (!index || index.events.length !== index.size) {
            fail(failure('worker', 'The loader sent an incomplete dataset.'));
            break;
          }
          stop();
          resolve({
            ok: true,
            loaded: {
              index,
              text: workerTextService(worker),
              join: workerLayerJoiner(worker, index),
              format: m.format,
              encoding: m.encoding,
              bytes: m.bytes,
            },
          });
          break;
      }
    });
    worker.onerror = (e) => {
      e.preventDefault();
      fail(
        failure(
          'worker',
          'The loader stopped unexpectedly (it may have run out of memory).',
          e.message,
        ),
      );
    };
    worker.onmessageerror = () =>
      fail(failure('worker', 'The loader sent a message that could not be read.'));
    if (req.from === 'bytes') worker.postMessage(req, [req.bytes]);
    else worker.postMessage(req);
  });
}

/** Same pipeline on the main thread, where no Worker exists (unit tests). */
async function runInline(
  req: LoadRequest,
  onProgress: (p: LoadProgress) => void,
): Promise<Outcome> {
  let bytes: Uint8Array;
  if (req.from === 'url') {
    const r = await fetchBytes(req.url, DOWNLOAD_LIMITS, (p) =>
      onProgress({ phase: 'download', ...p }),
    );
    if (!r.ok) return r;
    bytes = r.bytes;
  } else bytes = new Uint8Array(req.bytes);
  // The parsers and schemas are the worker's; only this fallback brings them into the page, on demand.
  const { loadAnyDataset } = await import('../read/loadDataset');
  const outcome = await loadAnyDataset(bytes, req.name, req.options);
  if (!outcome.ok) return outcome;
  const index = buildIndex(outcome.dataset);
  return {
    ok: true,
    loaded: {
      index,
      text: inlineTextService(index),
      format: outcome.format,
      encoding: outcome.encoding,
      bytes: outcome.bytes,
    },
  };
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
    case 'server':
      // A server dataset is never loaded into the page: the server answers each view (viewEngine.ts).
      throw new DatasetLoadError(
        failure('unsupported', 'A server dataset is answered by the server, not loaded.'),
      );
    default:
      req = {
        type: 'load',
        from: 'url',
        url: source.url,
        name: source.url.split('/').pop() ?? '',
        options,
      };
  }
  const outcome =
    typeof Worker === 'undefined'
      ? await runInline(req, onProgress)
      : await runInWorker(req, onProgress, signal);
  if (!outcome.ok) throw new DatasetLoadError(outcome.error);
  return { source, ...outcome.loaded };
}
