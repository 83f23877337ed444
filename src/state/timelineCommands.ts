/** What the mounted timeline can be asked to do (by shortcuts, the histogram, the event list). */
export interface TimelineCommands {
  zoom(factor: number): void;
  pan(fraction: number): void;
  fit(): void;
  /** Brings an event into view if it is outside the window. */
  reveal(position: number): void;
  focus(): void;
  /** The element that draws the timeline (for the PNG export). */
  element(): HTMLElement | null;
  /** The visible window, epoch ms. */
  window(): { start: number; end: number };
}

let current: TimelineCommands | null = null;

export function registerTimeline(commands: TimelineCommands | null): void {
  current = commands;
}

/** The mounted timeline's commands, or null when none is mounted. */
export function timelineCommands(): TimelineCommands | null {
  return current;
}

/** The window on screen: the mounted timeline's own, else the link's; undefined when neither is known. */
export function windowOnScreen(view: {
  from?: number | undefined;
  to?: number | undefined;
}): { start: number; end: number } | undefined {
  return (
    current?.window() ??
    (view.from !== undefined && view.to !== undefined
      ? { start: view.from, end: view.to }
      : undefined)
  );
}
