// First: zod must be jitless before any schema exists (see the module).
import '../../lib/zodConfig';
import { buildIndex, indexParts, type DatasetIndex } from '../../domain/buildIndex';
import { ChunkedEventStore, chunkSizeFor, encodeEvents } from '../../domain/eventStore';
import { buildTextIndexAsync, searchText, type TextIndex } from '../../domain/textSearch';
import { loadAnyDataset } from '../read/loadDataset';
import { buildJoin, joinBuildParts } from '../../domain/joinLayer';
import type {
  JoinRequest,
  LoaderMessage,
  LoadProgress,
  LoadRequest,
  SearchRequest,
} from '../loaderProtocol';

/**
 * The loader worker's engine: parsing, validation, the index and text search. The worker's entry imports it while
 * the download runs (loader.worker.ts), so that compiling it does not hold up the request.
 */
type Post = (m: LoaderMessage, transfer?: Transferable[]) => void;

let index: DatasetIndex | undefined;
let text: Promise<TextIndex> | undefined;

/** Events per slice of the text index build (~10 ms here), and how long it pauses after a hint that the analyst acts. */
const TEXT_SLICE = 2000;
const BUSY_PAUSE_MS = 250;
/** How long the page takes to draw a dataset it has just received (~250 ms at 10k events here), with a margin. */
const FIRST_DRAW_MS = 400;
let quietUntil = 0;

/** The analyst acts on the page: background work pauses for a moment. */
export function busy(): void {
  quietUntil = performance.now() + BUSY_PAUSE_MS;
}

/** Whether a dataset has been loaded (after which an internal error is about search, not the load). */
export const hasDataset = (): boolean => index !== undefined;

/**
 * Reads downloaded (or opened) bytes into a dataset, sends the page its index and events, then builds the text
 * index in the background.
 */
export async function readDataset(
  bytes: Uint8Array,
  req: LoadRequest,
  progress: (p: LoadProgress) => void,
  post: Post,
): Promise<void> {
  const sent = await sendDataset(bytes, req, progress, post);
  if (!sent) return;
  index = sent;
  // The page now draws the dataset for the first time, on the other core: the text index waits until it has (a
  // build started at once made a load slower to become interactive on two cores). Then it is built in
  // slices that give way while the analyst acts: run flat out beside the page, it made the first filter changes
  // after a load about twice as slow.
  quietUntil = performance.now() + FIRST_DRAW_MS;
  text = buildTextIndexAsync(sent, TEXT_SLICE, () => quietUntil - performance.now());
  await text;
  post({ type: 'text-ready' });
}

/**
 * Loads the dataset and sends it to the page. Returns the index the worker keeps for text search, whose events are
 * the encoded chunks (as on the page), not objects: a million event objects were ~700 MB of this worker's heap,
 * which every major garbage collection of the text index build had to trace (most of its ~20 s at 1M). The event
 * objects are garbage once this returns. Undefined when the load failed (the page has been told).
 */
async function sendDataset(
  bytes: Uint8Array,
  req: LoadRequest,
  progress: (p: LoadProgress) => void,
  post: Post,
): Promise<DatasetIndex | undefined> {
  progress({ phase: 'parse', loaded: bytes.length, total: bytes.length });
  const outcome = await loadAnyDataset(bytes, req.name, req.options);
  if (!outcome.ok) return void post({ type: 'failed', error: outcome.error });
  const n = outcome.dataset.events.length;
  progress({ phase: 'index', loaded: 0, total: n });
  const built = buildIndex(outcome.dataset);
  // The typed arrays move to the page (transferred, not copied); the events follow in chunks of encoded JSON,
  // which the page parses as it reads them. The worker keeps a copy of each chunk for text search.
  const events = built.events;
  const { parts, transfer } = indexParts(built);
  const chunkSize = chunkSizeFor(events);
  const kept = new ChunkedEventStore(chunkSize);
  post({ type: 'index', parts, chunkSize }, transfer);
  for (let i = 0; i < n; i += chunkSize) {
    const chunk = events.slice(i, i + chunkSize);
    const encoded = encodeEvents(chunk);
    kept.add(encoded, chunk.length);
    const copy = encoded.slice();
    post({ type: 'events', bytes: copy, count: chunk.length }, [copy.buffer]);
    progress({ phase: 'receive', loaded: Math.min(n, i + chunkSize), total: n });
  }
  post({
    type: 'loaded',
    format: outcome.format,
    encoding: outcome.encoding,
    bytes: outcome.bytes,
  });
  return { ...built, events: kept, dataset: { ...built.dataset, events: kept } };
}

export function search(req: SearchRequest, post: Post): void {
  const ds = index;
  // A search asked while the index is being built is answered when it is ready.
  void text?.then(
    (t) => {
      if (ds) post({ type: 'search-result', id: req.id, match: searchText(ds, t, req.q) });
    },
    () => {}, // the build failed: the page hears of it as the worker's error event
  );
}

/**
 * Builds the dataset joined with the analyst's added events and curation (a rebuild of the index over every event,
 * about a second at 100k events) here, so that the page keeps answering meanwhile; sends it as transferred parts.
 */
export function join(req: JoinRequest, post: Post): void {
  if (!index) return post({ type: 'join-failed', id: req.id, error: 'no dataset loaded' });
  try {
    const { message, transfer } = joinBuildParts(buildJoin(index, req.added, req.curation));
    post({ type: 'joined', id: req.id, build: message }, transfer);
  } catch (e) {
    post({ type: 'join-failed', id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
}
