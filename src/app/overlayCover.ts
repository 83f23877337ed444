import { useEffect, useState, type RefObject } from 'react';

/**
 * Where the details are an overlay (below 1440 px wide): how many pixels of the timeline's right they lie over (0
 * where they are a column or closed), and the top they open at, under the filter row so that every filter stays
 * within reach. Read when a panel is resized, after layout.
 */
export function useOverlayCover(
  timeline: RefObject<HTMLElement | null>,
  details: RefObject<HTMLElement | null>,
  /** What the overlay opens under, observed for its size (the file workspace's filter row). */
  filters?: RefObject<HTMLElement | null>,
): { cover: number; top: number | undefined } {
  const [cover, setCover] = useState(0);
  const [top, setTop] = useState<number | undefined>(undefined);
  useEffect(() => {
    const t = timeline.current;
    const d = details.current;
    const f = filters?.current;
    if (!t || !d || (filters && !f)) return;
    const observer = new ResizeObserver(() => {
      const over = getComputedStyle(d).position === 'absolute' && d.offsetWidth > 0;
      const px = over ? t.getBoundingClientRect().right - d.getBoundingClientRect().left : 0;
      setCover(Math.max(0, Math.round(px)));
      const parent = d.offsetParent?.getBoundingClientRect().top;
      setTop(parent === undefined ? undefined : Math.round(t.getBoundingClientRect().top - parent));
    });
    observer.observe(t);
    observer.observe(d);
    if (f) observer.observe(f);
    return () => observer.disconnect();
  }, [timeline, details, filters]);
  return { cover, top };
}
