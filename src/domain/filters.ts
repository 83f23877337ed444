import type { EntityType, Precision } from './types';

export type MatchMode = 'any' | 'all';

/** Everything that narrows the event set (the part of the view state that the filter engine reads). */
export interface Filters {
  /** Included entity ids; an event must have any (or all, see match) of them. */
  actors: string[];
  /** Excluded entity ids; an event with any of them is hidden. */
  xactors: string[];
  match: MatchMode;
  etypes: EntityType[];
  types: string[];
  tags: string[];
  places: string[];
  prec: Precision[];
  q: string;
  /** Date range filter: ISO dates of any precision; events overlapping [since, until] pass. */
  since?: string;
  until?: string;
}

export const EMPTY_FILTERS: Filters = {
  actors: [],
  xactors: [],
  match: 'any',
  etypes: [],
  types: [],
  tags: [],
  places: [],
  prec: [],
  q: '',
};

/** True when no filter narrows the set. */
export function isUnfiltered(f: Filters): boolean {
  return (
    f.actors.length === 0 &&
    f.xactors.length === 0 &&
    f.etypes.length === 0 &&
    f.types.length === 0 &&
    f.tags.length === 0 &&
    f.places.length === 0 &&
    f.prec.length === 0 &&
    f.q.trim() === '' &&
    !f.since &&
    !f.until
  );
}
