import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useLoadProgress } from './loadProgress';
import { mappingToParam } from '../domain/csvMapping';
import type { ReadOptions } from './loadDataset';
import { loadSource, type LoadedDataset } from './loadSource';
import { resolveSource, sourceKey, type Source } from './sources';
import type { ViewState } from '../url/viewState';

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

/** What a view asks to load: its source and how to read it (one rule for the app and for its early start). */
export function datasetRequest(
  view: Pick<ViewState, 'data' | 'fmt' | 'map'>,
  base: string,
): { source: Source; options: ReadOptions } {
  return {
    source: resolveSource(view.data, base),
    options: {
      ...(view.fmt ? { format: view.fmt } : {}),
      ...(view.map ? { mapping: view.map } : {}),
    },
  };
}

/**
 * Starts loading the dataset the address names before the first render (which takes a few hundred milliseconds
 * on a slow machine); the app's own query then finds it under way.
 */
export function startDatasetEarly(
  client: QueryClient,
  view: Pick<ViewState, 'data' | 'fmt' | 'map'>,
  base: string,
): void {
  const { source, options } = datasetRequest(view, base);
  void client.prefetchQuery(datasetQueryOptions(source, options));
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
