import { useEffect, useMemo, useRef } from 'react';
import { clampWindow, timelineLimits, zoomWindow } from '../../domain/drawableRange';
import { formatCount } from '../../domain/formatCount';
import { paddedWindow, type BucketItem } from '../../domain/levelOfDetail';
import type { Period } from '../../domain/types';
import type { AnswerEventItem, ViewAnswer } from '../../domain/viewAnswer';
import { currentView } from '../../url/currentView';
import { replaceWindowThrottled, updateView } from '../../url/useViewState';
import { registerTimeline, timelineCommands } from '../../state/timelineCommands';
import { TimelineToolbar } from './TimelineToolbar';
import { groupElement } from './itemContent';
import { useVisTimeline, type VisItem } from './useVisTimeline';
import { toVisItem } from './visItems';
import {
  applyToTimeline,
  periodItems,
  TIMELINE_OPTIONS,
  useRevealSpan,
  useWindowFromUrl,
  visGroups,
} from './timelineSync';
import './timeline.css';

type Item = AnswerEventItem | BucketItem;

function textNode(className: string, text: string): HTMLElement {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text; // never parsed as HTML
  return node;
}

interface Props {
  answer: ViewAnswer;
  periods: Period[];
  /** The window drawn first (the link's, else the answer's). */
  initialWindow: { start: number; end: number };
  /**
   * The dataset's extent: how far the timeline pans and zooms out, as on a file. Without it, the first window's (a
   * link's window may be days wide, and would hold the analyst within days of it).
   */
  extent: { start: number; end: number } | undefined;
  /** The link's window: Back/Forward and pasted links move the timeline to it. */
  from: number | undefined;
  to: number | undefined;
  selectedEventId: string | undefined;
  /** The selected event's time where the workspace knows it (a row, an item): a new selection is brought into view. */
  selectedSpan?: { start: number; end: number };
  /** Pixels of the canvas's right edge the details overlay lies over (below 1440 px wide). */
  coverRight?: number;
  tz: string;
  /** Whether the map is open beside the timeline, and how to open or close it. */
  map: boolean;
  onToggleMap(): void;
  /** Whether the dataset ends more than a year ago (no Today button then). */
  historical: boolean;
}

/**
 * The timeline of a server dataset: vis-timeline drawing the lanes, items or count buckets the engine planned
 * for the window. Panning and zooming write the window into the link; the next answer follows.
 */
