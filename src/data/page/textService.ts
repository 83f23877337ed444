import type { DatasetIndex } from '../../domain/buildIndex';
import {
  buildTextIndex,
  buildTextIndexAsync,
  searchText,
  type TextIndex,
  type TextMatch,
} from '../../domain/textSearch';
import type { BusyHint, LoaderMessage, SearchRequest } from '../loaderProtocol';

/** Full-text search over a loaded dataset, answered asynchronously (by the loader worker, or in this thread). */
export interface TextService {
  /** True once searches are answered from a complete index. */
  isReady(): boolean;
  /** Why search is unavailable (the worker stopped after the load), or undefined. */
  error(): string | undefined;
  /** Calls back when search becomes ready or unavailable; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
  search(q: string): Promise<TextMatch>;
  /** The answer to a query asked recently, at once (no round trip), or undefined. */
  peek(q: string): TextMatch | undefined;
  /** Ends the worker behind the service (the dataset left the cache). */
  dispose(): void;
}

/** Recent answers, so that a query asked ahead (on Enter) is drawn in the same render as the URL change. */
const CACHED_ANSWERS = 20;

function answerCache() {
  const answers = new Map<string, TextMatch>();
  return {
    get: (q: string) => answers.get(q),
    set: (q: string, m: TextMatch) => {
      answers.delete(q);
      answers.set(q, m);
      if (answers.size > CACHED_ANSWERS) answers.delete(answers.keys().next().value!);
    },
  };
}

/** Callbacks for when search becomes ready or unavailable. */
function listenerSet() {
  const listeners = new Set<() => void>();
  return {
    notify: () => listeners.forEach((l) => l()),
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}

/** The loader worker, kept after a load: it built the text index and answers searches. */
export function workerTextService(worker: Worker): TextService {
  let ready = false;
  let nextId = 1;
  const pending = new Map<number, { resolve(m: TextMatch): void; reject(e: Error): void }>();
  const listeners = listenerSet();
  const cache = answerCache();
  let error: string | undefined;
  // The worker lives on after the load; if it dies (building a large text index can run out of memory), search
  // says so instead of waiting forever.
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    error = 'Search is unavailable: the search worker stopped (it may have run out of memory).';
    for (const p of pending.values()) p.reject(new Error(error));
    pending.clear();
    listeners.notify();
  });
  const stopHints = hintWhileBusy(worker);
  worker.addEventListener('message', (e: MessageEvent<LoaderMessage>) => {
    const m = e.data;
    if (m.type === 'text-ready') {
      ready = true;
      stopHints();
      listeners.notify();
    } else if (m.type === 'search-result') {
      pending.get(m.id)?.resolve(m.match);
      pending.delete(m.id);
    }
  });
  return {
    isReady: () => ready && !error,
    error: () => error,
    subscribe: listeners.subscribe,
    peek: (q) => cache.get(q),
    search: (q) =>
      new Promise((resolve, reject) => {
        const hit = cache.get(q);
        if (hit) return resolve(hit);
        if (error) return reject(new Error(error));
        const id = nextId++;
        pending.set(id, {
          resolve: (m) => {
            cache.set(q, m);
            resolve(m);
          },
          reject,
        });
        worker.postMessage({ type: 'search', id, q } satisfies SearchRequest);
      }),
    dispose: () => {
      stopHints();
      worker.terminate();
      pending.clear();
    },
  };
}

/** At most one hint per this many ms. */
const HINT_EVERY_MS = 100;

/**
 * While the worker builds the text index, tells it when the analyst clicks, types, drags or scrolls, so that it
 * pauses and leaves the CPU to the page (the index is built in slices; see loader.worker.ts). Returns the stop
 * function.
 */
function hintWhileBusy(worker: Worker): () => void {
  if (typeof window === 'undefined') return () => {};
  let last = 0;
  const hint = () => {
    const now = performance.now();
    if (now - last < HINT_EVERY_MS) return;
    last = now;
    worker.postMessage({ type: 'busy' } satisfies BusyHint);
  };
  const kinds = ['pointerdown', 'keydown', 'wheel', 'click'] as const;
  for (const k of kinds) window.addEventListener(k, hint, { capture: true, passive: true });
  return () => {
    for (const k of kinds) window.removeEventListener(k, hint, { capture: true });
  };
}

/** Below this many events the in-thread text index is built at once (it takes a few milliseconds). */
const SYNC_TEXT_INDEX_MAX = 5000;

/** Search in this thread (unit tests, and browsers without module workers). */
export function inlineTextService(index: DatasetIndex): TextService {
  let text: TextIndex | undefined =
    index.size <= SYNC_TEXT_INDEX_MAX ? buildTextIndex(index) : undefined;
  const cache = answerCache();
  const listeners = listenerSet();
  const whenReady = text
    ? Promise.resolve()
    : buildTextIndexAsync(index).then((t) => {
        text = t;
        listeners.notify();
      });
  return {
    isReady: () => text !== undefined,
    error: () => undefined,
    subscribe: listeners.subscribe,
    peek: (q) => cache.get(q),
    search: async (q) => {
      await whenReady;
      const m = cache.get(q) ?? searchText(index, text!, q);
      cache.set(q, m);
      return m;
    },
    dispose: () => {},
  };
}
