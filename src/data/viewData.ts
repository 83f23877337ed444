import { createContext, useContext, useMemo } from 'react';
import type { Filters } from '../domain/filters';
import { runQuery, type QueryResult } from '../domain/query';
import type { ViewState } from '../url/viewState';
import type { LoadedDataset } from './loadSource';

/** What every feature reads: the loaded dataset, the view from the URL, and the filter result derived from both. */
export interface ViewData {
  loaded: LoadedDataset;
  view: ViewState;
  result: QueryResult;
}

export const ViewDataContext = createContext<ViewData | null>(null);

/** The view data; fails loudly outside a loaded dataset. */
export function useViewData(): ViewData {
  const v = useContext(ViewDataContext);
  if (!v) throw new Error('useViewData() needs a loaded dataset (ViewDataContext).');
  return v;
}

function filtersKey(f: Filters): string {
  return JSON.stringify([
    f.actors,
    f.xactors,
    f.match,
    f.etypes,
    f.types,
    f.tags,
    f.places,
    f.prec,
    f.q,
    f.since ?? '',
    f.until ?? '',
  ]);
}

/** Runs the filter engine once per distinct filter set (memoised; never stored). */
export function useFilterResult(loaded: LoadedDataset, view: ViewState): QueryResult {
  const key = filtersKey(view);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures every filter field of `view`
  return useMemo(() => runQuery(loaded.index, loaded.text, view), [loaded, key]);
}
