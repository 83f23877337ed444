import { mappingToParam } from '../../domain/csvMapping';
import type { ReadOptions } from '../read/loadDataset';
import { sourceKey, type Source } from './sources';

/**
 * Every TanStack Query key the app uses, from one factory, so that a key read in one place (cancel, remove, the
 * cache policy) is the key written in another. Keys are arrays from general to specific: `datasetKeys.all`
 * matches every dataset, `datasetKeys.source(s)` every reading of one source.
 */
export const datasetKeys = {
  all: ['dataset'] as const,
  source: (source: Source | string) =>
    ['dataset', typeof source === 'string' ? source : sourceKey(source)] as const,
  reading: (source: Source, options: ReadOptions) =>
    [
      ...datasetKeys.source(source),
      options.format ?? '',
      options.mapping ? mappingToParam(options.mapping) : '',
    ] as const,
};

/** True when a query key is a dataset's. */
export function isDatasetKey(key: readonly unknown[]): boolean {
  return key[0] === datasetKeys.all[0];
}
