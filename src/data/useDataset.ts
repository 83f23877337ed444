import { queryOptions, useQuery } from '@tanstack/react-query';
import { useLoadProgress } from './loadProgress';
import { mappingToParam } from '../domain/csvMapping';
import type { ReadOptions } from './loadDataset';
import { loadSource } from './loadSource';
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
