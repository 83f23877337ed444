import { useEffect } from 'react';

const HOVERED = 'is-hovered';

/**
 * Marks the timeline item of the event another view hovers (the map or the list): the item drawn for that position,
 * if it is drawn as itself in the window (an event inside a count bucket has no item of its own).
 */
export function useHoverFromElsewhere(
  container: React.RefObject<HTMLDivElement | null>,
  position: number | undefined,
): void {
  useEffect(() => {
    const root = container.current;
    if (!root || position === undefined) return;
    const item = root.querySelector(`[data-pos="${position}"]`)?.closest('.vis-item');
    item?.classList.add(HOVERED);
    return () => item?.classList.remove(HOVERED);
  }, [container, position]);
}
