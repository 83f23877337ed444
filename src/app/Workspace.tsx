import { lazy, Suspense, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useViewData } from '../data/page/viewData';
import { EventDetails } from '../features/details/EventDetails';
import { EntitySidebar } from '../features/entities/EntitySidebar';
import { EventList } from '../features/events/EventList';
import { FilterBar } from '../features/filters/FilterBar';
import { DensityHistogram } from '../features/histogram/DensityHistogram';
import { TimelineView } from '../features/timeline/TimelineView';
import { useUi } from '../state/uiStore';
import { useLayout } from '../state/layoutStore';
import { afterPaint } from '../ui/afterPaint';
import { FoldButton, PanelStrip, SidePanelFold } from './FoldButton';
import { useOverlayCover } from './overlayCover';
import { copyViewLink } from './Header';
import { currentView } from '../url/currentView';
import { updateView } from '../url/useViewState';
import { ListSplitter, ListStrip } from './ListSplit';
import { RegionBoundary } from './RegionBoundary';

// The map and its outlines are a chunk of their own, loaded when the map is first opened; a link that opens
// with the map starts loading it with the app, while the dataset downloads.
const loadMap = () => import('../features/map/MapView');
if (currentView().state.geo) void loadMap().catch(() => {});
const MapView = lazy(loadMap);

/**
 * On a phone the map is a tab beside the timeline, shown in its place: the tabs are the desktop's map switch
 * (`geo` in the link), so a link opens the same view on either. Hidden where the map sits beside the timeline.
 */
function ViewTabs({ map }: { map: boolean }) {
  const tabs = [
    { name: 'Timeline', on: !map, controls: 'cs-timeline-region' },
    { name: 'Map', on: map, controls: 'cs-map-region' },
  ];
  const choose = (toMap: boolean) => {
    if (toMap !== map) updateView({ geo: toMap });
    document.getElementById(toMap ? 'cs-tab-map' : 'cs-tab-timeline')?.focus();
  };
  return (
    <div className="cs-view-tabs" role="tablist" aria-label="Timeline or map">
      {tabs.map((t) => (
        <button
          key={t.name}
          type="button"
          role="tab"
          id={t.name === 'Map' ? 'cs-tab-map' : 'cs-tab-timeline'}
          aria-selected={t.on}
          // The map's region exists only while it is shown.
          {...(t.on ? { 'aria-controls': t.controls } : {})}
          tabIndex={t.on ? 0 : -1}
          onClick={() => choose(t.name === 'Map')}
          onKeyDown={(e) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
              e.preventDefault();
              e.stopPropagation();
              choose(e.key === 'Home' ? false : e.key === 'End' ? true : !map);
            }
          }}
        >
          {t.name}
        </button>
      ))}
    </div>
  );
}

/** Counts from 0 up to `last`, one step after each paint. */
function useStagesAfterPaint(last: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= last) return;
    return afterPaint(() => setStage(stage + 1));
  }, [stage, last]);
  return stage;
}

