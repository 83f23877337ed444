import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  annotate,
  EMPTY_LAYER,
  indexLayer,
  mergeLayers,
  readLayer,
  updateLayerIndex,
  type MergeReport,
  type Annotation,
  type Layer,
  type LayerIndex,
} from '../../domain/annotations';
import type { AddedEvent } from '../../domain/addedEvents';
import type { DatasetIndex } from '../../domain/buildIndex';
import { isEmptyCuration, type Curation } from '../../domain/curation';
import { joinLayer, type JoinedIndex } from '../../domain/joinLayer';
import { joinedDataset } from './joinedDataset';
import { JoinSuperseded } from './layerJoiner';
import type { LoadedDataset } from './loadSource';
import type { Source } from './sources';

/**
 * Where layers are kept. The browser's IndexedDB by default; a server store can take its place for team sharing
 * (the same three calls), and nothing in features/ talks to the storage itself.
 */
export interface LayerBackend {
  load(key: string): Promise<unknown>;
  save(key: string, layer: Layer): Promise<void>;
}

const DB = 'chronoscope';
const STORE = 'layers';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** Layers in IndexedDB, one record per dataset key. */
export const indexedDbBackend: LayerBackend = {
  async load(key) {
    const db = await openDb();
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(key);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
    } finally {
      db.close();
    }
  },
  async save(key, layer) {
    const db = await openDb();
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(layer, key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        tx.onabort = () => reject(tx.error ?? new Error('write aborted (is the disk full?)'));
      });
    } finally {
      db.close();
    }
  },
};

/** The key a dataset's layer is kept under: where it came from (a link, a bundled id, a local file's name). */
export function layerKey(source: Source): string {
  switch (source.kind) {
    case 'bundled':
      return `bundled:${source.id}`;
    case 'url':
      return `url:${source.url}`;
    case 'local':
      return `local:${source.name}`;
    case 'server':
      return `server:${source.id}`;
    case 'refused':
      return `refused:${source.label}`;
  }
}

export interface LayerState {
  layer: Layer;
  status: 'loading' | 'ready' | 'failed';
  /** Why the last load or save failed; the layer shown is then the last one kept. */
  problem?: string;
  /**
   * When this layer differs from `from` only in the annotations of `ids` (a star, a note, a tag): lets the layer
   * index be updated for those events instead of rebuilt.
   */
  change?: { from: Layer; ids: readonly string[] } | undefined;
}

/**
 * One dataset's layer in the page: read once from the backend, changed in memory at once, written behind; a
 * failed write puts the previous layer back and says so, so nothing is lost silently.
 */
export class LayerSession {
  private state: LayerState = { layer: EMPTY_LAYER, status: 'loading' };
  private listeners = new Set<() => void>();
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly key: string,
    private readonly backend: LayerBackend,
  ) {
    backend.load(key).then(
      (stored) => {
        if (stored === undefined) return this.set({ layer: EMPTY_LAYER, status: 'ready' });
        const r = readLayer(stored);
        if (r.ok) this.set({ layer: r.layer, status: 'ready' });
        else
          this.set({
            layer: EMPTY_LAYER,
            status: 'failed',
            problem: `Your notes and stars could not be read: ${r.error}.`,
          });
      },
      (e: unknown) =>
        this.set({
          layer: EMPTY_LAYER,
          status: 'failed',
          problem: `Your notes and stars could not be read from this browser's storage (${String(e)}); changes are kept for this page only.`,
        }),
    );
  }

  get = (): LayerState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(state: LayerState): void {
    this.state = state;
    for (const fn of this.listeners) fn();
  }

  /** Changes one event's annotation now; stores it behind. */
  change(eventId: string, fn: (a: Annotation) => Annotation): void {
    this.replace(annotate(this.state.layer, eventId, fn), [eventId]);
  }

  /** Adds an event the analyst found elsewhere, or puts an edited one in place of the one with its id. */
  putAdded(event: AddedEvent): void {
    const layer = this.state.layer;
    this.replace({ ...layer, added: { ...layer.added, [event.id]: event } });
  }

  /** Deletes an added event; returns it (for Undo), or undefined when there was none. */
  removeAdded(id: string): AddedEvent | undefined {
    const layer = this.state.layer;
    if (!Object.prototype.hasOwnProperty.call(layer.added, id)) return undefined;
    const gone = layer.added[id];
    const added = { ...layer.added };
    delete added[id];
    this.replace({ ...layer, added });
    return gone;
  }

  /** Changes the entity curation (merge, unmerge, rename, type, aliases); applied when the dataset is read. */
  curate(fn: (c: Curation) => Curation): void {
    const layer = this.state.layer;
    const curation = fn(layer.curation);
    if (curation !== layer.curation) this.replace({ ...layer, curation });
  }

  /**
   * Merges a layer file's text into this layer (stars and tags joined, differing notes appended), or says why it
   * could not be read. The file is untrusted input.
   */
  importText(
    text: string,
  ): { ok: true; report: MergeReport; dropped: number } | { ok: false; error: string } {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, error: 'the file is not JSON' };
    }
    const r = readLayer(value);
    if (!r.ok) return r;
    const { layer, report } = mergeLayers(this.state.layer, r.layer);
    this.replace(layer);
    return { ok: true, report, dropped: r.dropped };
  }

  private replace(layer: Layer, changedIds?: readonly string[]): void {
    let annotated = changedIds;
    const before = this.state.layer;
    const rest = { ...this.state, change: undefined };
    // An added event or a curation leaves the annotations as they were: nothing to re-index for them.
    if (!annotated && layer.annotations === before.annotations) annotated = [];
    this.set(
      annotated ? { ...rest, layer, change: { from: before, ids: annotated } } : { ...rest, layer },
    );
    this.writing = this.writing.then(() =>
      this.backend.save(this.key, layer).then(
        () => {
          if (this.state.problem && this.state.status !== 'failed')
            this.set({ ...this.state, problem: undefined });
        },
        (e: unknown) => {
          if (this.state.layer === layer) {
            this.set({ ...this.state, layer: before, change: undefined });
          }
          this.set({
            ...this.state,
            problem: `That change could not be stored (${String(e)}); it was undone so that nothing is lost unnoticed.`,
          });
        },
      ),
    );
  }

  /** Resolves once every change made so far has been written (or has failed). */
  settled(): Promise<void> {
    return this.writing;
  }
}

