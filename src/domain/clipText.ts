/** Text cut to at most `max` characters, ending in "…" when it was longer (for messages and labels). */
export function clipText(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
