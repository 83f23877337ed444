/// <reference lib="webworker" />
import { DOWNLOAD_LIMITS, fetchBytes } from '../read/fetchBytes';
import { progressPacer } from './progressPacer';
import type {
  BusyHint,
  JoinRequest,
  LoaderMessage,
  LoadRequest,
  SearchRequest,
} from '../loaderProtocol';

// Fetch, decode, parse, validate and index off the main thread; then keep the dataset here and answer text
// searches, so that neither the full-text index nor its searches ever cost the page a frame.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LoaderMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

// This entry is small, so the download starts as soon as the worker does; the engine (parsers, schemas, index,
// text search: most of the worker's code) is fetched, compiled and evaluated while the data arrives. Loaded with
// the entry, it held the request back.
const engine = import('./loaderEngine');
engine.catch(() => {}); // reported where it is awaited

/**
 * The first ICU date format built in the page's process is slow (its locale and zone data load), and landed
 * in whichever render of the page first showed a date. ICU's caches are shared by the page and its workers, so
 * the worker builds one while its download runs: the page's first date format is then cheap. Not the
 * collator: warming it here delayed a load by more than the page's first name comparison costs.
 */
function warmIntl(): void {
  new Intl.DateTimeFormat().resolvedOptions();
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' }).format(0);
}

async function load(req: LoadRequest): Promise<void> {
  const progress = progressPacer((p) => post({ type: 'progress', progress: p }));
  let bytes: Uint8Array;
  if (req.from === 'url') {
    const download = fetchBytes(req.url, DOWNLOAD_LIMITS, (p) =>
      progress({ phase: 'download', ...p }),
    );
    warmIntl();
    const r = await download;
    if (!r.ok) return post({ type: 'failed', error: r.error });
    bytes = r.bytes;
  } else {
    warmIntl();
    bytes = new Uint8Array(req.bytes);
  }
  await (await engine).readDataset(bytes, req, progress, post);
}

scope.onmessage = (e: MessageEvent<LoadRequest | SearchRequest | BusyHint | JoinRequest>) => {
  const m = e.data;
  if (m.type === 'search') return void engine.then((en) => en.search(m, post));
  if (m.type === 'join') return void engine.then((en) => en.join(m, post));
  if (m.type === 'busy') return void engine.then((en) => en.busy());
  // Anything that throws past loadDataset's own guard (indexing, a message that cannot be cloned, the engine
  // failing to load) is reported, not left to the page's watchdog.
  load(m).catch(async (err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    // After the load (building the text index): thrown outside the promise, so the page sees the worker's error
    // event and says search is unavailable.
    const loaded = await engine.then(
      (en) => en.hasDataset(),
      () => false,
    );
    if (loaded)
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
