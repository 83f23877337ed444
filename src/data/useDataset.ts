import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useLoadProgress } from './loadProgress';
import { mappingToParam } from '../domain/csvMapping';
import type { ReadOptions } from './loadDataset';
import { loadSource, type LoadedDataset } from './loadSource';
import { sourceKey, type Source } from './sources';

/** Query options for a dataset: static data, cached forever, never refetched behind the analyst's back. */
export function datasetQueryOptions(source: Source, options: ReadOptions = {}) {
  return queryOptions({
    queryKey: [
      'dataset',
      sourceKey(source),
      options.format ?? '',
      options.mapping ? mappingToParam(options.mapping) : '',
    ],
    queryFn: ({ signal }) =>
      loadSource(source, (p) => useLoadProgress.getState().set(p), signal, options).finally(() =>
        useLoadProgress.getState().set(undefined),
      ),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

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
