import { useEffect, useMemo, useRef, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { paddedWindow } from '../../domain/levelOfDetail';
import { timelineCommands } from '../../state/timelineCommands';
import { useTimelineCommands } from './useTimelineCommands';
import { currentView } from '../../url/currentView';
import { replaceWindowThrottled, updateView } from '../../url/useViewState';
import { withoutFilters } from '../../url/viewState';
import { groupElement, itemElement, periodElement, tooltipElement } from './itemContent';
import { TimelineToolbar } from './TimelineToolbar';
import { useVisTimeline } from './useVisTimeline';
import { WindowMatchesNote } from './WindowMatchesNote';
import { useHoverFromElsewhere } from './timelineHover';
import { useHover, useHoveredFrom } from '../../state/hoverStore';
import {
  TIMELINE_OPTIONS,
  useRevealSelection,
  useSyncedItems,
  useTimelinePlan,
  useWindowFromUrl,
} from './timelineSync';
import './timeline.css';
import { formatCount } from '../../domain/formatCount';
import { clampWindow, DRAWABLE_YEARS, timelineLimits } from '../../domain/drawableRange';
import { measureByName } from '../../domain/measures';

/**
 * Notes a window vis-timeline has drawn: on the canvas (readable by tests and tools) and in the link (from the
 * first draw on, so a copied link always holds the window on screen), unless the link says it already.
 */
function recordWindow(el: HTMLElement | null, start: number, end: number): void {
  if (el) {
    el.dataset.windowStart = String(Math.round(start));
    el.dataset.windowEnd = String(Math.round(end));
  }
  const url = currentView().state;
  const same = (a: number, b: number) => Math.abs(a - b) < 1;
  if (url.from !== undefined && url.to !== undefined && same(url.from, start) && same(url.to, end))
    return;
  replaceWindowThrottled(start, end);
}

/**
 * The zoomable timeline: vis-timeline fed only what the level-of-detail planner says is near the window.
 * vis-timeline itself is built once `build` is true (see Workspace).
 */
export function TimelineView({
  build = true,
  coverRight = 0,
}: {
  build?: boolean;
  /** Pixels of the canvas's right that an overlay lies over: a selected event is kept clear of them. */
  coverRight?: number;
}) {
  const { loaded, view, result } = useViewData();
  const { index } = loaded;
  const container = useRef<HTMLDivElement>(null);
  const dataWindow = useMemo(
    () =>
      clampWindow(
        paddedWindow(index.extent ?? { start: Date.UTC(2000, 0), end: Date.UTC(2001, 0) }),
      ),
    [index],
  );
  const [win, setWin] = useState(() =>
    view.from !== undefined && view.to !== undefined
      ? clampWindow({ start: view.from, end: view.to })
      : dataWindow,
  );
  // The canvas's width, from a ResizeObserver (after the browser's own layout). Nothing is planned before it is
  // known and vis-timeline is to be built: a plan for a guessed width was thrown away a frame later, and at
  // large sizes a whole-extent plan is a noticeable part of the render it lands in.
  const [width, setWidth] = useState<number | undefined>(undefined);
  const measure = measureByName(index.measures, view.sum);
  const { lanes, plan, byId } = useTimelinePlan(
    build,
    index,
    result.matches,
    view.group,
    win,
    width,
    view.tz,
    measure?.values,
  );
  // vis calls the templates later, from its own redraws: they read the current plan through this ref.
  const ctx = useRef({ byId, index, tz: view.tz, measure });
  useEffect(() => {
    ctx.current = { byId, index, tz: view.tz, measure };
  }, [byId, index, view.tz, measure]);
  const [now] = useState(() => Date.now());

  const limits = timelineLimits(dataWindow);
  const handle = useVisTimeline(
    container,
    {
      start: win.start,
      end: win.end,
      tz: view.tz,
      options: { ...TIMELINE_OPTIONS, ...limits },
    },
    {
      onSelect: (id) => {
        const item = id ? ctx.current.byId.get(id) : undefined;
        if (item?.kind === 'bucket') {
          handle?.timeline.setSelection([]);
          handle?.timeline.setWindow(item.start, item.end, { animation: false });
          return;
        }
        const eventId = item ? ctx.current.index.events.at(item.position)!.id : undefined;
        if (eventId !== currentView().state.event) updateView({ event: eventId });
      },
      onHover: (id) => {
        const item = id ? ctx.current.byId.get(id) : undefined;
        useHover.getState().hover(item?.kind === 'event' ? item.position : undefined, 'timeline');
      },
      onRangeChanged: (start, end) => {
        setWin({ start, end });
        recordWindow(container.current, start, end);
      },
      template: (id) => {
        if (id.startsWith('p|')) {
          const period = ctx.current.index.dataset.periods.find((p) => `p|${p.id}` === id);
          return periodElement(period?.label ?? '');
        }
        const item = ctx.current.byId.get(id);
        return item
          ? itemElement(item, ctx.current.index, ctx.current.tz, ctx.current.measure)
          : document.createElement('span');
      },
      tooltip: (id) => {
        const item = ctx.current.byId.get(id);
        return item
          ? tooltipElement(item, ctx.current.index, ctx.current.tz, ctx.current.measure)
          : document.createElement('span');
      },
      group: (g) => groupElement(g.label, g.count, g.kind),
    },
    build,
  );

  // Keep the LOD width in step with the container.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The link holds the window on screen from the first draw on, not only after a pan or zoom.
  useEffect(() => {
    if (!handle) return;
    const url = currentView().state;
    if (url.from !== undefined && url.to !== undefined) return;
    const w = handle.timeline.getWindow();
    updateView({ from: Math.round(w.start.valueOf()), to: Math.round(w.end.valueOf()) }, 'replace');
  }, [handle]);

  // The time zone changes how the axis reads.
  useEffect(() => {
    handle?.timeline.setOptions(handle.inZone(view.tz) as never);
  }, [handle, view.tz]);

  const selectedPos = view.event !== undefined ? index.byId.get(view.event) : undefined;
  useWindowFromUrl(handle, view.from, view.to);
  useSyncedItems(handle, plan, lanes, index, view.tz, selectedPos);
  const fit = useTimelineCommands(handle, index, result.matches, container);

  useRevealSelection(handle, index, selectedPos, coverRight, container);
  useHoverFromElsewhere(handle, container, useHoveredFrom('timeline'));

  return (
    <>
      <TimelineToolbar
        plan={plan}
        {...(measure ? { unit: measure.unit } : {})}
        onFit={fit}
        onZoom={(f) => timelineCommands()?.zoom(f)}
        handle={handle}
        historical={(index.extent?.end ?? 0) < now - 365 * 86_400_000}
        map={view.geo}
        onToggleMap={() => updateView({ geo: !view.geo })}
      />
      <div className="cs-timeline-stage">
        <div
          ref={container}
          className="cs-timeline"
          tabIndex={0}
          role="group"
          aria-label="Timeline canvas"
          aria-describedby="cs-timeline-help"
          data-mode={plan?.mode}
        />
        <p id="cs-timeline-help" className="cs-visually-hidden">
          Zoom with + and −, pan with the arrow keys, walk events with j and k. The Events list
          below holds the same events as a table.
        </p>
        {plan?.visibleCount === 0 && (
          <WindowMatchesNote
            index={index}
            matches={result.matches}
            count={result.count}
            win={win}
            tz={view.tz}
          />
        )}
        {result.count === 0 && (
          <div className="cs-empty" role="note">
            <p>No events match the current filters.</p>
            <button type="button" onClick={() => updateView(withoutFilters)}>
              Clear all filters
            </button>
          </div>
        )}
      </div>
      {index.undrawable > 0 && (
        <p className="cs-note">
          {formatCount(index.undrawable)} event{index.undrawable === 1 ? ' lies' : 's lie'} beyond ±
          {formatCount(DRAWABLE_YEARS)} years, which the timeline cannot draw; they are in the
          Events list.
        </p>
      )}
    </>
  );
}
