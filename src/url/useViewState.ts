import { useSyncExternalStore } from 'react';
import { currentView } from './currentView';
import { keepsListPage, serialiseViewState, type ViewState } from './viewState';

/**
 * Binds the view state to the address bar. The URL is the only copy: components read it through
 * useViewState and change it through updateView (push: discrete change, Back undoes it) or
 * replaceWindowThrottled (pan/zoom: replaces the entry, at most every 300 ms).
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function getSnapshot(): ViewState {
  return currentView().state;
}

/** The current view state; re-renders when the URL's view changes (ours, Back, Forward), not its spelling. */
export function useViewState(): ViewState {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** How many views this tab's Chronoscope has pushed before the current entry (kept in the entry's history state). */
function depth(): number {
  const state: unknown = window.history.state;
  const d = (state as { chronoscope?: unknown } | null)?.chronoscope;
  return typeof d === 'number' && Number.isInteger(d) && d > 0 ? d : 0;
}

/** True when Back leads to an earlier view of this app rather than out of it (to the page before, or nowhere). */
export function canGoBackInApp(): boolean {
  return depth() > 0;
}

/** Goes Back to the view before, if it was this app's; returns false (and does nothing) otherwise. */
export function backInApp(): boolean {
  if (!canGoBackInApp()) return false;
  window.history.back();
  return true;
}

function write(next: ViewState, mode: 'push' | 'replace'): void {
  const qs = serialiseViewState(next);
  const url = `${window.location.pathname}${qs ? `?${qs}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (mode === 'push') window.history.pushState({ chronoscope: depth() + 1 }, '', url);
  else window.history.replaceState(window.history.state, '', url);
  notify();
}

/** Applies a discrete change (filter, selection, grouping) as a new history entry. */
export function updateView(
  change: Partial<ViewState> | ((s: ViewState) => ViewState),
  mode: 'push' | 'replace' = 'push',
): void {
  flushWindow();
  const cur = currentView().state;
  const next = typeof change === 'function' ? change(cur) : { ...cur, ...change };
  // The list's page belongs to the filters, scope and order it was turned under (unless this change sets it).
  const setsPage = typeof change !== 'function' && 'page' in change;
  if (!setsPage && !keepsListPage(cur, next)) delete next.page;
  for (const k of Object.keys(next) as (keyof ViewState)[])
    if (next[k] === undefined) delete next[k];
  write(next, mode);
}

let pendingWindow: { from: number; to: number } | undefined;
let windowTimer: ReturnType<typeof setTimeout> | undefined;
const WINDOW_THROTTLE_MS = 300;

/** Writes a pending pan/zoom window now (before the address is copied or saved). */
export function flushWindow(): void {
  if (windowTimer !== undefined) clearTimeout(windowTimer);
  windowTimer = undefined;
  if (!pendingWindow) return;
  const w = pendingWindow;
  pendingWindow = undefined;
  write({ ...currentView().state, from: Math.round(w.from), to: Math.round(w.to) }, 'replace');
}

/** Records the visible window after a user's pan or zoom, replacing the history entry (throttled). */
export function replaceWindowThrottled(from: number, to: number): void {
  pendingWindow = { from, to };
  if (windowTimer === undefined) windowTimer = setTimeout(flushWindow, WINDOW_THROTTLE_MS);
}

/** Rewrites the address to its canonical form (bad parameters dropped) without a new history entry. */
export function canonicaliseAddress(): string[] {
  const { state, notices } = currentView();
  write(state, 'replace');
  return notices;
}
