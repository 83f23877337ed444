import type { DatasetIndex } from './buildIndex';
import type { BucketUnit } from './buckets';
import { sortedMatches, type SortKey } from './eventOrder';
import { histogram } from './histogram';
import { planLanes, type GroupBy, type Lane } from './lanes';
import {
  DEFAULT_LOD,
  matchExtent,
  paddedWindow,
  planItems,
  type BucketItem,
  type EventShape,
  type LodOptions,
} from './levelOfDetail';
import { runQuery, type StaleValues } from './query';
import type { TextMatcher } from './textSearch';
import { ENTITY_TYPES, PRECISIONS, type Entity, type TimelineEvent } from './types';
import type { Filters } from './filters';
import type { Bitset } from './bitset';
import { matchesInWindow, stepFromWindow, type TimeWindow } from './windowNavigation';

/**
 * The answer to the app's one question, `query(viewState)`, as both engines give it: the in-browser index
 * (`answerView` below) and the PostgreSQL server (server/db/queryView.ts, POST /api/datasets/<id>/query).
 * A differential test (server/test/integration.ts) holds the two to the same answers.
 */

/** Facet counts as value → count, zeros left out. */
export interface FacetMaps {
  actors: Record<string, number>;
  etypes: Record<string, number>;
  types: Record<string, number>;
  tags: Record<string, number>;
  places: Record<string, number>;
  prec: Record<string, number>;
}

/** A single event on the timeline. */
export interface AnswerEventItem {
  kind: 'event';
  id: string;
  position: number;
  eventId: string;
  title: string;
  lane?: string;
  shape: EventShape;
  start: number;
  end: number;
}

export interface ListRow {
  position: number;
  event: TimelineEvent;
}

export interface ViewAnswer {
  count: number;
  facets: FacetMaps;
  stale: StaleValues;
  notices: string[];
  highlightTerms: string[];
  window?: { start: number; end: number };
  lanes: Lane[] | null;
  plan: {
    mode: 'events' | 'buckets';
    items: (AnswerEventItem | BucketItem)[];
    visibleCount: number;
    unit?: BucketUnit;
  } | null;
  histogram: { bounds: number[]; counts: number[]; max: number; unit: BucketUnit } | null;
  rows: ListRow[];
}

/**
 * The two halves of an answer, each asked on its own when only its inputs change: the matches (count, facets,
 * histogram, a page of rows) depend on the filters and the list's order, not on the window; what is drawn (window,
 * lanes, items or buckets) depends on the filters and the window. A pan asks for the window's half only.
 */
export type AnswerPart = 'matches' | 'window';
export type MatchesAnswer = Pick<
  ViewAnswer,
  'count' | 'facets' | 'stale' | 'notices' | 'highlightTerms' | 'histogram' | 'rows'
>;
/** The window's half; with the list's "In view" scope it also holds the list's page (the window's matches). */
export type WindowAnswer = Pick<ViewAnswer, 'window' | 'lanes' | 'plan'> & { rows?: ListRow[] };

/** What a query asks beyond the filters: what is drawn, and which page of the list. */
export interface AnswerOptions {
  /** The drawn window; without it the matches' extent with the app's margin. */
  window?: { start: number; end: number };
  group: GroupBy;
  lod?: LodOptions;
  /** The histogram's range; without it, the dataset's extent. */
  histogramRange?: { start: number; end: number };
  histogramBins?: number;
  sort: { key: SortKey; descending: boolean };
  offset: number;
  limit: number;
  /**
   * The list's scope (`list=` in the link): every match (the default), or the matches overlapping the drawn
   * window, whose page the window's half answers (it changes with each pan) while the matches' half has none.
   */
  list?: 'all' | 'view';
}

/** An event's details: the event as the app holds it, and its actors' entities. */
export interface EventDetail {
  position: number;
  event: TimelineEvent;
  entities: Entity[];
}

const toMap = (names: readonly string[], counts: ArrayLike<number>) => {
  const out: Record<string, number> = {};
  for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) out[names[k]!] = counts[k]!;
  return out;
};

/** The browser's facet arrays as value → count maps. */
export function facetMaps(
  index: Pick<DatasetIndex, 'entities' | 'types' | 'tags' | 'places'>,
  f: {
    actors: ArrayLike<number>;
    etypes: ArrayLike<number>;
    types: ArrayLike<number>;
    tags: ArrayLike<number>;
    places: ArrayLike<number>;
    prec: ArrayLike<number>;
  },
): FacetMaps {
  return {
    actors: toMap(
      index.entities.map((e) => e.id),
      f.actors,
    ),
    etypes: toMap(ENTITY_TYPES, f.etypes),
    types: toMap(index.types.values, f.types),
    tags: toMap(index.tags.values, f.tags),
    places: toMap(index.places.values, f.places),
    prec: toMap(PRECISIONS, f.prec),
  };
}

