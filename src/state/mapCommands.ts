/** What the mounted map can be asked for (by the export menu). */
export interface MapCommands {
  /** The map as a PNG image, as drawn now. */
  png(): Promise<Blob>;
}

let current: MapCommands | null = null;

export function registerMap(commands: MapCommands | null): void {
  current = commands;
}

/** The mounted map's commands, or null when the map is closed. */
export function mapCommands(): MapCommands | null {
  return current;
}
