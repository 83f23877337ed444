/// <reference lib="webworker" />
import '../lib/zodConfig';
import { buildIndex, indexParts, type DatasetIndex } from '../domain/buildIndex';
import { chunkSizeFor, encodeEvents } from '../domain/eventStore';
import { buildTextIndexAsync, searchText, type TextIndex } from '../domain/textSearch';
import { fetchBytes } from './fetchBytes';
import { loadDataset } from './loadDataset';
import { progressPacer } from './progressPacer';
import {
  type BusyHint,
  type LoaderMessage,
  type LoadRequest,
  type SearchRequest,
} from './loaderProtocol';

// Fetch, decode, parse, validate and index off the main thread; then keep the dataset here and answer text
// searches, so that neither the full-text index nor its searches ever cost the page a frame.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LoaderMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

let index: DatasetIndex | undefined;
let text: Promise<TextIndex> | undefined;

/** Events per slice of the text index build (~10 ms here), and how long it pauses after a hint that the analyst acts. */
const TEXT_SLICE = 2000;
const BUSY_PAUSE_MS = 250;
let quietUntil = 0;

/**
 * The first ICU date format built in the page's process costs 15-65 ms (its locale and zone data load), and landed
 * in whichever render of the page first showed a date. ICU's caches are shared by the page and its workers, so
 * the worker builds one while its download runs: the page's first date format then costs 0.2 ms instead of 15
 * (measured in Chromium 156). Not the collator: warming it here delayed a 10k load by ~170 ms, while the page's
 * first name comparison costs 11-22 ms.
 */
function warmIntl(): void {
  new Intl.DateTimeFormat().resolvedOptions();
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' }).format(0);
}

async function load(req: LoadRequest): Promise<void> {
  const progress = progressPacer((p) => post({ type: 'progress', progress: p }));
  let bytes: Uint8Array;
  if (req.from === 'url') {
    const download = fetchBytes(req.url, req.timeoutMs, (loaded, total) =>
      progress({ phase: 'download', loaded, ...(total ? { total } : {}) }),
    );
    warmIntl();
    const r = await download;
    if (!r.ok) return post({ type: 'failed', error: r.error });
    bytes = r.bytes;
  } else {
    warmIntl();
    bytes = new Uint8Array(req.bytes);
  }
  progress({ phase: 'parse', loaded: bytes.length, total: bytes.length });
  const outcome = loadDataset(bytes, req.name, req.options);
  if (!outcome.ok) return post({ type: 'failed', error: outcome.error });
  const n = outcome.dataset.events.length;
  progress({ phase: 'index', loaded: 0, total: n });
  const built = buildIndex(outcome.dataset);
  // The typed arrays move to the page (transferred, not copied); the events follow in chunks of encoded JSON,
  // also transferred, which the page parses as it reads them. The worker keeps what text search reads: the
  // events and the entities.
  const events = built.events;
  const { parts, transfer } = indexParts(built);
  const chunkSize = chunkSizeFor(events);
  post({ type: 'index', parts, chunkSize }, transfer);
  for (let i = 0; i < n; i += chunkSize) {
    const chunk = events.slice(i, i + chunkSize);
    const bytes = encodeEvents(chunk);
    post({ type: 'events', bytes, count: chunk.length }, [bytes.buffer as ArrayBuffer]);
    progress({ phase: 'receive', loaded: Math.min(n, i + chunkSize), total: n });
  }
  post({
    type: 'loaded',
    format: outcome.format,
    encoding: outcome.encoding,
    bytes: outcome.bytes,
  });
  index = built;
  // Built in slices that give way while the analyst acts: on a two-core machine a build running flat out beside
  // the page made the first filter changes after a load 70-100 ms instead of ~35.
  text = buildTextIndexAsync(built, TEXT_SLICE, () => quietUntil - performance.now());
  await text;
  post({ type: 'text-ready' });
}

function search(req: SearchRequest): void {
  const ds = index;
  // A search asked while the index is being built is answered when it is ready.
  void text?.then(
    (t) => {
      if (ds) post({ type: 'search-result', id: req.id, match: searchText(ds, t, req.q) });
    },
    () => {}, // the build failed: the page hears of it as the worker's error event
  );
}

scope.onmessage = (e: MessageEvent<LoadRequest | SearchRequest | BusyHint>) => {
  if (e.data.type === 'search') return search(e.data);
  if (e.data.type === 'busy') return void (quietUntil = performance.now() + BUSY_PAUSE_MS);
  // Anything that throws past loadDataset's own guard (indexing, a message that cannot be cloned) is reported,
  // not left to the page's watchdog.
  load(e.data).catch((err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    // After the load (building the text index): thrown outside the promise, so the page sees the worker's error
    // event and says search is unavailable.
    if (index)
      return void setTimeout(() => {
        throw err;
      });
    post({
      type: 'failed',
      error: {
        kind: 'worker',
        message: 'The file could not be indexed because of an internal error.',
        detail,
      },
    });
  });
};