export function ServerTimelineView({
  answer,
  periods,
  initialWindow,
  extent,
  from,
  to,
  selectedEventId,
  selectedSpan,
  coverRight = 0,
  map,
  onToggleMap,
  historical,
  tz,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const byId = useMemo(
    () => new Map<string, Item>(answer.plan?.items.map((i) => [i.id, i])),
    [answer.plan],
  );
  const ctx = useRef(byId);
  useEffect(() => {
    ctx.current = byId;
  }, [byId]);
  const limits = timelineLimits(clampWindow(paddedWindow(extent ?? initialWindow)));
  const handle = useVisTimeline(
    container,
    {
      ...clampWindow(initialWindow),
      tz,
      options: { ...TIMELINE_OPTIONS, ...limits },
    },
    {
      onSelect: (id) => {
        const item = id ? ctx.current.get(id) : undefined;
        if (item?.kind === 'bucket') {
          handle?.timeline.setSelection([]);
          handle?.timeline.setWindow(item.start, item.end, { animation: false });
          return;
        }
        const eventId = item?.eventId;
        if (eventId !== currentView().state.event) updateView({ event: eventId });
      },
      onRangeChanged: (start, end) => {
        const el = container.current;
        if (el) {
          el.dataset.windowStart = String(Math.round(start));
          el.dataset.windowEnd = String(Math.round(end));
        }
        const url = currentView().state;
        const same = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < 1;
        if (!same(url.from, start) || !same(url.to, end)) replaceWindowThrottled(start, end);
      },
      template: (id) => {
        if (id.startsWith('p|')) {
          const p = periods.find((x) => `p|${x.id}` === id);
          return textNode('cs-period-label', p?.label ?? '');
        }
        const item = ctx.current.get(id);
        if (!item) return document.createElement('span');
        if (item.kind === 'bucket') return textNode('cs-bucket-label', formatCount(item.count));
        const root = textNode('cs-item-label', '');
        root.append(textNode('cs-item-title', item.title.slice(0, 120)));
        return root;
      },
      tooltip: (id) => {
        const item = ctx.current.get(id);
        if (!item) return document.createElement('span');
        return textNode(
          'cs-tooltip',
          item.kind === 'bucket'
            ? `${formatCount(item.count)} events; click to zoom in`
            : item.title.slice(0, 1000),
        );
      },
      group: (g) => groupElement(g.label, g.count, g.kind),
    },
  );

  // What the map's Play and the zoom shortcuts ask of the mounted timeline, as the file timeline registers it. The
  // window moves here; the link follows (onRangeChanged) and the server is asked for the new window's half.
  useEffect(() => {
    if (!handle) return;
    const tl = handle.timeline;
    const current = () => {
      const w = tl.getWindow();
      return { start: w.start.valueOf(), end: w.end.valueOf() };
    };
    const show = (w: { start: number; end: number }) => {
      const c = clampWindow(w);
      tl.setWindow(c.start, c.end, { animation: false });
    };
    registerTimeline({
      zoom: (f) => show(zoomWindow(current(), f)),
      pan: (fraction) => {
        const w = current();
        const d = (w.end - w.start) * fraction;
        show({ start: w.start + d, end: w.end + d });
      },
      // The matches' extent is the server's to know: asked without a window, it answers with the fitted one, which
      // the workspace then writes into the link and the timeline moves to (useWindowFromUrl).
      fit: () => updateView({ from: undefined, to: undefined }, 'replace'),
      // Positions are the file index's; the server's list reveals its own rows.
      reveal: () => {},
      focus: () => container.current?.focus(),
      element: () => container.current,
      window: current,
    });
    return () => registerTimeline(null);
  }, [handle]);

  useEffect(() => {
    handle?.timeline.setOptions(handle.inZone(tz) as never);
  }, [handle, tz]);

  useWindowFromUrl(handle, from, to);

  // A newly selected event outside the window (a row of the list) is brought into view, the zoom kept, and kept
  // clear of the details overlay, as the file timeline does; the selection a link opens with stays where the
  // link's window has it.
  useRevealSpan(handle, selectedEventId, selectedSpan, coverRight, container);

  const groupsOn = useRef(false);
  useEffect(() => {
    if (!handle || !answer.plan) return;
    const items: VisItem[] = answer.plan.items.map((it) => ({
      ...toVisItem(it, tz, undefined),
      ...(it.kind === 'event' && it.eventId === selectedEventId
        ? { className: `cs-event cs-shape-${it.shape} is-selected`, sig: `sel|${it.shape}|${tz}` }
        : {}),
    }));
    items.push(...periodItems(periods));
    applyToTimeline(handle, items, visGroups(answer.lanes), groupsOn);
  }, [handle, answer, periods, tz, selectedEventId]);

  const plan = answer.plan;
  return (
    <>
      <TimelineToolbar
        plan={plan}
        handle={handle}
        onFit={() => timelineCommands()?.fit()}
        onZoom={(f) => timelineCommands()?.zoom(f)}
        historical={historical}
        map={map}
        onToggleMap={onToggleMap}
      />
      <div className="cs-timeline-stage">
        <div
          ref={container}
          className="cs-timeline"
          tabIndex={0}
          role="group"
          aria-label="Timeline canvas"
          data-mode={plan?.mode}
        />
        {answer.count === 0 && (
          <div className="cs-empty" role="note">
            <p>No events match the current filters.</p>
          </div>
        )}
      </div>
    </>
  );
}
