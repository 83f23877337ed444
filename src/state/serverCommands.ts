/**
 * What the server workspace can be asked to do by the shortcuts that, on a file, read the index: j and k (the
 * next match in time, asked of the server) and x (the selected event's first actor, from its details); and what
 * it knows that the header's menus need (the matching count, for the timeline image's caption).
 */
export interface ServerCommands {
  /** Selects the next (1) or previous (-1) match in time, from the selection if in view, else from the window. */
  step(dir: 1 | -1): void;
  /** The selected event's actors, once its details are read (none before). */
  selectedActors(): readonly string[];
  /** How many events match the view, once answered. */
  count(): number | undefined;
}

let current: ServerCommands | null = null;

export function registerServerCommands(commands: ServerCommands | null): void {
  current = commands;
}

/** The mounted server workspace's commands, or null when none is mounted. */
export function serverCommands(): ServerCommands | null {
  return current;
}
