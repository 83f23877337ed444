import { useEffect, type RefObject } from 'react';
import { create } from 'zustand';
import { storedTheme, THEME_KEY, type ThemeChoice } from './storedTheme';

export type { ThemeChoice } from './storedTheme';
export type Drawer = 'filters' | 'entities' | 'details' | null;
export type DialogName = 'help' | 'report' | 'saved-views' | 'add-event' | null;

interface UiState {
  theme: ThemeChoice;
  setTheme(t: ThemeChoice): void;
  dialog: DialogName;
  openDialog(d: DialogName): void;
  /** What the address said that was ignored (shown once, dismissable). */
  notices: string[];
  setNotices(n: string[]): void;
  /** A short confirmation ("Link copied"), read out politely. */
  toast: string;
  say(message: string): void;
  /** The analyst's layer: the added event the event form edits (none: a new one), and the last undoable change. */
  editing: string | undefined;
  openEventForm(editing?: string): void;
  undo: { message: string; run(): void } | null;
  offerUndo(message: string, run: () => void): void;
  /** Phones: which drawer (bottom sheet) is open. */
  drawer: Drawer;
  setDrawer(d: Drawer): void;
  /** The entity finder takes the focus when next drawn (`e`: its panel may be folded or not yet mounted). */
  focusFinder: boolean;
  setFocusFinder(pending: boolean): void;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
let undoTimer: ReturnType<typeof setTimeout> | undefined;

/** Short-lived UI state only; the view itself lives in the URL. */
export const useUi = create<UiState>((set) => ({
  theme: storedTheme(),
  setTheme: (theme) => {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage may be full or disabled: the choice still applies for this session.
    }
    set({ theme });
  },
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  notices: [],
  setNotices: (notices) => set({ notices }),
  toast: '',
  say: (toast) => {
    if (toastTimer !== undefined) clearTimeout(toastTimer);
    set({ toast });
    toastTimer = setTimeout(() => set({ toast: '' }), 4000);
  },
  editing: undefined,
  openEventForm: (editing) => set({ dialog: 'add-event', editing }),
  undo: null,
  offerUndo: (message, run) => {
    if (undoTimer !== undefined) clearTimeout(undoTimer);
    set({ undo: { message, run } });
    undoTimer = setTimeout(() => set({ undo: null }), 10_000);
  },
  focusFinder: false,
  setFocusFinder: (focusFinder) => set({ focusFinder }),
  drawer: null,
  setDrawer: (drawer) => set({ drawer }),
}));

/**
 * Focuses a finder field when `e` asks for it (uiStore's focusFinder). The request may come before the field is
 * drawn (a folded panel, a workspace still coming on screen): it waits in the store until a finder is mounted.
 */
export function useFinderFocus(finder: RefObject<HTMLInputElement | null>): void {
  const pending = useUi((s) => s.focusFinder);
  useEffect(() => {
    if (!pending) return;
    finder.current?.focus();
    useUi.getState().setFocusFinder(false);
  }, [pending, finder]);
}
