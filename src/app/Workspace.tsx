import { useDeferredValue } from 'react';
import { useViewData } from '../data/viewData';
import { EventDetails } from '../features/details/EventDetails';
import { EntitySidebar } from '../features/entities/EntitySidebar';
import { EventList } from '../features/events/EventList';
import { FilterBar } from '../features/filters/FilterBar';
import { DensityHistogram } from '../features/histogram/DensityHistogram';
import { TimelineView } from '../features/timeline/TimelineView';
import { useUi } from '../state/uiStore';
import { copyViewLink } from './Header';
import { RegionBoundary } from './RegionBoundary';

/** The regions: entities, filters, timeline (with its histogram), events, details. */
export function Workspace() {
  const { loaded, view } = useViewData();
  const drawer = useUi((s) => s.drawer);
  const setDrawer = useUi((s) => s.setDrawer);
  const reset = loaded;
  // The timeline and the filters come first; the entity list and then the event table follow in commits of their
  // own (React renders them at transition priority), so no single task mounts the whole workspace: each list
  // measures its rows as it mounts, which forces a layout of the page.
  const entities = useDeferredValue(true, false);
  const table = useDeferredValue(entities, false);
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
        <RegionBoundary name="Entities" resetKey={reset}>
          {entities && <EntitySidebar />}
        </RegionBoundary>
      </section>
      <div className="cs-center">
        <section className="cs-panel cs-filters-panel" aria-label="Filters">
          <RegionBoundary name="Filters" resetKey={reset}>
            <FilterBar />
          </RegionBoundary>
        </section>
        <section className="cs-panel cs-timeline-panel" aria-label="Timeline">
          <RegionBoundary name="Timeline" resetKey={reset}>
            <DensityHistogram />
            <TimelineView />
          </RegionBoundary>
        </section>
        <section className="cs-panel cs-events-panel" aria-label="Events">
          <RegionBoundary name="Events" resetKey={reset}>
            {table && <EventList />}
          </RegionBoundary>
        </section>
      </div>
      <section
        id="cs-details"
        className="cs-panel cs-details-panel"
        aria-label="Event details"
        data-selected={view.event !== undefined}
      >
        <RegionBoundary name="Event details" resetKey={`${view.event}`}>
          <EventDetails onCopyEventLink={(id) => void copyViewLink(id)} />
        </RegionBoundary>
      </section>
    </main>
  );
}
