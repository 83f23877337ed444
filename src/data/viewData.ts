import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { Filters } from '../domain/filters';
import { runQuery, type QueryResult } from '../domain/query';
import type { TextIndex } from '../domain/textSearch';
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

/** The text index once it is built (re-renders when a background build finishes). */
export function useTextIndex(loaded: LoadedDataset | undefined): TextIndex | undefined {
  const [built, setBuilt] = useState<{ of: LoadedDataset; text: TextIndex } | undefined>(undefined);
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    void loaded.text.promise.then((text) => live && setBuilt({ of: loaded, text }));
    return () => {
      live = false;
    };
  }, [loaded]);
  if (!loaded) return undefined;
  return loaded.text.ready ?? (built?.of === loaded ? built.text : undefined);
}

/** Runs the filter engine once per distinct filter set (memoised; never stored). */
export function useFilterResult(
  loaded: LoadedDataset | undefined,
  view: ViewState,
): QueryResult | undefined {
  const text = useTextIndex(loaded);
  const key = filtersKey(view);
  return useMemo(
    () => (loaded ? runQuery(loaded.index, text, view) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures every filter field of `view`
    [loaded, text, key],
  );
}
