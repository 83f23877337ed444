import { useQuery, type QueryClient } from '@tanstack/react-query';
import { datasetQueryOptions } from './datasetQuery';
import type { ReadOptions } from './loadDataset';
import type { LoadedDataset } from './loadSource';
import type { Source } from './sources';

export function useDataset(source: Source, options: ReadOptions = {}) {
  return useQuery(datasetQueryOptions(source, options));
}

/**
 * Ends the loader worker of every dataset that leaves the query cache (garbage-collected after 10 minutes unused,
 * or replaced by a retry). Returns the unsubscribe function.
 */
export function disposeDatasetsOnEviction(client: QueryClient): () => void {
  const cache = client.getQueryCache();
  const live = new Set<LoadedDataset>();
  return cache.subscribe(() => {
    const now = new Set(
      cache
        .findAll({ queryKey: ['dataset'] })
        .map((q) => q.state.data as LoadedDataset | undefined)
        .filter((d): d is LoadedDataset => d !== undefined),
    );
    for (const d of live) if (!now.has(d)) d.text.dispose();
    live.clear();
    for (const d of now) live.add(d);
  });
}
