import { lazy, Suspense, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { AnswerRequest, ServerMetadata } from '../data/page/serverApi';
import { isPassing } from '../data/page/serverApi';
import { useAnswerHalf } from '../data/page/useEngineQueries';
import { useViewEngine } from '../data/page/viewEngine';
import type { SortKey } from '../domain/eventOrder';
import type { ViewAnswer } from '../domain/viewAnswer';
import { paddedWindow } from '../domain/levelOfDetail';
import { ServerEventDetails } from '../features/details/ServerEventDetails';
import { ServerEventList } from '../features/events/ServerEventList';
import { ServerHistogram } from '../features/histogram/ServerHistogram';
import { ServerFacets } from '../features/server/ServerFacets';
import { AreaFilterNote, ServerLimitsNote } from '../features/server/ServerNotes';
import { ServerTimelineView } from '../features/timeline/ServerTimelineView';
import { useLayout } from '../state/layoutStore';
import { updateView } from '../url/useViewState';
import { filtersLink, serialiseViewState, type ViewState } from '../url/viewState';
import { PanelStrip, SidePanelFold } from './FoldButton';
import { copyViewLink } from './Header';
import { ListSplitter, ListStrip } from './ListSplit';
import { useOverlayCover } from './overlayCover';
import { useServerCommands } from './useServerCommands';
import { RegionBoundary } from './RegionBoundary';

/** The map is the file workspace's own component, loaded when first opened; here it asks the server. */
const MapView = lazy(() => import('../features/map/MapView'));

const PAGE = 100;
/** The lane labels' column, taken from the canvas's width as the browser's timeline does. */
const LANE_LABEL_PX = 180;
const HISTOGRAM_BINS = 120;

/**
 * What the drawn half depends on: the filters, window and lanes, and the list's scope (In view, its page is the
 * window's matches); not the selection, zone or panels.
 */
function answerView(view: ViewState): string {
  return serialiseViewState({ ...view, event: undefined, geo: false, geowin: false });
}

const WINDOW_ORDER = { key: 'date', descending: false } as const;

/** A server dataset's regions: facets, timeline with its histogram, the paged list, details. */
export function ServerWorkspace({
  meta,
  view,
  onCount,
}: {
  meta: ServerMetadata;
  view: ViewState;
  /** Told the count of the matches whenever an answer brings a new one (the header's status line says it). */
  onCount?(count: number): void;
}) {
  const engine = useViewEngine();
  const panel = useRef<HTMLElement>(null);
  const center = useRef<HTMLDivElement>(null);
  // Below 1440 px the details lie over the timeline's right: the selected event is kept clear of them.
  const detailsPanel = useRef<HTMLElement>(null);
  const { cover, top: overlayTop } = useOverlayCover(panel, detailsPanel);
  // The file workspace's split and fold of the list, remembered for both: the same share on either.
  const open = useLayout((s) => s.open);
  const listOpen = open.list;
  const listShare = useLayout((s) => s.listShare);
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.round(el.clientWidth / 10) * 10));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // The list's order is the link's (`sort=`), as on a file; a measure's order is the browser engine's only.
  const sort = useMemo<{ key: SortKey; descending: boolean }>(
    () =>
      view.sort.key === 'measure'
        ? { key: 'date', descending: false }
        : { key: view.sort.key, descending: view.sort.desc },
    [view.sort.key, view.sort.desc],
  );
  const setSort = (s: { key: SortKey; descending: boolean }) =>
    updateView({ sort: { key: s.key, desc: s.descending } });
  // The list In view holds the matches overlapping the window: its page is the window's half's, asked again on
  // each pan; otherwise the matches' half holds it.
  const inView = view.list === 'view';
  // The list's page is the link's (`page=`): it belongs to one filter set, order and scope, and a change of any
  // starts at the first page (updateView drops it). A pan keeps the page In view (a selection that moves the
  // window, clear of the details, keeps its row), within the window's count.
  const offset = ((view.page ?? 1) - 1) * PAGE;
  const histogram = useMemo(() => {
    if (!meta.extent) return undefined;
    const r = paddedWindow(meta.extent, 0.02);
    return { start: r.start, end: r.end, bins: HISTOGRAM_BINS };
  }, [meta.extent]);
  // Two questions: the matches (count, facets, histogram, a page of rows), which a pan does not change, and what
  // the window draws. Each keeps its previous answer on screen while the next loads.
  // What the matches depend on: the filters only, so that a pan or a change of lanes keeps them.
  const matchesString = filtersLink(view);
  const matchesReq = useMemo<AnswerRequest>(
    () => ({
      view: matchesString,
      ...(histogram ? { histogram } : {}),
      sort,
      // In view, its rows are not shown (the window's half has them): the same question, so a switch of scope
      // does not ask for the count and facets again.
      offset: inView ? 0 : offset,
      limit: PAGE,
    }),
    [matchesString, histogram, sort, offset, inView],
  );
  const viewString = answerView(view);
  const windowReq = useMemo<AnswerRequest | undefined>(
    () =>
      width === undefined
        ? undefined
        : {
            view: viewString,
            ...(view.from !== undefined && view.to !== undefined
              ? { window: { start: view.from, end: view.to } }
              : {}),
            widthPx: Math.max(200, width - (view.group === 'none' ? 0 : LANE_LABEL_PX)),
            ...(inView
              ? { sort, offset, limit: PAGE }
              : { sort: WINDOW_ORDER, offset: 0, limit: 0 }),
          },
    [viewString, view.from, view.to, view.group, width, inView, sort, offset],
  );
  const m = useAnswerHalf(engine, matchesReq, 'matches');
  const w = useAnswerHalf(engine, windowReq, 'window');
  // This view's count, not the one kept on screen while it loads (which may be another dataset's).
  const count = m.isPlaceholderData ? undefined : m.data?.count;
  useEffect(() => {
    if (count !== undefined) onCount?.(count);
  }, [count, onCount]);
  // The list's rows from the half of its scope: an answer of the other scope, on screen while the next loads,
  // shows no rows rather than the wrong ones.
  const answer = useMemo<ViewAnswer | undefined>(
    () =>
      m.data && w.data
        ? { ...m.data, ...w.data, rows: inView ? (w.data.rows ?? []) : m.data.rows }
        : undefined,
    [m.data, w.data, inView],
  );
  const q = {
    isFetching: m.isFetching || w.isFetching,
    failureReason: m.failureReason ?? w.failureReason,
    isError: m.isError || w.isError,
    error: m.error ?? w.error,
  };
  // The link holds the window on screen from the first answer on, so a copied link opens the same view. Only an
  // answer to a request without a window holds the fitted one (a link without it, or Fit): the previous answer,
  // on screen while that one loads, holds the window Fit leaves.
  const fitted = w.isPlaceholderData ? undefined : w.data?.window;
  useEffect(() => {
    if (fitted && (view.from === undefined || view.to === undefined))
      updateView({ from: Math.round(fitted.start), to: Math.round(fitted.end) }, 'replace');
  }, [fitted, view.from, view.to]);
  const [now] = useState(() => Date.now());
  const historical = (meta.extent?.end ?? 0) < now - 365 * 86_400_000;
  const names = useMemo(() => new Map(meta.entities.map((e) => [e.id, e.name])), [meta.entities]);
  const problem =
    q.failureReason && isPassing(q.failureReason)
      ? `${messageOf(q.failureReason)} Retrying…`
      : q.isError
        ? messageOf(q.error)
        : undefined;
  const reset = [view];
  // The selected event's time, where the answer holds it (a row of the list's page, an item drawn): the timeline
  // brings a new selection into view, clear of the details where they lie over it.
  const stepped = useServerCommands(engine, view.event, answer?.count);
  const selectedSpan = useMemo(() => {
    const row =
      answer?.rows.find((r) => r.event.id === view.event)?.event ??
      (stepped?.event.id === view.event ? stepped?.event : undefined);
    if (row) return { start: row.start, end: row.end };
    const item = answer?.plan?.items.find((i) => i.kind === 'event' && i.eventId === view.event);
    return item ? { start: item.start, end: item.end } : undefined;
  }, [answer, view.event, stepped]);
  return (
    // The details panel is there only while an event is selected, as in the file workspace: the timeline has
    // the width otherwise.
    <main
      className="cs-workspace"
      data-drawer="none"
      data-entities={open.entities ? 'open' : 'folded'}
      data-details={view.event === undefined ? 'none' : open.details ? 'open' : 'folded'}
      aria-busy={q.isFetching}
      style={
        overlayTop !== undefined
          ? ({ '--cs-overlay-top': `${overlayTop}px` } as CSSProperties)
          : undefined
      }
    >
      {/* [ and ] fold the facets and the details as on a file; their strips bring them back. */}
      <PanelStrip panel="entities" label="Show facets" title="Show the filters and facets" />
      <section
        id="cs-entities"
        className="cs-panel cs-entities-panel"
        aria-label="Filters and facets"
      >
        <div className="cs-panel-head">
          <h2 className="cs-panel-title">{meta.title}</h2>
          <SidePanelFold panel="entities" label="Hide facets" />
        </div>
        <ServerLimitsNote view={view} />
        <AreaFilterNote view={view} />
        <RegionBoundary name="Facets" resetKeys={reset}>
          {answer && (
            <ServerFacets meta={meta} view={view} answer={answer} filtersView={matchesString} />
          )}
        </RegionBoundary>
      </section>
      <div
        ref={center}
        className="cs-center"
        data-map={view.geo ? 'on' : 'off'}
        data-list={listOpen ? 'open' : 'folded'}
        style={
          {
            '--cs-list-fr': `${listShare}fr`,
            '--cs-timeline-fr': `${100 - listShare}fr`,
          } as CSSProperties
        }
      >
        {answer && (answer.notices.length > 0 || hasStale(answer.stale)) && (
          <section className="cs-panel cs-filters-panel" aria-label="Notices">
            {answer.notices.map((n) => (
              <p key={n} className="cs-note">
                {n}
              </p>
            ))}
            {stalePhrase(answer.stale)}
          </section>
        )}
        <section ref={panel} className="cs-panel cs-timeline-panel" aria-label="Timeline">
          <RegionBoundary name="Timeline" resetKeys={reset}>
            {answer ? (
              <>
                <ServerHistogram histogram={answer.histogram} window={answer.window} tz={view.tz} />
                <ServerTimelineView
                  answer={answer}
                  periods={meta.periods}
                  initialWindow={
                    view.from !== undefined && view.to !== undefined
                      ? { start: view.from, end: view.to }
                      : (answer.window ?? { start: Date.UTC(2000, 0), end: Date.UTC(2001, 0) })
                  }
                  extent={meta.extent}
                  from={view.from}
                  to={view.to}
                  selectedEventId={view.event}
                  selectedSpan={selectedSpan}
                  coverRight={cover}
                  tz={view.tz}
                  map={view.geo}
                  onToggleMap={() => updateView({ geo: !view.geo })}
                  historical={historical}
                />
              </>
            ) : (
              <p className="cs-muted">{problem ?? 'Asking the server…'}</p>
            )}
          </RegionBoundary>
        </section>
        {listOpen && <ListSplitter timeline={panel} center={center} />}
        <section id="cs-events" className="cs-panel cs-events-panel" aria-label="Events">
          {!listOpen && <ListStrip count={answer?.count} shortcut="l" />}
          <RegionBoundary name="Events" resetKeys={reset}>
            {answer && listOpen && (
              <ServerEventList
                rows={answer.rows}
                count={inView ? (answer.plan?.visibleCount ?? 0) : answer.count}
                scope={view.list}
                total={answer.count}
                inView={answer.plan?.visibleCount}
                offset={offset}
                pageSize={PAGE}
                sort={sort}
                onSort={setSort}
                onPage={(o) => updateView({ page: Math.floor(o / PAGE) + 1 })}
                names={names}
                selected={view.event}
                tz={view.tz}
              />
            )}
          </RegionBoundary>
        </section>
        {view.geo && (
          <section className="cs-panel cs-map-panel" aria-label="Map">
            <RegionBoundary name="Map" resetKeys={reset}>
              <Suspense fallback={<p className="cs-muted">Loading the map…</p>}>
                <MapView />
              </Suspense>
            </RegionBoundary>
          </section>
        )}
      </div>
      <PanelStrip panel="details" label="Show details" title="Show the event details" />
      <section
        ref={detailsPanel}
        id="cs-details"
        className="cs-panel cs-details-panel"
        aria-label="Event details"
        data-selected={view.event !== undefined}
      >
        <RegionBoundary name="Event details" resetKeys={reset}>
          <ServerEventDetails
            eventId={view.event}
            tz={view.tz}
            terms={answer?.highlightTerms ?? []}
            onCopyEventLink={(id) => void copyViewLink(id)}
            fold={<SidePanelFold panel="details" label="Hide details" />}
          />
        </RegionBoundary>
      </section>
    </main>
  );
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Stale = ViewAnswer['stale'];
const staleValues = (s: Stale) => [...s.actors, ...s.xactors, ...s.types, ...s.tags, ...s.places];
const hasStale = (s: Stale) => staleValues(s).length > 0;

function stalePhrase(stale: Stale) {
  const all = staleValues(stale);
  if (all.length === 0) return null;
  return (
    <p className="cs-note">
      Not in this dataset, so ignored: {all.slice(0, 10).join(', ')}
      {all.length > 10 ? '…' : ''}
    </p>
  );
}
