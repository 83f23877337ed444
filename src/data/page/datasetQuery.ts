import type { QueryClient } from '@tanstack/query-core';
import type { ViewState } from '../../url/viewState';
import { loadProgress } from './loadProgress';
import type { ReadOptions } from '../read/loadDataset';
import { loadSource } from './loadSource';
import { datasetKeys } from './queryKeys';
import { resolveSource, type Source } from './sources';

/** Query options for a dataset: static data, cached forever, never refetched behind the analyst's back. */
export function datasetQueryOptions(source: Source, options: ReadOptions = {}) {
  return {
    queryKey: datasetKeys.reading(source, options),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      loadSource(source, (p) => loadProgress.getState().set(p), signal, options).finally(() =>
        loadProgress.getState().set(undefined),
      ),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    // A server dataset is not loaded into the page: the server answers each view state (viewEngine.ts).
    enabled: source.kind !== 'server',
  } as const;
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
  if (source.kind === 'server') return;
  void client.prefetchQuery(datasetQueryOptions(source, options));
}
