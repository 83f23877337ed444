/** What a shortcut does; the handler in useShortcuts.ts acts on these. */
export type Command =
  | 'search'
  | 'next'
  | 'previous'
  | 'open-details'
  | 'escape'
  | 'zoom-in'
  | 'zoom-out'
  | 'pan-left'
  | 'pan-right'
  | 'fit'
  | 'cycle-lanes'
  | 'toggle-map'
  | 'star'
  | 'add-event'
  | 'copy-link'
  | 'toggle-actor'
  | 'theme'
  | 'toggle-entities'
  | 'toggle-details'
  | 'toggle-list'
  | 'find-entity'
  | 'help';

/** One line of the shortcuts dialog: how it is shown, what it does, and the keys (KeyboardEvent.key) it binds. */
export interface KeyBinding {
  show: string;
  description: string;
  keys: Readonly<Record<string, Command>>;
  /**
   * Needs the dataset in the page (its index, the analyst's layer, the entity list or the folding panels): not
   * available on a server dataset, where the help dialog says so.
   */
  fileOnly?: true;
}

/**
 * Every keyboard shortcut: the one list that the key handler, the shortcuts dialog and the user guide's table
 * (checked by keymap.test.ts) read.
 */
export const KEYMAP: readonly KeyBinding[] = [
  { show: '/', description: 'Search events', keys: { '/': 'search' } },
  {
    show: 'j / k',
    description:
      'Next / previous event in time, from the selection if it is in view, else from the window',
    keys: { j: 'next', k: 'previous' },
  },
  {
    show: 'Enter',
    description: 'Open the selected event’s details',
    keys: { Enter: 'open-details' },
  },
  {
    show: 'Esc',
    description: 'Close a dialog, or clear the selection',
    keys: { Escape: 'escape' },
  },
  {
    show: '+ / -',
    description: 'Zoom in / out',
    keys: { '+': 'zoom-in', '=': 'zoom-in', '-': 'zoom-out', _: 'zoom-out' },
  },
  {
    show: '← / →',
    description: 'Pan the timeline',
    keys: { ArrowLeft: 'pan-left', ArrowRight: 'pan-right' },
  },
  { show: 'f', description: 'Fit all matching events', keys: { f: 'fit' } },
  { show: 'g', description: 'Cycle lanes: none, actor, type, place', keys: { g: 'cycle-lanes' } },
  { show: 'm', description: 'Show / hide the map', keys: { m: 'toggle-map' } },
  {
    show: 's',
    description: 'Star / unstar the selected event',
    keys: { s: 'star' },
    fileOnly: true,
  },
  { show: 'n', description: 'Add an event of your own', keys: { n: 'add-event' }, fileOnly: true },
  { show: 'c', description: 'Copy a link to this view', keys: { c: 'copy-link' } },
  {
    show: 'x',
    description: 'Toggle the selected event’s first actor as a filter',
    keys: { x: 'toggle-actor' },
  },
  { show: 't', description: 'Switch light / dark theme', keys: { t: 'theme' } },
  {
    show: '[',
    description: 'Show / hide the entities panel',
    keys: { '[': 'toggle-entities' },
  },
  {
    show: ']',
    description: 'Show / hide the event details panel',
    keys: { ']': 'toggle-details' },
  },
  {
    show: 'l',
    description: 'Show / hide the event list',
    keys: { l: 'toggle-list' },
  },
  { show: 'e', description: 'Find an entity by name', keys: { e: 'find-entity' } },
  { show: '?', description: 'This help', keys: { '?': 'help' } },
];

const byKey = new Map<string, Command>(KEYMAP.flatMap((b) => Object.entries(b.keys)));

/** The command a key stands for, if any. */
export function commandFor(key: string): Command | undefined {
  return byKey.get(key);
}

/** Which engine answers the open dataset: the index in the page, or the server (`?data=server:<id>`). */
export type Engine = 'file' | 'server';

const fileOnly = new Set<Command>(
  KEYMAP.flatMap((b) => (b.fileOnly ? (Object.values(b.keys) as Command[]) : [])),
);

/** Whether a command works on a dataset the engine answers. */
export function availableOn(command: Command, engine: Engine): boolean {
  return engine === 'file' || !fileOnly.has(command);
}

/** The shortcuts that work on a dataset the engine answers, and those that do not (for the help to say so). */
export function keymapFor(engine: Engine): {
  available: KeyBinding[];
  unavailable: KeyBinding[];
} {
  return {
    available: KEYMAP.filter((b) => engine === 'file' || !b.fileOnly),
    unavailable: engine === 'file' ? [] : KEYMAP.filter((b) => b.fileOnly),
  };
}
