/// <reference lib="webworker" />
import '../lib/zodConfig';
import { buildIndex, indexParts, type DatasetIndex } from '../domain/buildIndex';
import { buildTextIndex, searchText, type TextIndex } from '../domain/textSearch';
import { fetchBytes } from './fetchBytes';
import { loadDataset } from './loadDataset';
import {
  EVENT_CHUNK,
  type LoaderMessage,
  type LoadRequest,
  type SearchRequest,
} from './loaderProtocol';

// Fetch, decode, parse, validate and index off the main thread; then keep the dataset here and answer text
// searches, so that neither the full-text index nor its searches ever cost the page a frame.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LoaderMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

let index: DatasetIndex | undefined;
let text: TextIndex | undefined;

async function load(req: LoadRequest): Promise<void> {
  let bytes: Uint8Array;
  if (req.from === 'url') {
    const r = await fetchBytes(req.url, req.timeoutMs, (loaded, total) =>
      post({
        type: 'progress',
        progress: { phase: 'download', loaded, ...(total ? { total } : {}) },
      }),
    );
    if (!r.ok) return post({ type: 'failed', error: r.error });
    bytes = r.bytes;
  } else {
    bytes = new Uint8Array(req.bytes);
  }
  post({
    type: 'progress',
    progress: { phase: 'parse', loaded: bytes.length, total: bytes.length },
  });
  const outcome = loadDataset(bytes, req.name, req.options);
  if (!outcome.ok) return post({ type: 'failed', error: outcome.error });
  const n = outcome.dataset.events.length;
  post({ type: 'progress', progress: { phase: 'index', loaded: 0, total: n } });
  const built = buildIndex(outcome.dataset);
  // The typed arrays move to the page (transferred, not copied); the events follow as structured copies, in
  // chunks. The worker keeps what text search reads: the events and the entities.
  const events = built.events;
  const { parts, transfer } = indexParts(built);
  post({ type: 'index', parts }, transfer);
  for (let i = 0; i < n; i += EVENT_CHUNK) {
    post({ type: 'events', events: events.slice(i, i + EVENT_CHUNK) });
    post({
      type: 'progress',
      progress: { phase: 'receive', loaded: Math.min(n, i + EVENT_CHUNK), total: n },
    });
  }
  post({
    type: 'loaded',
    format: outcome.format,
    encoding: outcome.encoding,
    bytes: outcome.bytes,
  });
  index = built;
  text = buildTextIndex(built);
  post({ type: 'text-ready' });
}

function search(req: SearchRequest): void {
  if (!index || !text) return;
  post({ type: 'search-result', id: req.id, match: searchText(index, text, req.q) });
}

scope.onmessage = (e: MessageEvent<LoadRequest | SearchRequest>) => {
  if (e.data.type === 'search') return search(e.data);
  // Anything that throws past loadDataset's own guard (indexing, a message that cannot be cloned) is reported,
  // not left to the page's watchdog.
  load(e.data).catch((err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    if (index) throw err; // after the load: the page sees it as the worker's error event
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
