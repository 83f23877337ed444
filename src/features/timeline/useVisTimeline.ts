import { useEffect, useRef, useState } from 'react';
import type { moment as Moment } from '../../lib/vis';
import type { DataSet, LaneClass, Timeline, TimelineOptions } from '../../lib/vis';
import { loadVis } from '../../lib/loadVis';
import { axisFormat, floorAxisSteps, momentInZone } from './zonedMoment';
import { afterPaint } from '../../ui/afterPaint';
import { fitBucketLabels } from './bucketLabels';

export interface VisItem {
  id: string;
  start: number;
  end?: number;
  type: 'point' | 'range' | 'background';
  group?: string;
  className: string;
  content: string;
  /** Where vis puts the content in a range (its default moves it to the range's part on screen, from the left). */
  align?: 'left';
  /** Change signature: the item is only re-sent to vis when this changes. */
  sig: string;
}

export interface VisGroup {
  id: string;
  content: string;
  order: number;
  label: string;
  count: number;
  kind: string;
  className?: string;
  sig: string;
}

export interface TimelineCallbacks {
  onSelect(itemId: string | undefined): void;
  /** The pointer rests on an item (its id), or left it (undefined). */
  onHover?(itemId: string | undefined): void;
  onRangeChanged(start: number, end: number, byUser: boolean): void;
  template(itemId: string): HTMLElement;
  tooltip(itemId: string): HTMLElement;
  group(group: VisGroup): HTMLElement;
}

export interface VisHandle {
  timeline: Timeline;
  items: DataSet<VisItem>;
  groups: DataSet<VisGroup>;
  /** The options that make the axis step and read in a time zone (`moment` and `format`). */
  inZone(tz: string): { moment: typeof Moment; format: ReturnType<typeof axisFormat> };
  /** vis-timeline's lane class, for withOneRedraw; undefined if this vis-timeline does not export it. */
  lane: LaneClass | undefined;
}

/**
 * Creates the vis Timeline once in `container` (once `build` is true), destroys it on unmount. Callbacks are
 * read through a ref so they may change every render without recreating the timeline; `initial` is read when
 * the timeline is built.
 */
