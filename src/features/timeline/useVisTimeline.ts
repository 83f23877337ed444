import { useEffect, useRef, useState } from 'react';
import moment from 'moment';
import { DataSet, Timeline, type TimelineOptions } from '../../lib/vis';
import { zoneOffsetMinutes } from '../../domain/formatDate';

export interface VisItem {
  id: string;
  start: number;
  end?: number;
  type: 'point' | 'range' | 'background';
  group?: string;
  className: string;
  content: string;
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
  onRangeChanged(start: number, end: number, byUser: boolean): void;
  template(itemId: string): HTMLElement;
  tooltip(itemId: string): HTMLElement;
  group(group: VisGroup): HTMLElement;
}

export interface VisHandle {
  timeline: Timeline;
  items: DataSet<VisItem>;
  groups: DataSet<VisGroup>;
}

/** A moment factory that reads the axis in the chosen zone. */
export function momentInZone(tz: string): typeof moment {
  return ((date?: moment.MomentInput) => {
    const m = moment(date);
    return tz === 'local' ? m : m.utcOffset(zoneOffsetMinutes(tz, m.valueOf()));
  }) as typeof moment;
}

/**
 * Creates the vis Timeline once in `container`, destroys it on unmount. Callbacks are read through a ref so
 * they may change every render without recreating the timeline.
 */
export function useVisTimeline(
  container: React.RefObject<HTMLDivElement | null>,
  initial: { start: number; end: number; options: TimelineOptions },
  callbacks: TimelineCallbacks,
): VisHandle | null {
  const cb = useRef(callbacks);
  useEffect(() => {
    cb.current = callbacks;
  });
  const [handle, setHandle] = useState<VisHandle | null>(null);
  const initialRef = useRef(initial);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const items = new DataSet<VisItem>();
    const groups = new DataSet<VisGroup>();
    const { start, end, options } = initialRef.current;
    const timeline = new Timeline(
      el,
      items as never,
      {
        ...options,
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
    let first = true;
    timeline.on('rangechanged', (props: { start: Date; end: Date; byUser: boolean }) => {
      // With an explicit start/end vis stays hidden until a redraw after its first (debounced) range change.
      if (first) {
        first = false;
        timeline.redraw();
      }
      cb.current.onRangeChanged(props.start.valueOf(), props.end.valueOf(), props.byUser);
    });
    setHandle({ timeline, items, groups });
    return () => {
      timeline.destroy();
      setHandle(null);
    };
  }, [container]);

  return handle;
}

/** Removes from a DataSet every id that `next` no longer has. */
export function removeMissing<T extends { id: string }>(ds: DataSet<T>, next: T[]): void {
  const nextIds = new Set(next.map((i) => i.id));
  const stale = (ds.getIds() as string[]).filter((id) => !nextIds.has(id));
  if (stale.length > 0) ds.remove(stale);
}

/** Adds or updates only the entries of `next` whose signature changed. */
export function upsertChanged<T extends { id: string; sig: string }>(
  ds: DataSet<T>,
  next: T[],
): void {
  const changed = next.filter((i) => (ds.get(i.id) as T | null)?.sig !== i.sig);
  if (changed.length > 0) ds.update(changed as never);
}

/** Brings a DataSet in line with `next` by id: removes what went, adds or updates only what changed. */
export function syncDataSet<T extends { id: string; sig: string }>(
  ds: DataSet<T>,
  next: T[],
): void {
  removeMissing(ds, next);
  upsertChanged(ds, next);
}
