import { buildIndex, type DatasetIndex } from '../../domain/buildIndex';
import { curatedTarget, type Curation } from '../../domain/curation';
import type { JoinedIndex } from '../../domain/joinLayer';
import {
  buildTextIndex,
  searchText,
  words,
  type SpellingMatch,
  type TextMatch,
} from '../../domain/textSearch';
import type { LoadedDataset } from './loadSource';
import type { TextService } from './textService';

/** Sorted, without repeats. */
function sortedUnion(a: Uint32Array, extra: readonly number[]): Uint32Array {
  if (extra.length === 0) return a;
  return Uint32Array.from(new Set([...a, ...extra])).sort();
}

/**
 * The text search of a joined dataset: the dataset's own search (in the loader worker, which knows the dataset's
 * events only) with its positions moved to the joined index, plus the added events (searched here, by the same
 * search over an index of their own) and the events of entities the analyst renamed or gave aliases to.
 */
export function joinedTextService(
  base: TextService,
  joined: JoinedIndex,
  curation: Curation,
): TextService {
  const { index, fromBase, addedIds } = joined;
  let addedSearch: ((q: string) => number[]) | undefined;
  const searchAdded = (q: string): number[] => {
    if (addedIds.size === 0) return [];
    if (!addedSearch) {
      const events = [...addedIds].map((id) => index.events.at(index.byId.get(id)!)!);
      const mini = buildIndex({ ...index.dataset, events, entities: index.entities });
      const text = buildTextIndex(mini);
      addedSearch = (query) =>
        Array.from(searchText(mini, text, query).positions, (p) =>
          index.byId.get(mini.events[p]!.id)!,
        );
    }
    return addedSearch(q);
  };
  const curatedNames = curatedEntityTexts(index, curation);
  const searchCurated = (q: string): number[] => {
    const ws = words(q.replace(/"/g, ' '));
    if (ws.length === 0) return [];
    const out: number[] = [];
    for (const { code, text } of curatedNames)
      if (ws.every((w) => text.includes(w))) out.push(...(index.actorPostings[code] ?? []));
    return out;
  };
  const moved = (positions: Uint32Array): Uint32Array =>
    fromBase ? Uint32Array.from(positions, (p) => fromBase[p]!).sort() : positions;
  const remapped = new WeakMap<TextMatch, TextMatch>();
  const remap = (q: string, m: TextMatch): TextMatch => {
    let r = remapped.get(m);
    if (!r) {
      const spellings: SpellingMatch[] = m.spellings.map((s) => ({
        ...s,
        positions: moved(s.positions),
      }));
      r = {
        positions: sortedUnion(moved(m.positions), [...searchAdded(q), ...searchCurated(q)]),
        terms: m.terms,
        spellings,
      };
      remapped.set(m, r);
    }
    return r;
  };
  return {
    isReady: () => base.isReady(),
    error: () => base.error(),
    subscribe: (fn) => base.subscribe(fn),
    search: (q) => base.search(q).then((m) => remap(q, m)),
    peek: (q) => {
      const m = base.peek(q);
      return m ? remap(q, m) : undefined;
    },
    dispose: () => base.dispose(),
  };
}

/** The names and aliases of the entities the analyst renamed, aliased or merged others into, lower-cased. */
function curatedEntityTexts(
  index: DatasetIndex,
  curation: Curation,
): { code: number; text: string }[] {
  const ids = new Set([
    ...Object.keys(curation.edits),
    ...Object.keys(curation.merges).map((id) => curatedTarget(curation, id)),
  ]);
  const out: { code: number; text: string }[] = [];
  for (const id of ids) {
    const code = index.entityLookup.get(id);
    const e = code !== undefined ? index.entities[code] : undefined;
    if (code !== undefined && e?.id === id)
      out.push({ code, text: [e.name, ...e.aliases].join(' \u0000 ').toLowerCase() });
  }
  return out;
}

/** A loaded dataset read through the analyst's layer: the joined index and its search; the rest as loaded. */
export function joinedDataset(
  loaded: LoadedDataset,
  joined: JoinedIndex,
  curation: Curation,
): LoadedDataset {
  if (joined.index === loaded.index) return loaded;
  return { ...loaded, index: joined.index, text: joinedTextService(loaded.text, joined, curation) };
}