export function useVisTimeline(
  container: React.RefObject<HTMLDivElement | null>,
  initial: { start: number; end: number; tz: string; options: TimelineOptions },
  callbacks: TimelineCallbacks,
  build = true,
): VisHandle | null {
  const cb = useRef(callbacks);
  const initialRef = useRef(initial);
  useEffect(() => {
    cb.current = callbacks;
    initialRef.current = initial;
  });
  const [handle, setHandle] = useState<VisHandle | null>(null);
  const [failed, setFailed] = useState<unknown>(undefined);
  // A vis-timeline chunk that could not be downloaded is shown by the Timeline region's error boundary.
  if (failed !== undefined) throw failed;

  useEffect(() => {
    const el = container.current;
    if (!el || !build) return;
    let made: VisHandle | undefined;
    let gone = false;
    let unwatch: (() => void) | undefined;
    // Built in two tasks of its own, each after the next frame is painted. The page's first commit and
    // vis-timeline's construction together made one long task, and construction alone (its DOM, gesture handling,
    // a layout and a full draw) a long one too; the item layer, with the second full draw that
    // giving it items costs, now comes in the second task. Waiting for a paint means the layout vis reads is not
    // also the layout of whatever React just committed around it (which made that draw several times longer).
    loadVis().then(
      (vis) => {
        afterPaint(() => {
          if (gone) return;
          const built = createTimeline(vis, el, initialRef.current, cb);
          made = built;
          const unresize = onResize(el, () => built.timeline.redraw());
          const unpin = keepPanelsUnscrolled(el);
          unwatch = () => {
            unresize();
            unpin();
          };
          afterPaint(() => {
            if (gone) return;
            built.timeline.setItems(built.items as never);
            setHandle(built);
          });
        });
      },
      (e: unknown) => {
        if (!gone) setFailed(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return () => {
      gone = true;
      unwatch?.();
      made?.timeline.destroy();
      setHandle(null);
    };
  }, [container, build]);

  return handle;
}

function createTimeline(
  vis: typeof import('../../lib/vis'),
  el: HTMLDivElement,
  initial: { start: number; end: number; tz: string; options: TimelineOptions },
  cb: { current: TimelineCallbacks },
): VisHandle {
  const items = new vis.DataSet<VisItem>();
  const groups = new vis.DataSet<VisGroup>();
  const { start, end, tz, options } = initial;
  floorAxisSteps(vis.timeStepClass);
  const inZone = (zone: string) => ({
    moment: momentInZone(vis.moment, zone),
    format: axisFormat(zone),
  });
  // No items yet (see useVisTimeline): vis skips its item layer's first draw.
  const timeline = new vis.Timeline(
    el,
    null as never,
    {
      ...options,
      // Its own resize watch reads the root's size on the spot (a layout of the whole fresh page, a good part of
      // the construction) and again every second; onResize hears of changes from the browser after its layout.
      autoResize: false,
      ...inZone(tz),
      start,
      end,
      template: (item: { id?: string } | undefined) =>
        item?.id ? cb.current.template(item.id) : document.createElement('span'),
      groupTemplate: (group: VisGroup | undefined) =>
        group ? cb.current.group(group) : document.createElement('span'),
      tooltip: {
        followMouse: true,
        overflowMethod: 'flip',
        delay: 150,
        template: ((item: { id?: string }) =>
          item.id ? cb.current.tooltip(item.id) : '') as unknown as (i: unknown) => string,
      },
    } as TimelineOptions,
  );
  timeline.on('select', (props: { items: (string | number)[] }) =>
    cb.current.onSelect(props.items[0] === undefined ? undefined : String(props.items[0])),
  );
  timeline.on('itemover', (props: { item: string | number }) =>
    cb.current.onHover?.(String(props.item)),
  );
  timeline.on('itemout', () => cb.current.onHover?.(undefined));
  let first = true;
  timeline.on('rangechanged', (props: { start: Date; end: Date; byUser: boolean }) => {
    // With an explicit start/end vis stays hidden until a redraw after its first (debounced) range change.
    if (first) {
      first = false;
      timeline.redraw();
    }
    cb.current.onRangeChanged(props.start.valueOf(), props.end.valueOf(), props.byUser);
  });
  // vis cuts a bucket's number where the canvas cuts the bucket (or, with its default alignment, pushes it out
  // of a bucket that starts off screen): each redraw puts them back in sight.
  timeline.on('changed', () => fitBucketLabels(el));
  deferFollowUpUntilItemsDrawn(timeline, () => items.length > 0);
  return { timeline, items, groups, inZone, lane: vis.laneClass };
}

/**
 * vis-timeline places items by transform in panels that clip them; it never scrolls those panels sideways. The
 * browser does, to bring a clipped label into view (find in page landing on an item's title past the canvas's
 * edge, a click on its hidden part): every item then sits off its time, against the axis, until the page is
 * reloaded. A sideways scroll of the timeline's boxes is put back at once (vertical scrolling is vis's own).
 */
export function keepPanelsUnscrolled(root: HTMLElement): () => void {
  const putBack = (e: Event) => {
    const box = e.target;
    if (box instanceof HTMLElement && box.scrollLeft !== 0) box.scrollLeft = 0;
  };
  // Scroll events do not bubble: caught on the way down, for every box inside.
  root.addEventListener('scroll', putBack, { capture: true, passive: true });
  return () => root.removeEventListener('scroll', putBack, { capture: true });
}

type Listener = (props?: object) => void;
interface VisEmitter {
  listeners?(event: string): Listener[];
  off?(event: string): void;
  on(event: string, fn: Listener): void;
}

/**
 * vis-timeline draws everything again at once, in the same task, whenever a draw changed a panel's size (up to five
 * times). Its first draw with items always does (the item layer grows), which made that one task, as a dataset
 * loads, twice as long. Until that draw has happened, this has vis do the follow-up in the next
 * animation frame instead, as vis itself does after its own item changes (`queue`); after it, vis draws as it
 * always does (deferring every follow-up made searches at 100k slower to paint, the follow-ups spreading
 * over later frames). Reaches vis's `_change` listeners; where they are missing it changes
 * nothing.
 */
export function deferFollowUpUntilItemsDrawn(timeline: Timeline, hasItems: () => boolean): void {
  const t = timeline as unknown as VisEmitter;
  if (typeof t.listeners !== 'function' || typeof t.off !== 'function') return;
  const own = t.listeners('_change');
  if (own.length === 0) return;
  t.off('_change');
  let itemsDrawn = false;
  t.on('_change', (props) => {
    const defer = !itemsDrawn && !(props as { queue?: boolean } | undefined)?.queue;
    if (defer && hasItems()) itemsDrawn = true;
    for (const fn of own) fn(defer ? { ...props, queue: true } : props);
  });
}

/**
 * Calls `changed` whenever `el` changes size after the first time it is seen (vis reads the size it starts with
 * itself). A ResizeObserver reports sizes after the browser's own layout, so watching forces none.
 */
export function onResize(el: Element, changed: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let last: string | undefined;
  const ro = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]!.contentRect;
    const size = `${box.width}x${box.height}`;
    if (last !== undefined && size !== last) changed();
    last = size;
  });
  ro.observe(el);
  return () => ro.disconnect();
}

