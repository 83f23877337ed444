import { create } from 'zustand';

/** The workspace's panels that the analyst can fold away. */
export type PanelName = 'entities' | 'details' | 'list';

export const LAYOUT_KEY = 'chronoscope.layout';

/** The event list's share of the height it splits with the timeline, in percent. */
export const LIST_SHARE = { min: 15, max: 70, step: 5, initial: 34 } as const;

interface LayoutState {
  /** Which panels are shown (folded ones keep a strip with the button that brings them back). */
  open: Record<PanelName, boolean>;
  listShare: number;
  toggle(panel: PanelName, open?: boolean): void;
  setListShare(percent: number): void;
}

const DEFAULTS = {
  open: { entities: true, details: true, list: true },
  listShare: LIST_SHARE.initial,
};

function clampShare(n: number): number {
  return Math.min(LIST_SHARE.max, Math.max(LIST_SHARE.min, Math.round(n)));
}

/** What was remembered; anything unreadable falls back to the defaults, field by field. */
export function readLayout(raw: string | null): Pick<LayoutState, 'open' | 'listShare'> {
  let stored: unknown;
  try {
    stored = raw ? JSON.parse(raw) : undefined;
  } catch {
    stored = undefined;
  }
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const o = (typeof s.open === 'object' && s.open !== null ? s.open : {}) as Record<
    string,
    unknown
  >;
  const flag = (k: PanelName) => (typeof o[k] === 'boolean' ? o[k] : DEFAULTS.open[k]);
  return {
    open: { entities: flag('entities'), details: flag('details'), list: flag('list') },
    listShare:
      typeof s.listShare === 'number' && Number.isFinite(s.listShare)
        ? clampShare(s.listShare)
        : DEFAULTS.listShare,
  };
}

function stored(): Pick<LayoutState, 'open' | 'listShare'> {
  try {
    return readLayout(localStorage.getItem(LAYOUT_KEY));
  } catch {
    return readLayout(null);
  }
}

function remember(s: Pick<LayoutState, 'open' | 'listShare'>): void {
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify({ open: s.open, listShare: s.listShare }));
  } catch {
    // Storage full or disabled: the layout still applies for this session.
  }
}

/** The workspace layout: short-lived UI state, remembered in this browser. */
export const useLayout = create<LayoutState>((set, get) => ({
  ...stored(),
  toggle: (panel, open) => {
    const next = { ...get().open, [panel]: open ?? !get().open[panel] };
    set({ open: next });
    remember({ ...get(), open: next });
  },
  setListShare: (percent) => {
    const listShare = clampShare(percent);
    set({ listShare });
    remember({ ...get(), listShare });
  },
}));
