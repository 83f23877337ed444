import { formatBbox, type Bbox } from './geo';
import { describeMeasureRange, type MeasureRange } from './measures';
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
  /** Area filter: events placed inside the box pass; events without a place do not. */
  bbox?: Bbox;
  /** Only events the analyst starred. */
  starred: boolean;
  /** Analyst tags: an event with any of them passes. */
  atags: string[];
  /** Ranges on the dataset's measures (one per measure): an event passes each; one without the value does not. */
  measures: MeasureRange[];
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
  starred: false,
  atags: [],
  measures: [],
};

/** Every field of Filters, once: a field added to Filters and not here is a compile error (see below). */
export const FILTER_KEYS = [
  'actors',
  'xactors',
  'match',
  'etypes',
  'types',
  'tags',
  'places',
  'prec',
  'q',
  'since',
  'until',
  'bbox',
  'starred',
  'atags',
  'measures',
] as const satisfies readonly (keyof Filters)[];
type Unlisted = Exclude<keyof Filters, (typeof FILTER_KEYS)[number]>;
const everyFilterListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFilterListed;

/** The filters alone, as one string: equal exactly when every filter is equal (a memo or cache key). */
export function filtersKey(f: Filters): string {
  return JSON.stringify(FILTER_KEYS.map((k) => f[k] ?? null));
}

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
    !f.until &&
    !f.bbox &&
    !f.starred &&
    f.atags.length === 0 &&
    f.measures.length === 0
  );
}

/** The active filters in words, for captions ("text “aid”", "actor John Kirby", "not actor Russia"). */
export function describeFilters(f: Filters, name: (entityId: string) => string): string[] {
  const out: string[] = [];
  if (f.q.trim()) out.push(`text “${f.q.trim()}”`);
  if (f.actors.length)
    out.push(`actor ${f.actors.map(name).join(f.match === 'all' ? ' and ' : ' or ')}`);
  for (const a of f.xactors) out.push(`not actor ${name(a)}`);
  if (f.etypes.length) out.push(`actor type ${f.etypes.join(' or ')}`);
  if (f.types.length) out.push(`type ${f.types.join(' or ')}`);
  if (f.tags.length) out.push(`tag ${f.tags.join(' or ')}`);
  if (f.places.length) out.push(`place ${f.places.join(' or ')}`);
  if (f.prec.length) out.push(`precision ${f.prec.join(' or ')}`);
  if (f.since || f.until) out.push(`dates ${f.since ?? '…'} – ${f.until ?? '…'}`);
  if (f.bbox) out.push(`area ${formatBbox(f.bbox)}`);
  if (f.starred) out.push('starred');
  if (f.atags.length) out.push(`analyst tag ${f.atags.join(' or ')}`);
  for (const r of f.measures) out.push(describeMeasureRange(r));
  return out;
}