/** The regions: entities, filters, timeline (with its histogram), events, details. */
export function Workspace() {
  const { loaded, view } = useViewData();
  const drawer = useUi((s) => s.drawer);
  const setDrawer = useUi((s) => s.setDrawer);
  // A failed region tries again when the dataset or the view it draws changes.
  const reset = [loaded, view];
  // The workspace is put on screen one part per frame, so that no single task mounts all of it and no single
  // frame lays out and paints all of it for the first time: the filters and the timeline's frame, then the
  // entity list, then the event table, each after the page has been painted; vis-timeline is built with the
  // table, in its own two tasks after paints (see useVisTimeline). vis-timeline reads sizes as it draws, which
  // makes the browser lay out whatever was committed before it in the same frame: built while the lists were
  // mounting, its first draw took in the first layout of the entity list too, in one long task.
  // Clearing the selection (×, Esc) closes the details drawer it was read in: an empty drawer would stay over
  // the page on a phone, covering the buttons under it.
  const selectedEvent = view.event;
  const lastEvent = useRef(selectedEvent);
  useEffect(() => {
    const was = lastEvent.current;
    lastEvent.current = selectedEvent;
    if (was !== undefined && selectedEvent === undefined && useUi.getState().drawer === 'details')
      setDrawer(null);
  }, [selectedEvent, setDrawer]);
  const stage = useStagesAfterPaint(2);
  const entities = stage >= 1;
  const table = stage >= 2;
  const timeline = stage >= 2;
  const open = useLayout((s) => s.open);
  const toggle = useLayout((s) => s.toggle);
  const listShare = useLayout((s) => s.listShare);
  const center = useRef<HTMLDivElement>(null);
  const timelinePanel = useRef<HTMLElement>(null);
  const selected = view.event !== undefined;
  const details = !selected ? 'none' : open.details ? 'open' : 'folded';
  const { result } = useViewData();
  const detailsPanel = useRef<HTMLElement>(null);
  const filtersPanel = useRef<HTMLElement>(null);
  const { cover, top: overlayTop } = useOverlayCover(timelinePanel, detailsPanel, filtersPanel);
  const located = loaded.index.located > 0;
  return (
    <main
      className="cs-workspace"
      style={
        overlayTop !== undefined
          ? ({ '--cs-overlay-top': `${overlayTop}px` } as CSSProperties)
          : undefined
      }
      data-drawer={drawer ?? 'none'}
      data-entities={open.entities ? 'open' : 'folded'}
      data-details={details}
    >
      <div className="cs-drawer-buttons" role="toolbar" aria-label="Panels">
        {(['filters', 'entities', 'details'] as const).map((name) => (
          <button
            key={name}
            type="button"
            aria-expanded={drawer === name}
            aria-controls={`cs-${name}`}
            onClick={() => setDrawer(drawer === name ? null : name)}
          >
            {name === 'filters' ? 'Filters' : name === 'entities' ? 'Entities' : 'Details'}
          </button>
        ))}
      </div>
      <PanelStrip panel="entities" label="Show entities" title="Show the entities panel" />
      <section id="cs-entities" className="cs-panel cs-entities-panel" aria-label="Entities">
        <DrawerClose name="entities" onClose={() => setDrawer(null)} />
        <RegionBoundary name="Entities" resetKeys={reset}>
          {entities && (
            <EntitySidebar fold={<SidePanelFold panel="entities" label="Hide entities" />} />
          )}
        </RegionBoundary>
      </section>
      <div
        ref={center}
        className="cs-center"
        data-map={view.geo ? 'on' : 'off'}
        data-tabs={located ? 'on' : 'off'}
        data-list={open.list ? 'open' : 'folded'}
        style={
          {
            '--cs-list-fr': `${listShare}fr`,
            '--cs-timeline-fr': `${100 - listShare}fr`,
          } as CSSProperties
        }
      >
        <section
          ref={filtersPanel}
          id="cs-filters"
          className="cs-panel cs-filters-panel"
          aria-label="Filters"
        >
          <DrawerClose name="filters" onClose={() => setDrawer(null)} />
          <RegionBoundary name="Filters" resetKeys={reset}>
            <FilterBar />
          </RegionBoundary>
        </section>
        {located && <ViewTabs map={view.geo} />}
        <section
          ref={timelinePanel}
          id="cs-timeline-region"
          className="cs-panel cs-timeline-panel"
          aria-label="Timeline"
        >
          <RegionBoundary name="Timeline" resetKeys={reset}>
            <DensityHistogram />
            <TimelineView build={timeline} coverRight={cover} />
          </RegionBoundary>
        </section>
        {open.list && <ListSplitter timeline={timelinePanel} center={center} />}
        <section id="cs-events" className="cs-panel cs-events-panel" aria-label="Events">
          {!open.list && <ListStrip count={result.count} shortcut="l" />}
          <RegionBoundary name="Events" resetKeys={reset}>
            {table && (
              <EventList
                fold={
                  open.list && (
                    <FoldButton
                      label="Hide the event list"
                      controls="cs-events"
                      shortcut="l"
                      glyph="▾"
                      onClick={() => toggle('list', false)}
                    />
                  )
                }
              />
            )}
          </RegionBoundary>
        </section>
        {view.geo && (
          <section id="cs-map-region" className="cs-panel cs-map-panel" aria-label="Map">
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
        data-selected={selected}
      >
        <DrawerClose name="details" onClose={() => setDrawer(null)} />
        <RegionBoundary name="Event details" resetKeys={reset}>
          <EventDetails
            onCopyEventLink={(id) => void copyViewLink(id)}
            fold={<SidePanelFold panel="details" label="Hide details" />}
          />
        </RegionBoundary>
      </section>
    </main>
  );
}

/** Closes a panel shown as a drawer (narrow screens); hidden where the panel is a column. */
function DrawerClose({ name, onClose }: { name: string; onClose(): void }) {
  return (
    <button
      type="button"
      className="cs-drawer-close"
      aria-label={`Close the ${name} drawer`}
      onClick={onClose}
    >
      Close
    </button>
  );
}
