import { useEffect, useMemo, useRef, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { planLanes } from '../../domain/lanes';
import { DEFAULT_LOD, paddedWindow, planItems, type PlannedItem } from '../../domain/levelOfDetail';
import { timelineCommands } from '../../state/timelineCommands';
import { useTimelineCommands } from './useTimelineCommands';
import { currentView } from '../../url/currentView';
import { replaceWindowThrottled, updateView } from '../../url/useViewState';
import { reveal } from './timelineWindow';
import { toVisItem } from './visItems';
import { withoutFilters } from '../../url/viewState';
import { groupElement, itemElement, periodElement, tooltipElement } from './itemContent';
import { TimelineToolbar } from './TimelineToolbar';
import {
  removeMissing,
  syncDataSet,
  upsertChanged,
  withOneRedraw,
  useVisTimeline,
  type VisGroup,
  type VisItem,
} from './useVisTimeline';
import './timeline.css';
import { formatCount } from '../../domain/formatCount';
import { clampWindow, DRAWABLE_YEARS, timelineLimits } from '../../domain/drawableRange';

const LANE_LABEL_PX = 180;

/**
 * The zoomable timeline: vis-timeline fed only what the level-of-detail planner says is near the window.
 * vis-timeline itself is built once `build` is true (see Workspace).
 */
export function TimelineView({ build = true }: { build?: boolean }) {
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
  // known and vis-timeline is to be built: a plan for a guessed width was thrown away a frame later, and at 100k
  // events each whole-extent plan costs 15-20 ms of the render it lands in.
  const [width, setWidth] = useState<number | undefined>(undefined);
  const lanes = useMemo(
    () => (build ? planLanes(index, result.matches, view.group) : null),
    [build, index, result.matches, view.group],
  );
  const plan = useMemo(
    () =>
      build && width !== undefined
        ? planItems(index, result.matches, lanes, win, {
            ...DEFAULT_LOD,
            widthPx: Math.max(200, width - (lanes ? LANE_LABEL_PX : 0)),
          })
        : undefined,
    [build, index, result.matches, lanes, win, width],
  );
  const byId = useMemo(
    () => new Map<string, PlannedItem>(plan?.items.map((i) => [i.id, i])),
    [plan],
  );
  // vis calls the templates later, from its own redraws: they read the current plan through this ref.
  const ctx = useRef({ byId, index, tz: view.tz });
  useEffect(() => {
    ctx.current = { byId, index, tz: view.tz };
  }, [byId, index, view.tz]);
  const [now] = useState(() => Date.now());

  const limits = timelineLimits(dataWindow);
  const handle = useVisTimeline(
    container,
    {
      start: win.start,
      end: win.end,
      tz: view.tz,
      options: {
        height: '100%',
        orientation: { axis: 'top', item: 'top' },
        showCurrentTime: false,
        selectable: true,
        multiselect: false,
        stack: true,
        zoomMin: 10,
        ...limits,
        groupOrder: 'order',
        verticalScroll: true,
        // No horizontal margin: adjacent count buckets must sit on one row, not stack as if they overlapped.
        margin: { item: { horizontal: 0, vertical: 4 }, axis: 4 },
      },
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
      onRangeChanged: (start, end) => {
        setWin({ start, end });
        // The drawn window, readable by tests and tools.
        if (container.current) {
          container.current.dataset.windowStart = String(Math.round(start));
          container.current.dataset.windowEnd = String(Math.round(end));
        }
        const url = currentView().state;
        const same = (a: number, b: number) => Math.abs(a - b) < 1;
        if (
          url.from !== undefined &&
          url.to !== undefined &&
          same(url.from, start) &&
          same(url.to, end)
        )
          return;
        if (url.from === undefined && same(start, dataWindow.start) && same(end, dataWindow.end))
          return;
        replaceWindowThrottled(start, end);
      },
      template: (id) => {
        if (id.startsWith('p|')) {
          const period = ctx.current.index.dataset.periods.find((p) => `p|${p.id}` === id);
          return periodElement(period?.label ?? '');
        }
        const item = ctx.current.byId.get(id);
        return item
          ? itemElement(item, ctx.current.index, ctx.current.tz)
          : document.createElement('span');
      },
      tooltip: (id) => {
        const item = ctx.current.byId.get(id);
        return item
          ? tooltipElement(item, ctx.current.index, ctx.current.tz)
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

  // The time zone changes how the axis reads.
  useEffect(() => {
    handle?.timeline.setOptions({ moment: handle.inZone(view.tz) });
  }, [handle, view.tz]);

  // Apply a window that arrives through the URL (Back/Forward, histogram brush, a pasted link).
  useEffect(() => {
    if (!handle || view.from === undefined || view.to === undefined) return;
    const w = handle.timeline.getWindow();
    if (Math.abs(w.start.valueOf() - view.from) >= 1 || Math.abs(w.end.valueOf() - view.to) >= 1) {
      handle.timeline.setWindow(view.from, view.to, { animation: false });
    }
  }, [handle, view.from, view.to]);

  // Lanes and items: DataSet updates by id, never a wholesale replacement.
  const groupsOn = useRef(false);
  const selectedPos = view.event !== undefined ? index.byId.get(view.event) : undefined;
  useEffect(() => {
    if (!handle || !plan) return;
    const groups: VisGroup[] | null = lanes
      ? lanes.lanes.map((l, order) => ({
          id: l.id,
          content: '',
          order,
          label: l.label,
          count: l.count,
          kind: l.kind,
          className: `cs-lane-row cs-lane-row-${l.kind}`,
          sig: `${l.label}|${l.count}|${order}`,
        }))
      : null;
    const items: VisItem[] = plan.items.map((it) => toVisItem(it, view.tz, selectedPos));
    // Labelled background periods (TimelineJS eras); few, so all of them are always given.
    for (const p of index.dataset.periods) {
      items.push({
        id: `p|${p.id}`,
        start: p.start,
        end: p.end,
        type: 'background',
        className: 'cs-period',
        content: '',
        sig: `p|${p.label}`,
      });
    }
    withOneRedraw(
      handle.timeline,
      () => {
        // Items leave before lanes change, so none is left pointing at a lane that is gone.
        removeMissing(handle.items, items);
        if (groups) {
          syncDataSet(handle.groups, groups);
          if (!groupsOn.current) handle.timeline.setGroups(handle.groups as never);
          groupsOn.current = true;
        } else if (groupsOn.current) {
          handle.timeline.setGroups(null as never);
          handle.groups.clear();
          groupsOn.current = false;
        }
        upsertChanged(handle.items, items);
        handle.timeline.setSelection(
          items.filter((i) => i.className.includes('is-selected')).map((i) => i.id),
        );
      },
      handle.lane,
    );
  }, [handle, plan, lanes, view.tz, selectedPos, index]);

  const fit = useTimelineCommands(handle, index, result.matches, container);

  // Reveal a newly selected event that lies outside the window (keyboard j/k, the event list).
  const lastSelected = useRef(selectedPos);
  useEffect(() => {
    if (!handle || selectedPos === undefined || selectedPos === lastSelected.current) return;
    lastSelected.current = selectedPos;
    reveal(handle.timeline, index.starts[selectedPos]!, index.ends[selectedPos]!);
  }, [handle, selectedPos, index]);
  return (
    <>
      <TimelineToolbar
        plan={plan}
        onFit={fit}
        onZoom={(f) => timelineCommands()?.zoom(f)}
        handle={handle}
        historical={(index.extent?.end ?? 0) < now - 365 * 86_400_000}
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
