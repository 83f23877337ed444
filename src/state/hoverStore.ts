import { create } from 'zustand';

/** Where the pointer rests on an event: the view it is in, so the other views can show the same event. */
export type HoverSource = 'timeline' | 'map' | 'list';

interface HoverState {
  /** The hovered event's position in the dataset index, or undefined. */
  position: number | undefined;
  source: HoverSource | undefined;
  hover(position: number | undefined, source: HoverSource): void;
}

/**
 * The event under the pointer, shared by the timeline, the map and the list. Ephemeral: never in the link. A view
 * clears only its own hover, so leaving one view does not undo the hover another has just set.
 */
export const useHover = create<HoverState>((set, get) => ({
  position: undefined,
  source: undefined,
  hover: (position, source) => {
    const now = get();
    if (position === undefined) {
      if (now.source === source) set({ position: undefined, source: undefined });
      return;
    }
    if (now.position !== position || now.source !== source) set({ position, source });
  },
}));

/** The event another view hovers (undefined when none, or when the hover is this view's own). */
export function useHoveredFrom(elsewhereThan: HoverSource): number | undefined {
  return useHover((s) => (s.source !== elsewhereThan ? s.position : undefined));
}
