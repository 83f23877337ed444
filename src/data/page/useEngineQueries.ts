import {
  keepPreviousData,
  useIsFetching,
  useQuery,
  useQueryClient,
  type Query,
} from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { fetchServerDatasets, isPassing, type AnswerRequest, type MapRequest } from './serverApi';
import { viewKeys } from './queryKeys';
import type { ViewEngine } from './viewEngine';
import type { MatchesAnswer, WindowAnswer } from '../../domain/viewAnswer';

/** Failures that pass by themselves (503, 429) are retried, backing off to 10 s; the rest are final. */
const retry = (_n: number, e: unknown) => isPassing(e);
const retryDelay = (n: number) => Math.min(1000 * 2 ** n, 10_000);

/** How every answer to a view is kept: the previous one on screen while the next loads, a minute in the cache. */
const ANSWERS = {
  placeholderData: keepPreviousData,
  staleTime: 60_000,
  gcTime: 60_000,
  retry,
  retryDelay,
} as const;

/** The engine's dataset metadata (none asked without an engine). */
export function useEngineMetadata(engine: Pick<ViewEngine, 'key' | 'metadata'> | undefined) {
  return useQuery({
    queryKey: viewKeys.metadata(engine?.key ?? ''),
    queryFn: ({ signal }) => engine!.metadata(signal),
    enabled: engine !== undefined,
    staleTime: 5 * 60_000,
    retry,
    retryDelay,
  });
}

/**
 * The answer for a view state. Keyed by the serialised view state and what the page asks beside it; while the
 * next answer loads, the previous one stays on screen (`isPlaceholderData`).
 */
export function useViewAnswer(engine: ViewEngine, req: AnswerRequest | undefined) {
  return useQuery({
    queryKey: req ? viewKeys.answer(engine.key, req) : [...viewKeys.engine(engine.key), 'idle'],
    queryFn: ({ signal }) => engine.answer(req!, signal),
    enabled: req !== undefined,
    ...ANSWERS,
  });
}

/**
 * One half of the answer for a view state (AnswerPart): the matches, keyed without the window so that a pan keeps
 * them, or what the window draws. The previous half stays on screen while the next loads.
 */
export function useAnswerHalf<P extends 'matches' | 'window'>(
  engine: ViewEngine,
  req: AnswerRequest | undefined,
  part: P,
) {
  return useQuery({
    queryKey: req
      ? viewKeys.answer(engine.key, { ...req, parts: part })
      : [...viewKeys.engine(engine.key), 'idle', part],
    queryFn: ({ signal }) =>
      (part === 'matches' ? engine.matches(req!, signal) : engine.drawn(req!, signal)) as Promise<
        P extends 'matches' ? MatchesAnswer : WindowAnswer
      >,
    enabled: req !== undefined,
    ...ANSWERS,
  });
}

/**
 * The map's answer for a view state and the part of the world it shows, keyed by both; the previous answer stays
 * drawn (at the new camera) while the next loads.
 */
export function useMapAnswer(engine: Pick<ViewEngine, 'key' | 'map'>, req: MapRequest | undefined) {
  return useQuery({
    queryKey: req ? viewKeys.map(engine.key, req) : [...viewKeys.engine(engine.key), 'map-idle'],
    queryFn: ({ signal }) => engine.map(req!, signal),
    enabled: req !== undefined,
    ...ANSWERS,
  });
}

/** One event's details. */
export function useEventDetail(
  engine: Pick<ViewEngine, 'key' | 'event'>,
  eventId: string | undefined,
) {
  return useQuery({
    queryKey: viewKeys.event(engine.key, eventId ?? ''),
    queryFn: ({ signal }) => engine.event(eventId!, signal),
    enabled: eventId !== undefined,
    staleTime: 5 * 60_000,
    retry,
    retryDelay,
  });
}

/**
 * An entity's profile under the filters of `view` (a serialised view state, filters only), asked while `entityId`
 * is given; the previous profile stays on screen while a filter change's loads.
 */
export function useEntityProfile(
  engine: Pick<ViewEngine, 'key' | 'profile'>,
  view: string,
  entityId: string | undefined,
) {
  return useQuery({
    queryKey: viewKeys.profile(engine.key, view, entityId ?? ''),
    queryFn: ({ signal }) => engine.profile(view, entityId!, signal),
    enabled: entityId !== undefined,
    ...ANSWERS,
  });
}

/** The server's datasets the caller may read (the Datasets menu), asked only when `enabled`. */
export function useServerDatasets(enabled: boolean) {
  return useQuery({
    queryKey: viewKeys.serverDatasets(),
    queryFn: ({ signal }) => fetchServerDatasets(signal),
    enabled,
    staleTime: 30_000,
    retry: false,
  });
}

const failureOf = (q: Query) => q.state.fetchFailureReason ?? q.state.error;
/** An event's details and an entity's profile say their own final failures (not found) where they are shown. */
const saysItsOwn = (q: Query) => q.queryKey[2] === 'event' || q.queryKey[2] === 'profile';
/** A query that failed and is being retried (503, 429), or failed for good where nothing else says so. */
const inTrouble = (q: Query) =>
  (q.state.fetchFailureCount > 0 || q.state.status === 'error') &&
  (isPassing(failureOf(q)) || !saysItsOwn(q));

/**
 * What the engine's answers on screen are doing, for one status line whatever region asks: whether any is
 * loading, the failure of one that failed (being retried, or final), and `retry`, which asks those again at
 * once instead of waiting for the next retry (the outage panel's "Try again now", for a view on screen).
 */
export function useEngineActivity(engine: Pick<ViewEngine, 'key'>): {
  busy: boolean;
  failure: unknown;
  retry(): void;
} {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const prefix = viewKeys.engine(engine.key);
  const busy = useIsFetching({ queryKey: prefix }) > 0;
  const failure = useSyncExternalStore(
    useCallback((onChange) => cache.subscribe(onChange), [cache]),
    () => {
      const q = cache.findAll({ queryKey: prefix, type: 'active' }).find(inTrouble);
      return q ? failureOf(q) : undefined;
    },
  );
  const retry = () => {
    // A refetch of a query waiting out its retry delay only joins that wait: it is cancelled (which puts it back
    // as it was before the failing fetch) and asked again.
    const stuck = cache.findAll({ queryKey: prefix, type: 'active', predicate: inTrouble });
    if (stuck.length === 0) return;
    void client
      .cancelQueries({ predicate: (q) => stuck.includes(q) })
      .then(() => client.refetchQueries({ predicate: (q) => stuck.includes(q) }));
  };
  return { busy, failure, retry };
}
