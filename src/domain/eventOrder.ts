import type { Bitset } from './bitset';
import { entityName, type DatasetIndex } from './buildIndex';

export const SORT_KEYS = ['date', 'title', 'type', 'actors', 'place'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The list's columns: the event fields every engine sorts by, and the chosen measure (this browser's index only). */
export const LIST_SORT_KEYS = [...SORT_KEYS, 'measure'] as const;
export type ListSortKey = (typeof LIST_SORT_KEYS)[number];

/**
 * Positions of the matches by a measure's value, ties in time order; events without a value come last whichever
 * the direction.
 */
export function sortedByMeasure(
  matches: Bitset,
  values: Float64Array,
  descending: boolean,
): Uint32Array {
  const positions = matches.toArray();
  const withValue: number[] = [];
  const without: number[] = [];
  for (const p of positions) (values[p] === values[p] ? withValue : without).push(p);
  const dir = descending ? -1 : 1;
  withValue.sort((a, b) => dir * (values[a]! - values[b]!) || a - b);
  const out = new Uint32Array(positions.length);
  out.set(withValue);
  out.set(without, withValue.length);
  return out;
}

/** Positions of the matches, sorted by a column; date order is the index order, so it costs nothing. */
export function sortedMatches(
  index: DatasetIndex,
  matches: Bitset,
  key: SortKey,
  descending: boolean,
): Uint32Array {
  const positions = matches.toArray();
  if (key !== 'date') {
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const value = (i: number): string => {
      const e = index.events.at(i)!;
      switch (key) {
        case 'title':
          return e.title;
        case 'type':
          return e.type ?? '\uffff';
        case 'place':
          return e.location?.name ?? '\uffff';
        case 'actors':
          return e.actors.map((a) => entityName(index, a)).join(', ') || '\uffff';
      }
    };
    const keys = new Map<number, string>();
    for (const p of positions) keys.set(p, value(p));
    positions.sort((a, b) => collator.compare(keys.get(a)!, keys.get(b)!) || a - b);
  }
  if (descending) positions.reverse();
  return positions;
}
