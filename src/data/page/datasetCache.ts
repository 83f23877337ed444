import type { Query, QueryClient } from '@tanstack/query-core';
import type { LoadedDataset } from './loadSource';
import { datasetKeys, isDatasetKey } from './queryKeys';

/**
 * How many events, altogether, the datasets an analyst has left may keep in memory for a quick return (Back, or
 * the Datasets menu). A large dataset holds hundreds of megabytes between the page and its loader worker: kept for TanStack's 10-minute gcTime, switching from one large dataset to another would
 * hold both. Larger ones are released when left and load again on return.
 */
export const KEEP_LEFT_EVENTS = 100_000;

/** A dataset is released only after being left this long, so that a remount (no observer for a moment) keeps it. */
export const RELEASE_AFTER_MS = 1000;

export interface LeftDataset<T> {
  item: T;
  events: number;
  /** When its last observer went (ms, any clock). */
  leftAt: number;
}

/**
 * Which left datasets to release: the most recently left are kept while, together, they hold at most `budget`
 * events; a dataset larger than the budget is never kept.
 */
export function datasetsToRelease<T>(left: readonly LeftDataset<T>[], budget: number): T[] {
  let kept = 0;
  const release: T[] = [];
  for (const d of [...left].sort((a, b) => b.leftAt - a.leftAt)) {
    if (kept + d.events <= budget) kept += d.events;
    else release.push(d.item);
  }
  return release;
}

type DatasetQuery = Query<unknown, Error, unknown, readonly unknown[]>;

const isDataset = (q: DatasetQuery) => isDatasetKey(q.queryKey);
const loaded = (q: DatasetQuery) => q.state.data as LoadedDataset | undefined;

/**
 * Keeps the query cache's datasets within memory: ends the loader worker of every dataset that leaves the cache
 * (garbage-collected after 10 minutes unused, replaced by a retry, or released here), and releases left datasets
 * beyond `KEEP_LEFT_EVENTS` once they have been left for `RELEASE_AFTER_MS`. Returns the unsubscribe function.
 */
export function manageDatasetCache(
  client: QueryClient,
  { budget = KEEP_LEFT_EVENTS, graceMs = RELEASE_AFTER_MS, now = () => performance.now() } = {},
): () => void {
  const cache = client.getQueryCache();
  const live = new Set<LoadedDataset>();
  const leftAt = new WeakMap<DatasetQuery, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const release = () => {
    timer = undefined;
    const t = now();
    const left: LeftDataset<DatasetQuery>[] = [];
    for (const q of cache.findAll({ queryKey: datasetKeys.all })) {
      const since = leftAt.get(q);
      const data = loaded(q);
      if (since !== undefined && q.getObserversCount() === 0 && data)
        left.push({ item: q, events: data.index.size, leftAt: since });
    }
    // Those left within the grace period count against the budget (they were left last) but stay for now.
    const waiting = (q: DatasetQuery) => t - leftAt.get(q)! < graceMs;
    for (const q of datasetsToRelease(left, budget)) if (!waiting(q)) cache.remove(q);
    if (left.some((d) => waiting(d.item))) schedule();
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(release, graceMs);
  };

  const unsubscribe = cache.subscribe((event) => {
    const q = event.query as DatasetQuery;
    if (isDataset(q)) {
      if (event.type === 'observerRemoved' && q.getObserversCount() === 0) {
        leftAt.set(q, now());
        schedule();
      } else if (event.type === 'observerAdded') {
        leftAt.delete(q);
      } else if (event.type === 'updated' && leftAt.has(q) && loaded(q)) {
        // Loaded after the analyst moved on: weighed now that its size is known.
        schedule();
      }
    }
    const present = new Set(
      cache
        .findAll({ queryKey: datasetKeys.all })
        .map(loaded)
        .filter((d): d is LoadedDataset => d !== undefined),
    );
    for (const d of live) if (!present.has(d)) d.text.dispose();
    live.clear();
    for (const d of present) live.add(d);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
