import {
  createContext,
  useContext,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { filtersKey } from '../../domain/filters';
import { filtersReadLayer, runQuery, withLayerCounts, type QueryResult } from '../../domain/query';
import type { TextMatch } from '../../domain/textSearch';
import type { ViewState } from '../../url/viewState';
import type { LoadedDataset } from './loadSource';
import type { LayerIndex } from '../../domain/annotations';
import type { JoinedIndex } from '../../domain/joinLayer';
import type { LayerSession, LayerState } from './analystLayer';

/** What every feature reads: the loaded dataset, the view from the URL, and the filter result derived from both. */
export interface ViewData {
  loaded: LoadedDataset;
  view: ViewState;
  result: QueryResult;
  /** The analyst's layer over this dataset (stars, notes, tags): its session, state and index. */
  layer: { session: LayerSession; state: LayerState; indexed: LayerIndex; joined: JoinedIndex };
}

export const ViewDataContext = createContext<ViewData | null>(null);

/** The view data; fails loudly outside a loaded dataset. */
export function useViewData(): ViewData {
  const v = useContext(ViewDataContext);
  if (!v) throw new Error('useViewData() needs a loaded dataset (ViewDataContext).');
  return v;
}

/**
 * The view data with the filter result one render behind on a filter change (React's deferred value): read by
 * the panels that may follow the timeline and the map by a frame (the entity list, the event table, the facet
 * counts, the export menu), so that the click's task renders, lays out and paints the timeline, the map and the
 * status first, and these panels draw in a task of their own after that paint. The view itself (selection,
 * chosen actors, sort) is never behind, so what the analyst just clicked shows at once.
 */
export const DeferredViewDataContext = createContext<ViewData | null>(null);

/** The view data, its filter result possibly one render behind (DeferredViewDataContext); fails as useViewData. */
export function useDeferredViewData(): ViewData {
  const v = useContext(DeferredViewDataContext);
  if (!v)
    throw new Error('useDeferredViewData() needs a loaded dataset (DeferredViewDataContext).');
  return v;
}

/**
 * Provides DeferredViewDataContext under ViewDataContext: the same value but for the result, which follows after
 * the urgent render; a result of another dataset or layer is never mixed in. A component of its own, so that the
 * deferred render renders only this and the panels that read the deferred value.
 */
export function DeferredViewData({
  value,
  children,
}: {
  value: ViewData | null;
  children: ReactNode;
}) {
  const later = useDeferredValue(value);
  const deferred = useMemo(
    () =>
      value &&
      later &&
      later.result !== value.result &&
      later.loaded === value.loaded &&
      later.layer.joined === value.layer.joined
        ? { ...value, result: later.result }
        : value,
    [value, later],
  );
  return (
    <DeferredViewDataContext.Provider value={deferred}>{children}</DeferredViewDataContext.Provider>
  );
}

const noSubscription = () => () => {};

/** The dataset's text search: 'building', 'ready', or why it is unavailable; re-renders when that changes. */
export function useTextStatus(loaded: LoadedDataset | undefined): {
  ready: boolean;
  unavailable?: string;
} {
  // The snapshot is a string (stable between renders); an error message is the only other value it takes.
  const status = useSyncExternalStore(loaded ? loaded.text.subscribe : noSubscription, () =>
    loaded ? (loaded.text.error() ?? (loaded.text.isReady() ? 'ready' : 'building')) : '',
  );
  return useMemo(
    () =>
      status === 'ready' || status === 'building' || status === ''
        ? { ready: status === 'ready' }
        : { ready: false, unavailable: status },
    [status],
  );
}

interface TextAnswer {
  of: LoadedDataset;
  q: string;
  match: TextMatch;
}

/** The latest answer of the dataset's text search for a query (asked whenever the query changes). */
function useTextAnswer(loaded: LoadedDataset | undefined, q: string): TextAnswer | undefined {
  const [answer, setAnswer] = useState<TextAnswer | undefined>(undefined);
  useEffect(() => {
    if (!loaded || q.trim() === '' || loaded.text.peek(q)) return;
    let live = true;
    loaded.text.search(q).then(
      (match) => live && setAnswer({ of: loaded, q, match }),
      () => {}, // search unavailable: the filter bar says why (TextService.error)
    );
    return () => {
      live = false;
    };
  }, [loaded, q]);
  const peeked = loaded?.text.peek(q);
  // Memoised on its parts: a new object per render would re-run the query on every render.
  const fromCache = useMemo(
    () => (loaded && peeked ? { of: loaded, q, match: peeked } : undefined),
    [loaded, q, peeked],
  );
  return fromCache ?? (answer?.of === loaded ? answer : undefined);
}

/**
 * Runs the filter engine once per distinct filter set (memoised; never stored). A text query is answered by the
 * loader worker; until its answer arrives the previous result stays on screen (marked `searching`).
 */
export function useFilterResult(
  loaded: LoadedDataset | undefined,
  view: ViewState,
  layer?: LayerIndex,
): QueryResult | undefined {
  const answer = useTextAnswer(loaded, view.q);
  // Search that cannot answer (its worker stopped) is not waited for: the query runs without text, and says why.
  const { unavailable } = useTextStatus(loaded);
  const searching = !unavailable && view.q.trim() !== '' && answer?.q !== view.q;
  const key = filtersKey(view);
  // A star or a note changes only the layer's counts unless a filter reads the layer: the query then runs without
  // it and the counts are added, so the matches (and all that is drawn from them) stay the same objects.
  const readsLayer = filtersReadLayer(view);
  const queryLayer = readsLayer ? layer : undefined;
  const queried = useMemo(() => {
    if (!loaded || searching) return undefined;
    return runQuery(
      loaded.index,
      answer ? (q) => (q === answer.q ? answer.match : undefined) : undefined,
      view,
      unavailable, // undefined: the default "still being built" notice
      queryLayer,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures every filter field of `view`
  }, [loaded, answer, searching, unavailable, key, queryLayer]);
  const fresh = useMemo(
    () => (queried && !readsLayer ? withLayerCounts(queried, layer) : queried),
    [queried, readsLayer, layer],
  );
  // The last result shown, kept in state ("information from previous renders") for while a search is in flight.
  const [shown, setShown] = useState<{ of: LoadedDataset; result: QueryResult } | undefined>(
    undefined,
  );
  if (loaded && fresh && shown?.result !== fresh) setShown({ of: loaded, result: fresh });
  const pendingFallback = useMemo(
    () =>
      loaded && searching && shown?.of !== loaded
        ? runQuery(loaded.index, undefined, view, undefined, layer)
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
    [loaded, searching, key, shown?.of, layer],
  );
  if (fresh) return fresh;
  if (!loaded) return undefined;
  return (shown?.of === loaded ? shown.result : undefined) ?? pendingFallback;
}
