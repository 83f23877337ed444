import { mappingToParam } from '../../domain/csvMapping';
import type { ReadOptions } from '../read/loadDataset';
import type { AnswerRequest, MapRequest } from './serverApi';
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

/**
 * Keys of the answers a view engine gives (viewEngine.ts): per engine (`server:<id>`, or a loaded dataset's
 * source key), its metadata, the answer to one serialised view state with what the page asked beside it, and one
 * event's details. Never the token: signing in resets every `viewKeys.all` query instead.
 */
export const viewKeys = {
  all: ['view'] as const,
  serverDatasets: () => ['view', 'server-datasets'] as const,
  engine: (engine: string) => ['view', engine] as const,
  metadata: (engine: string) => [...viewKeys.engine(engine), 'metadata'] as const,
  answer: (engine: string, r: AnswerRequest) =>
    [
      ...viewKeys.engine(engine),
      'answer',
      r.view,
      r.window?.start ?? null,
      r.window?.end ?? null,
      r.widthPx ?? null,
      r.histogram?.start ?? null,
      r.histogram?.end ?? null,
      r.histogram?.bins ?? null,
      r.sort.key,
      r.sort.descending,
      r.offset,
      r.limit,
      r.parts ?? 'all',
    ] as const,
  map: (engine: string, r: MapRequest) =>
    [
      ...viewKeys.engine(engine),
      'map',
      r.view,
      r.cell,
      r.viewport.west,
      r.viewport.south,
      r.viewport.east,
      r.viewport.north,
    ] as const,
  event: (engine: string, eventId: string) =>
    [...viewKeys.engine(engine), 'event', eventId] as const,
  /** An entity's profile under the filters of a serialised view state. */
  profile: (engine: string, view: string, entityId: string) =>
    [...viewKeys.engine(engine), 'profile', view, entityId] as const,
};

/** True when a query key is a dataset's. */
export function isDatasetKey(key: readonly unknown[]): boolean {
  return key[0] === datasetKeys.all[0];
}
