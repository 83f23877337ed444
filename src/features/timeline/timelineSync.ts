import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Bitset } from '../../domain/bitset';
import type { DatasetIndex } from '../../domain/buildIndex';
import { planLanes, type GroupBy, type Lane, type LanePlan } from '../../domain/lanes';
import type { Period } from '../../domain/types';
import {
  DEFAULT_LOD,
  planItems,
  type ItemPlan,
  type PlannedItem,
} from '../../domain/levelOfDetail';
import { reveal } from './timelineWindow';
import { toVisItem } from './visItems';
import {
  removeMissing,
  syncDataSet,
  upsertChanged,
  withOneRedraw,
  type VisGroup,
  type VisHandle,
  type VisItem,
} from './useVisTimeline';

const LANE_LABEL_PX = 180;

/**
 * What the timeline draws for the window: lanes, then the level-of-detail plan (items or count buckets near the
 * window) and its items by id. Nothing is planned until the canvas's width is known and the timeline is built.
 */
export function useTimelinePlan(
  build: boolean,
  index: DatasetIndex,
  matches: Bitset,
  group: GroupBy,
  win: { start: number; end: number },
  width: number | undefined,
  tz: string,
  weights?: Float64Array,
): { lanes: LanePlan | null; plan: ItemPlan | undefined; byId: Map<string, PlannedItem> } {
  const lanes = useMemo(
    () => (build ? planLanes(index, matches, group) : null),
    [build, index, matches, group],
  );
  const plan = useMemo(
    () =>
      build && width !== undefined
        ? planItems(index, matches, lanes, win, {
            ...DEFAULT_LOD,
            widthPx: Math.max(200, width - (lanes ? LANE_LABEL_PX : 0)),
            tz,
            ...(weights ? { weights } : {}),
          })
        : undefined,
    [build, index, matches, lanes, win, width, tz, weights],
  );
  const byId = useMemo(
    () => new Map<string, PlannedItem>(plan?.items.map((i) => [i.id, i])),
    [plan],
  );
  return { lanes, plan, byId };
}

/** vis-timeline's options shared by the file and the server timelines (limits and window come per dataset). */
export const TIMELINE_OPTIONS = {
  height: '100%',
  orientation: { axis: 'top', item: 'top' },
  showCurrentTime: false,
  selectable: true,
  multiselect: false,
  stack: true,
  zoomMin: 10,
  groupOrder: 'order',
  verticalScroll: true,
  // No horizontal margin: adjacent count buckets must sit on one row, not stack as if they overlapped.
  margin: { item: { horizontal: 0, vertical: 4 }, axis: 4 },
} as const;

