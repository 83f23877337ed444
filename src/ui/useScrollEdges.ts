import { useEffect, type RefObject } from 'react';

/** Within this many pixels of an end, the content counts as scrolled to it (sub-pixel widths round). */
const SLACK = 1;

/**
 * Marks a sideways-scrolling element with `data-more-before` / `data-more-after` while part of its content is
 * hidden past that edge, so CSS can fade the edge: content cut at the border reads as cut off, a fade as more to
 * scroll. Measured by a ResizeObserver on the element and its children (after layout, before paint: no forced
 * layout) and on scroll; the attributes are set on the node directly, so nothing re-renders.
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>, version: unknown): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const mark = () => {
      const before = el.scrollLeft > SLACK;
      const after = el.scrollLeft + el.clientWidth < el.scrollWidth - SLACK;
      el.toggleAttribute('data-more-before', before);
      el.toggleAttribute('data-more-after', after);
    };
    const resized = new ResizeObserver(mark);
    resized.observe(el);
    for (const child of Array.from(el.children)) resized.observe(child);
    el.addEventListener('scroll', mark, { passive: true });
    return () => {
      resized.disconnect();
      el.removeEventListener('scroll', mark);
    };
    // `version` changes when the children do: they are observed afresh.
  }, [ref, version]);
}
