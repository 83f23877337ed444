import { useEffect } from 'react';
import type { VisHandle } from './useVisTimeline';

const HOVERED = 'is-hovered';

/**
 * Marks the timeline item of the event another view hovers (the map or the list): the item drawn for that position,
 * if it is drawn as itself in the window (an event inside a count bucket has no item of its own). vis-timeline
 * rewrites an item's classes when it redraws it, so the mark is put back after every redraw while the hover lasts.
 */
export function useHoverFromElsewhere(
  handle: VisHandle | null,
  container: React.RefObject<HTMLDivElement | null>,
  position: number | undefined,
): void {
  useEffect(() => {
    const root = container.current;
    if (!handle || !root || position === undefined) return;
    let marked: Element | undefined;
    const mark = () => {
      const item =
        root.querySelector(`[data-pos="${position}"]`)?.closest('.vis-item') ?? undefined;
      if (item !== marked) marked?.classList.remove(HOVERED);
      item?.classList.add(HOVERED);
      marked = item;
    };
    mark();
    handle.timeline.on('changed', mark);
    return () => {
      handle.timeline.off('changed', mark);
      marked?.classList.remove(HOVERED);
    };
  }, [handle, container, position]);
}