/** The in-browser engine's answer to a view state, in the same shape as the server's. */
export function answerView(
  index: DatasetIndex,
  text: TextMatcher | undefined,
  filters: Filters,
  o: AnswerOptions,
): ViewAnswer {
  const r = runQuery(index, text, filters);
  return { ...matchesOf(index, r, o), ...windowOf(index, r, o) };
}

/** One half of the in-browser engine's answer (AnswerPart). */
export function answerPart(
  index: DatasetIndex,
  text: TextMatcher | undefined,
  filters: Filters,
  o: AnswerOptions,
  part: AnswerPart,
): MatchesAnswer | WindowAnswer {
  const r = runQuery(index, text, filters);
  return part === 'matches' ? matchesOf(index, r, o) : windowOf(index, r, o);
}

/** A page of the list: `matches` in the chosen order, from `offset`. */
function pageOf(index: DatasetIndex, matches: Bitset, o: AnswerOptions): ListRow[] {
  const rows: ListRow[] = [];
  let k = 0;
  for (const position of sortedMatches(index, matches, o.sort.key, o.sort.descending)) {
    if (k >= o.offset + o.limit) break;
    if (k++ >= o.offset) rows.push({ position, event: index.events.at(position)! });
  }
  return rows;
}

function matchesOf(
  index: DatasetIndex,
  r: ReturnType<typeof runQuery>,
  o: AnswerOptions,
): MatchesAnswer {
  const range = o.histogramRange ?? index.extent;
  const h = range ? histogram(index, r.matches, range, o.histogramBins ?? 120) : null;
  const rows = o.list === 'view' ? [] : pageOf(index, r.matches, o);
  return {
    count: r.count,
    facets: facetMaps(index, r.facets),
    stale: r.stale,
    notices: r.notices,
    highlightTerms: r.highlightTerms,
    histogram: h ? { bounds: h.bounds, counts: [...h.counts], max: h.max, unit: h.unit } : null,
    rows,
  };
}

function windowOf(
  index: DatasetIndex,
  r: ReturnType<typeof runQuery>,
  o: AnswerOptions,
): WindowAnswer {
  const lanes = planLanes(index, r.matches, o.group);
  const extent = matchExtent(index, r.matches);
  const window = o.window ?? (extent ? paddedWindow(extent) : undefined);
  const plan = window ? planItems(index, r.matches, lanes, window, o.lod ?? DEFAULT_LOD) : null;
  return {
    ...(o.list === 'view'
      ? { rows: window ? pageOf(index, matchesInWindow(index, r.matches, window), o) : [] }
      : {}),
    ...(window ? { window } : {}),
    lanes: lanes?.lanes ?? null,
    plan: plan
      ? {
          mode: plan.mode,
          visibleCount: plan.visibleCount,
          ...(plan.unit ? { unit: plan.unit } : {}),
          items: plan.items.map((it) =>
            it.kind === 'event'
              ? {
                  ...it,
                  eventId: index.events.at(it.position)!.id,
                  title: index.events.at(it.position)!.title,
                }
              : it,
          ),
        }
      : null,
  };
}

/** An event's details from the in-browser index, or undefined for an id it does not hold. */
export function eventDetail(index: DatasetIndex, eventId: string): EventDetail | undefined {
  const position = index.byId.get(eventId);
  if (position === undefined) return undefined;
  const event = index.events.at(position)!;
  const ids = new Set(event.actors);
  return { position, event, entities: index.entities.filter((e) => ids.has(e.id)) };
}

/**
 * The row j (dir 1) or k (dir -1) selects among the matches: stepFromWindow from the event `selectedId` names (if
 * the dataset holds it) and the window on screen. The server's step answers the same (server/db/queryView.ts).
 */
export function stepRow(
  index: DatasetIndex,
  matches: Bitset,
  selectedId: string | undefined,
  window: TimeWindow | undefined,
  dir: 1 | -1,
): ListRow | undefined {
  const selected = selectedId === undefined ? undefined : index.byId.get(selectedId);
  const position = stepFromWindow(index, matches, selected, window, dir);
  return position === undefined ? undefined : { position, event: index.events.at(position)! };
}
