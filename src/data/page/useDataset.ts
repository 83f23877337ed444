import { useQuery } from '@tanstack/react-query';
import { datasetQueryOptions } from './datasetQuery';
import type { ReadOptions } from '../read/loadDataset';
import type { Source } from './sources';

export function useDataset(source: Source, options: ReadOptions = {}) {
  return useQuery(datasetQueryOptions(source, options));
}
