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

/**
 * Brings [start, end) into view if its start lies outside the window, keeping the zoom. Where something lies over
 * the right `cover` of the window (a fraction of its width: the details overlay), the item must fit in the rest,
 * drawn as wide as `drawn` (a fraction of the window's width: a point item's label), or it is centred there.
 */
export function reveal(tl: WindowApi, start: number, end: number, cover = 0, drawn = 0) {
  if (!isOnTimeline(start)) return;
  const w = tl.getWindow();
  const ws = w.start.valueOf();
  const we = w.end.valueOf();
  const span = we - ws;
  if (cover <= 0) {
    if (start >= ws && start < we) return;
    const mid = end - start < span ? (start + end) / 2 : start;
    tl.setWindow(mid - span / 2, mid + span / 2, { animation: false });
  } else {
    const room = span * (1 - Math.min(cover, 0.9));
    const last = Math.max(end, start + drawn * span);
    if (start >= ws && last <= ws + room) return;
    const from = last - start < room ? start - (room - (last - start)) / 2 : start - room * 0.05;
    tl.setWindow(from, from + span, { animation: false });
  }
  recordWindow(tl);
}
