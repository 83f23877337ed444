import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { fitCount } from './foldToFit';

/** The menu button's width before it has been drawn once. */
const MENU_GUESS = 130;

interface Remembered {
  /** Each foldable item's width when it was last in the row, by its `data-fold` key. */
  widths: Map<string, number>;
  menu: number;
}

/**
 * The room a flexing part keeps in the row: its content's width on one line (a part that scrolls sideways
 * reports it as its scroll width), at least `data-fold-min` and at most `data-fold-max` (no more than the
 * minimum without it).
 */
function flexWidth(child: HTMLElement): number {
  const min = Number(child.dataset.foldMin);
  const max = Number(child.dataset.foldMax ?? min);
  return Math.max(min, Math.min(max, child.scrollWidth));
}

/** How many of `count` foldable items fit in `row` as it is laid out now (see useFoldToFit). */
function measureRow(row: HTMLElement, count: number, seen: Remembered): number {
  const style = getComputedStyle(row);
  if (style.flexDirection === 'column') return count;
  const gap = parseFloat(style.columnGap) || 0;
  let fixed = 0;
  let parts = 0;
  for (const child of Array.from(row.children) as HTMLElement[]) {
    const key = child.dataset.fold;
    if (key !== undefined) seen.widths.set(key, child.offsetWidth);
    else if (child.dataset.foldMenu !== undefined) {
      if (child.offsetWidth > 0) seen.menu = child.offsetWidth;
    } else if (child.dataset.foldMin !== undefined)
      fixed += flexWidth(child) + (parts++ > 0 ? gap : 0);
    else if (child.offsetWidth > 0) fixed += child.offsetWidth + (parts++ > 0 ? gap : 0);
  }
  const all = Array.from({ length: count }, (_, k) => seen.widths.get(String(k)) ?? 0);
  return fitCount(all, row.clientWidth - fixed - gap, gap, seen.menu);
}

/**
 * How many of a one-line row's foldable items stay in the row; the rest belong in its overflow menu.
 *
 * The row's children carry `data-fold="<k>"` (the k-th item that may fold; its width is remembered from when it
 * was last in the row), `data-fold-menu` (the overflow menu's button) or `data-fold-min="<px>"` (a part that
 * flexes, counted at that width, or at its content's width up to `data-fold-max`); every other child counts at its
 * drawn width. The row is measured by a
 * ResizeObserver (after the browser's layout, before paint): when it is resized, and once after the items
 * change (`version`: what they say) or fold, never in a loop, because folding changes the row's content, not
 * its width. Where the row lays its children out in a column (phones), nothing folds.
 */
export function useFoldToFit(
  row: RefObject<HTMLElement | null>,
  count: number,
  version: string,
): number {
  // Every item is in the row on the first draw, so each is measured before it can fold.
  const [shown, setShown] = useState(count);
  const seen = useRef<Remembered>({ widths: new Map(), menu: MENU_GUESS });
  useLayoutEffect(() => {
    const el = row.current;
    if (!el) return;
    let width = -1;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width ?? 0;
      if (w === width) return;
      width = w;
      setShown(measureRow(el, count, seen.current));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [row, count, version, shown]);
  return Math.min(shown, count);
}
