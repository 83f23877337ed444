import { parseViewState, type ParsedView } from './viewState';

let cache: { search: string; parsed: ParsedView } | undefined;

/** The parsed view of the current address (memoised per query string). No React: the boot script reads it. */
export function currentView(): ParsedView {
  const search = window.location.search;
  if (!cache || cache.search !== search) cache = { search, parsed: parseViewState(search) };
  return cache.parsed;
}
