import { parseViewState, serialiseViewState, type ParsedView } from './viewState';

let cache: { search: string; parsed: ParsedView; canonical: string } | undefined;

/**
 * The parsed view of the current address (memoised per query string). No React: the boot script reads it.
 * An address that spells the same view differently (the canonical rewrite at start-up, parameters reordered) keeps
 * the same `state` object, so nothing that reads the view re-renders for it.
 */
export function currentView(): ParsedView {
  const search = window.location.search;
  if (cache?.search === search) return cache.parsed;
  const parsed = parseViewState(search);
  const canonical = serialiseViewState(parsed.state);
  if (cache?.canonical === canonical) parsed.state = cache.parsed.state;
  cache = { search, parsed, canonical };
  return parsed;
}
