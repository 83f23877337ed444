import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useViewData } from '../data/page/viewData';
import { EventDetails } from '../features/details/EventDetails';
import { EntitySidebar } from '../features/entities/EntitySidebar';
import { EventList } from '../features/events/EventList';
import { FilterBar } from '../features/filters/FilterBar';
import { DensityHistogram } from '../features/histogram/DensityHistogram';
import { TimelineView } from '../features/timeline/TimelineView';
import { useUi } from '../state/uiStore';
import { afterPaint } from '../ui/afterPaint';
import { copyViewLink } from './Header';
import { currentView } from '../url/currentView';
import { RegionBoundary } from './RegionBoundary';

// The map and its outlines are a chunk of their own, loaded when the map is first opened; a link that opens
// with the map starts loading it with the app, while the dataset downloads.
const loadMap = () => import('../features/map/MapView');
if (currentView().state.geo) void loadMap().catch(() => {});
const MapView = lazy(loadMap);

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
  return (
    <main className="cs-workspace" data-drawer={drawer ?? 'none'}>
      <div className="cs-drawer-buttons">
        <button
          type="button"
          aria-expanded={drawer === 'entities'}
          aria-controls="cs-entities"
          onClick={() => setDrawer(drawer === 'entities' ? null : 'entities')}
        >
          Entities
        </button>
        <button
          type="button"
          aria-expanded={drawer === 'details'}
          aria-controls="cs-details"
          onClick={() => setDrawer(drawer === 'details' ? null : 'details')}
        >
          Details
        </button>
      </div>
      <section id="cs-entities" className="cs-panel cs-entities-panel" aria-label="Entities">
        <DrawerClose name="entities" onClose={() => setDrawer(null)} />
        <RegionBoundary name="Entities" resetKeys={reset}>
          {entities && <EntitySidebar />}
        </RegionBoundary>
      </section>
      <div className="cs-center" data-map={view.geo ? 'on' : 'off'}>
        <section className="cs-panel cs-filters-panel" aria-label="Filters">
          <RegionBoundary name="Filters" resetKeys={reset}>
            <FilterBar />
          </RegionBoundary>
        </section>
        <section className="cs-panel cs-timeline-panel" aria-label="Timeline">
          <RegionBoundary name="Timeline" resetKeys={reset}>
            <DensityHistogram />
            <TimelineView build={timeline} />
          </RegionBoundary>
        </section>
        <section className="cs-panel cs-events-panel" aria-label="Events">
          <RegionBoundary name="Events" resetKeys={reset}>
            {table && <EventList />}
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
      <section
        id="cs-details"
        className="cs-panel cs-details-panel"
        aria-label="Event details"
        data-selected={view.event !== undefined}
      >
        <DrawerClose name="details" onClose={() => setDrawer(null)} />
        <RegionBoundary name="Event details" resetKeys={reset}>
          <EventDetails onCopyEventLink={(id) => void copyViewLink(id)} />
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