/** Lanes as vis-timeline groups, or null without lanes. */
export function visGroups(lanes: readonly Lane[] | null): VisGroup[] | null {
  return lanes
    ? lanes.map((l, order) => ({
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
}

/** The plan's items as vis-timeline items, with the dataset's labelled background periods (few: always all). */
const generations = new WeakMap<DatasetIndex, number>();
let nextGeneration = 0;
function generationOf(index: DatasetIndex): number {
  let g = generations.get(index);
  if (g === undefined) generations.set(index, (g = nextGeneration++));
  return g;
}

function visItems(
  plan: ItemPlan,
  index: DatasetIndex,
  tz: string,
  selectedPos: number | undefined,
): VisItem[] {
  // Items are keyed by position; a new index (the analyst's layer added or merged something) may hold other
  // events at the same positions, so its items are all sent again once.
  const gen = generationOf(index);
  const items: VisItem[] = plan.items.map((it) => {
    const v = toVisItem(it, tz, selectedPos);
    return { ...v, sig: `${v.sig}|${gen}` };
  });
  items.push(...periodItems(index.dataset.periods));
  return items;
}

/** A dataset's labelled background periods as vis-timeline items (few: always all). */
export function periodItems(periods: readonly Period[]): VisItem[] {
  return periods.map((p) => ({
    id: `p|${p.id}`,
    start: p.start,
    end: p.end,
    type: 'background',
    className: 'cs-period',
    content: '',
    sig: `p|${p.label}`,
  }));
}

/**
 * Hands items and lanes to vis-timeline: DataSet updates by id, never a wholesale replacement, in one redraw.
 * `groupsOn` remembers whether vis has the groups DataSet (setGroups only when that changes).
 */
export function applyToTimeline(
  handle: VisHandle,
  items: VisItem[],
  groups: VisGroup[] | null,
  groupsOn: { current: boolean },
): void {
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
}

/** Hands each new plan to vis-timeline: DataSet updates by id, never a wholesale replacement, in one redraw. */
export function useSyncedItems(
  handle: VisHandle | null,
  plan: ItemPlan | undefined,
  lanes: LanePlan | null,
  index: DatasetIndex,
  tz: string,
  selectedPos: number | undefined,
): void {
  const groupsOn = useRef(false);
  useEffect(() => {
    if (!handle || !plan) return;
    applyToTimeline(
      handle,
      visItems(plan, index, tz, selectedPos),
      visGroups(lanes?.lanes ?? null),
      groupsOn,
    );
  }, [handle, plan, lanes, tz, selectedPos, index]);
}

/** Applies a window that arrives through the URL (Back/Forward, the histogram brush, a pasted link). */
export function useWindowFromUrl(
  handle: VisHandle | null,
  from: number | undefined,
  to: number | undefined,
): void {
  useEffect(() => {
    if (!handle || from === undefined || to === undefined) return;
    const w = handle.timeline.getWindow();
    if (Math.abs(w.start.valueOf() - from) >= 1 || Math.abs(w.end.valueOf() - to) >= 1) {
      handle.timeline.setWindow(from, to, { animation: false });
    }
  }, [handle, from, to]);
}

/** Brings a newly selected event into view when it lies outside the window (j/k, the list, the map). */
export function useRevealSelection(
  handle: VisHandle | null,
  index: DatasetIndex,
  selectedPos: number | undefined,
  /** Pixels of the canvas's right edge that something lies over (the details overlay). */
  coverPx = 0,
  canvas?: RefObject<HTMLElement | null>,
): void {
  const span =
    selectedPos === undefined
      ? undefined
      : { start: index.starts[selectedPos]!, end: index.ends[selectedPos]! };
  useRevealSpan(handle, selectedPos, span, coverPx, canvas);
}

/**
 * Brings the event selected as `key`, over `span`, into view when it is newly selected and lies outside the
 * window, and again when something comes to cover more of the canvas's right edge (the details overlay opening
 * over it): then it is kept clear of the cover, its label with it. A selection the page opens with stays where the
 * link's window has it. Both workspaces' timelines (the file's by index position, a server's by event id).
 */
export function useRevealSpan(
  handle: VisHandle | null,
  key: string | number | undefined,
  span: { start: number; end: number } | undefined,
  coverPx = 0,
  canvas?: RefObject<HTMLElement | null>,
): void {
  const last = useRef({ key, cover: coverPx });
  const start = span?.start;
  const end = span?.end;
  useEffect(() => {
    const was = last.current;
    last.current = { key, cover: coverPx };
    if (!handle || key === undefined || start === undefined || end === undefined) return;
    if (key === was.key && coverPx <= was.cover) return;
    const panel = canvas?.current?.querySelector('.vis-panel.vis-center');
    const width = panel?.clientWidth ?? 0;
    const label = canvas?.current?.querySelector('.vis-item.vis-selected .vis-item-content');
    reveal(
      handle.timeline,
      start,
      end,
      width > 0 ? coverPx / width : 0,
      width > 0 && label ? label.getBoundingClientRect().width / width : 0,
    );
  }, [handle, key, start, end, coverPx, canvas]);
}
