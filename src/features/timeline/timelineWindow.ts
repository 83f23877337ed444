import { isOnTimeline } from '../../domain/drawableRange';
import { replaceWindowThrottled } from '../../url/useViewState';

export type WindowApi = {
  getWindow(): { start: Date; end: Date };
  setWindow(a: number, b: number, o?: object): void;
};

/**
 * Records a window our own code set, at once: vis announces it only after a debounce, and a link copied in
 * between must not carry the old window.
 */
export function recordWindow(tl: WindowApi): void {
  const w = tl.getWindow();
  replaceWindowThrottled(w.start.valueOf(), w.end.valueOf());
}

/** Brings [start, end) into view if its start lies outside the window, keeping the zoom. */
export function reveal(tl: WindowApi, start: number, end: number) {
  if (!isOnTimeline(start)) return;
  const w = tl.getWindow();
  const ws = w.start.valueOf();
  const we = w.end.valueOf();
  if (start >= ws && start < we) return;
  const span = we - ws;
  const mid = end - start < span ? (start + end) / 2 : start;
  tl.setWindow(mid - span / 2, mid + span / 2, { animation: false });
  recordWindow(tl);
}