const sessions = new Map<string, LayerSession>();
let backend: LayerBackend = indexedDbBackend;

/** Swaps the store (tests; a server store later). Sessions already open keep theirs. */
export function setLayerBackend(b: LayerBackend): void {
  backend = b;
  sessions.clear();
}

/** The session of a dataset's layer, opened once per key for the page's life. */
export function layerSession(key: string): LayerSession {
  let s = sessions.get(key);
  if (!s) sessions.set(key, (s = new LayerSession(key, backend)));
  return s;
}

/**
 * A dataset read through its layer: the layer's session and state, the dataset joined with the added events and
 * curation (memoised on those two, so a star or a note does not rebuild it), and the stars, notes and tags indexed
 * over the joined events. Re-renders when the layer changes.
 */
export function useAnalystLayer(loaded: LoadedDataset | undefined): {
  session: LayerSession | undefined;
  state: LayerState | undefined;
  loaded: LoadedDataset | undefined;
  joined: JoinedIndex | undefined;
  indexed: LayerIndex | undefined;
} {
  const source = loaded?.source;
  const session = useMemo(() => (source ? layerSession(layerKey(source)) : undefined), [source]);
  const state = useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    session ? session.get : noState,
  );
  const joined = useJoined(loaded, state?.layer.added, state?.layer.curation);
  // Read through the curation the join applied (the layer's may already be newer while the next join runs).
  const joinedLoaded = useMemo(
    () => (loaded && joined ? joinedDataset(loaded, joined, joined.curation) : undefined),
    [loaded, joined],
  );
  const indexed = useMemo(
    () => (joined && state ? layerIndexOf(joined.index, state) : undefined),
    [joined, state?.layer], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return { session, state, loaded: joinedLoaded, joined, indexed };
}

/**
 * The dataset joined with the layer's added events and curation. With neither, the dataset's own index, at once.
 * Otherwise the join (a rebuild of the index) runs in the dataset's loader worker while the page keeps answering
 * with the previous join on screen; on the first join of a dataset, undefined until it is ready. Where no worker
 * holds the dataset (the fallback loader, tests) or the worker fails, it runs here.
 */
function useJoined(
  loaded: LoadedDataset | undefined,
  added: Layer['added'] | undefined,
  curation: Curation | undefined,
): JoinedIndex | undefined {
  const needed = !!added && !!curation && (hasKeys(added) || !isEmptyCuration(curation));
  const here = useMemo(
    () =>
      loaded && added && curation && (!needed || !loaded.join)
        ? joinLayer(loaded.index, Object.values(added), curation)
        : undefined,
    [loaded, added, curation, needed],
  );
  const [done, setDone] = useState<{ of: LoadedDataset; joined: JoinedIndex } | undefined>();
  useEffect(() => {
    if (here || !loaded?.join || !added || !curation) return;
    let current = true;
    loaded.join(Object.values(added), curation).then(
      (joined) => current && setDone({ of: loaded, joined }),
      (e: unknown) => {
        if (!current || e instanceof JoinSuperseded) return;
        setDone({ of: loaded, joined: joinLayer(loaded.index, Object.values(added), curation) });
      },
    );
    return () => {
      current = false;
    };
  }, [here, loaded, added, curation]);
  // What is shown last stays until the next join is ready, whichever way it was made.
  if (here && loaded && done?.joined !== here) setDone({ of: loaded, joined: here });
  if (here) return here;
  return done && done.of === loaded ? done.joined : undefined;
}

function hasKeys(o: object): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

/** The layer index last made for each layer object, so the next layer can be made from it. */
const indexedLayers = new WeakMap<Layer, { index: DatasetIndex; indexed: LayerIndex }>();

/**
 * The stars, notes and tags of a layer state indexed over a dataset index: updated from the previous layer's
 * index when only some events' annotations changed over the same index (a star or a note costs those events),
 * built from every annotation otherwise (a load, an import, or a new join, whose positions differ).
 */
function layerIndexOf(index: DatasetIndex, state: LayerState): LayerIndex {
  const kept = indexedLayers.get(state.layer);
  if (kept?.index === index) return kept.indexed;
  const prev = state.change ? indexedLayers.get(state.change.from) : undefined;
  const indexed =
    prev && state.change && prev.index === index
      ? updateLayerIndex(prev.indexed, index, state.change.from, state.layer, state.change.ids)
      : indexLayer(index, state.layer);
  indexedLayers.set(state.layer, { index, indexed });
  return indexed;
}

const noSubscription = () => () => {};
const noState = () => undefined;
