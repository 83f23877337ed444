import {
  elementScroll,
  observeElementRect,
  type Rect,
  type Virtualizer,
} from '@tanstack/react-virtual';

/**
 * A virtual list's first guess at its scroller's size, before the browser reports it: the window's height, so
 * the first frame already has rows (at most a screen's worth more than fit; the next frame trims them).
 */
export function guessRect(): Rect {
  return { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight };
}

/**
 * Hears of the scroller's size from a ResizeObserver only. TanStack Virtual's default also reads it on the spot
 * as the list mounts, which makes the browser lay out the whole page freshly built inside React's commit, while a
 * dataset loads. A ResizeObserver reports after the
 * browser's own layout, so nothing is laid out twice; until it does, the list renders for `guessRect()`.
 */
export function observeRectAfterLayout<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
): void | (() => void) {
  const el = instance.scrollElement;
  if (!el) return;
  if (typeof ResizeObserver === 'undefined') return observeElementRect(instance, cb);
  const ro = new ResizeObserver(() => cb({ width: el.clientWidth, height: el.clientHeight }));
  ro.observe(el);
  return () => ro.disconnect();
}

const written = new WeakSet<Element>();

/**
 * TanStack Virtual's scroll writer, less its first write when that write is "scroll to the top": a list that has
 * just mounted is at the top already, and the write made the browser lay out the freshly built page inside the
 * commit.
 */
export function scrollAfterLayout<T extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<T, Element>,
): void {
  const el = instance.scrollElement;
  if (el && !written.has(el)) {
    written.add(el);
    if (offset === 0 && !options.adjustments) return;
  }
  elementScroll(offset, options, instance);
}