interface VisInternals {
  itemSet?: { redraw?: () => boolean };
}

/**
 * Runs DataSet changes with vis-timeline's drawing held back, then asks for one redraw (in the next animation
 * frame, before it is painted). Left alone, vis draws each visible item it is given on the spot and reads its size
 * straight after (a browser layout per item), and redraws every visible item after each DataSet call: at 100k
 * events a search that changed a screen of count buckets spent most of its time in layouts. Its own redraw draws new items
 * together, all writes before all reads. This reaches two internals (the item layer's `redraw`, and the lanes'
 * `_checkIfVisible`, which draws an item added inside the window); where they are missing it changes nothing.
 */
export function withOneRedraw(
  timeline: Timeline,
  change: () => void,
  laneClass: LaneClass | undefined,
): void {
  const itemSet = (timeline as unknown as VisInternals).itemSet;
  // The method is patched where it is defined, Group.prototype, so that every lane (BackgroundGroup, the first
  // lane when lanes are on, extends Group) is held back, and nothing is left on a subclass's prototype.
  const lane = laneClass?.prototype;
  const drawOnAdd =
    lane && Object.hasOwn(lane, '_checkIfVisible') ? lane._checkIfVisible : undefined;
  if (!itemSet || typeof itemSet.redraw !== 'function' || typeof drawOnAdd !== 'function')
    return change();
  const ownRedraw = Object.getOwnPropertyDescriptor(itemSet, 'redraw');
  itemSet.redraw = () => false;
  lane!._checkIfVisible = () => {};
  try {
    change();
  } finally {
    if (ownRedraw) Object.defineProperty(itemSet, 'redraw', ownRedraw);
    else delete itemSet.redraw;
    lane!._checkIfVisible = drawOnAdd;
  }
  timeline.redraw();
}

/** Removes from a DataSet every id that `next` no longer has. */
export function removeMissing<T extends { id: string }>(ds: DataSet<T>, next: T[]): void {
  const nextIds = new Set(next.map((i) => i.id));
  const stale = (ds.getIds() as string[]).filter((id) => !nextIds.has(id));
  if (stale.length > 0) ds.remove(stale);
}

/**
 * Adds the entries of `next` that are new and replaces those whose signature changed. Changed entries are removed
 * and added again rather than updated: vis-timeline redraws an updated item on the spot, reading its size right
 * after writing it (one browser layout per item), while added
 * items are drawn together in its next frame, all writes before all reads (one layout).
 */
export function upsertChanged<T extends { id: string; sig: string }>(
  ds: DataSet<T>,
  next: T[],
): void {
  const added: T[] = [];
  const replaced: string[] = [];
  for (const i of next) {
    const current = ds.get(i.id) as T | null;
    if (current === null) added.push(i);
    else if (current.sig !== i.sig) {
      replaced.push(i.id);
      added.push(i);
    }
  }
  if (replaced.length > 0) ds.remove(replaced);
  if (added.length > 0) ds.add(added as never);
}

/**
 * Brings the lanes' DataSet in line with `next` by id: removes what went, adds what is new and updates in place
 * what changed. Unlike items, a lane updated in place is not drawn or measured on the spot, and removing it would
 * tear down its DOM and re-add every item it holds.
 */
export function syncDataSet<T extends { id: string; sig: string }>(
  ds: DataSet<T>,
  next: T[],
): void {
  removeMissing(ds, next);
  const changed = next.filter((i) => (ds.get(i.id) as T | null)?.sig !== i.sig);
  if (changed.length > 0) ds.update(changed as never);
}
