import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { guessRect } from './virtualLayout';

export interface RowWindow {
  /** First and one-past-last row to draw (with the overscan). */
  first: number;
  end: number;
  /** Height of all rows together, in pixels. */
  total: number;
  /** Scrolls the least needed to bring a row into view. */
  scrollToIndex(row: number): void;
}

/** Which rows of a window of `count` rows, `rowPx` high each, are in view: plain arithmetic on the scroll offset. */
export function rowWindow(
  count: number,
  rowPx: number,
  overscan: number,
  top: number,
  height: number,
): { first: number; end: number } {
  const first = Math.max(0, Math.min(count, Math.floor(top / rowPx) - overscan));
  const end = Math.max(first, Math.min(count, Math.ceil((top + height) / rowPx) + overscan));
  return { first, end };
}

/** Scrolls the scroller the least needed to show row `row` whole. */
function scrollRowIntoView(
  scroller: RefObject<HTMLElement | null>,
  row: number,
  rowPx: number,
): void {
  const el = scroller.current;
  if (!el) return;
  const top = row * rowPx;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + rowPx > el.scrollTop + el.clientHeight)
    el.scrollTop = top + rowPx - el.clientHeight;
}

/**
 * A virtual list of rows of one fixed height. TanStack Virtual keeps a measurement object per row and rebuilt
 * them whenever the count changed, a million short-lived objects for each filter change at a million matching
 * events. With a fixed height, the rows in view follow from the scroll offset alone. The scroller's
 * size comes from a ResizeObserver (no layout forced as the list mounts); scrolling re-renders before the frame
 * is painted, so no blank rows show.
 */
export function useFixedRows(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowPx: number,
  overscan: number,
): RowWindow {
  const [view, setView] = useState(() => ({ top: 0, height: guessRect().height }));
  // The scroller is not drawn while there are no rows: watch it again when it may have come or gone.
  const drawn = count > 0;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const read = (sync: boolean) => {
      const next = { top: el.scrollTop, height: el.clientHeight };
      const apply = () =>
        setView((v) => (v.top === next.top && v.height === next.height ? v : next));
      if (sync) flushSync(apply);
      else apply();
    };
    const onScroll = () => read(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro =
      typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => read(false));
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro?.disconnect();
    };
  }, [scroller, drawn]);
  const scrollToIndex = useCallback(
    (row: number) => scrollRowIntoView(scroller, row, rowPx),
    [scroller, rowPx],
  );
  const { first, end } = rowWindow(count, rowPx, overscan, view.top, view.height);
  return { first, end, total: count * rowPx, scrollToIndex };
}
