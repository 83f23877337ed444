import { buildIndex, type BuiltIndex } from '../../src/domain/buildIndex';
import { sortedMatches } from '../../src/domain/eventOrder';
import { histogram } from '../../src/domain/histogram';
import { planLanes } from '../../src/domain/lanes';
import { DEFAULT_LOD, matchExtent, paddedWindow, planItems } from '../../src/domain/levelOfDetail';
import { runQuery } from '../../src/domain/query';
import { buildTextIndex, textMatcher } from '../../src/domain/textSearch';
import type { Dataset } from '../../src/domain/types';
import type { ViewState } from '../../src/url/viewState';
import { facetMaps } from '../ingest/rows';
import type { QueryOptions, ViewAnswer } from '../db/queryView';

export interface BrowserEngine {
  index: BuiltIndex;
  text: ReturnType<typeof textMatcher>;
}

export function browserEngine(dataset: Dataset): BrowserEngine {
  const index = buildIndex(dataset);
  return { index, text: textMatcher(index, buildTextIndex(index)) };
}

/** The browser engine's answer to a view state, in the API's shape (the differential test's reference). */
export function browserAnswer(
  { index, text }: BrowserEngine,
  view: ViewState,
  o: QueryOptions,
): Omit<ViewAnswer, 'plan'> & { plan: ViewAnswer['plan'] } {
  const r = runQuery(index, text, view);
  const lanes = planLanes(index, r.matches, o.group);
  const extent = matchExtent(index, r.matches);
  const window = o.window ?? (extent ? paddedWindow(extent) : undefined);
  const plan = window ? planItems(index, r.matches, lanes, window, o.lod ?? DEFAULT_LOD) : null;
  const range = o.histogramRange ?? index.extent;
  const h = range ? histogram(index, r.matches, range, o.histogramBins ?? 120) : null;
  const rows = [...sortedMatches(index, r.matches, o.sort.key, o.sort.descending)]
    .slice(o.offset, o.offset + o.limit)
    .map((position) => ({ position, event: index.events[position]! }));
  return {
    count: r.count,
    facets: facetMaps(index, r.facets),
    stale: r.stale,
    notices: r.notices,
    highlightTerms: r.highlightTerms,
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
                  eventId: index.events[it.position]!.id,
                  title: index.events[it.position]!.title,
                }
              : it,
          ),
        }
      : null,
    histogram: h ? { bounds: h.bounds, counts: [...h.counts], max: h.max, unit: h.unit } : null,
    rows,
  };
}
