import type { Bitset } from './bitset';
import { entityName, type DatasetIndex } from './buildIndex';

export const SORT_KEYS = ['date', 'title', 'type', 'actors', 'place'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

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
