/**
 * Runs `fn` in a task after the next frame is painted, when the page's layout is up to date (a frame's callback
 * runs before that frame is laid out and painted; a task queued from it runs after). Returns a cancel.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
