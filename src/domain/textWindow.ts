/** Which characters of a long text are laid out: `[start, end)`. */
export interface TextWindow {
  start: number;
  end: number;
}

/** The first window of a text: its first `step` characters. */
export function firstWindow(length: number, step: number): TextWindow {
  return { start: 0, end: Math.min(length, step) };
}

/**
 * The window after "show more": `step` more characters, and never more than `max` laid out at once (the start
 * moves on), because laying out text costs time in proportion to its length, most of all in unbroken words.
 */
export function moreWindow(w: TextWindow, length: number, step: number, max: number): TextWindow {
  const end = Math.min(length, w.end + step);
  return { start: Math.max(w.start, end - max), end };
}
