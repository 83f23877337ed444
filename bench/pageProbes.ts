/**
 * What bench/run.ts and bench/latency.ts measure inside the page, installed as an init script (functions passed
 * to page.evaluate cannot share code with each other).
 *
 * `__timeToPaint(act, timeoutMs)` runs `act` and returns [ms to the next paint, ms to the frame after] from the
 * moment the status line changes: a MutationObserver sees it in the commit that also feeds the timeline (polling
 * with setTimeout is clamped to 4 ms and could miss the frame that drew it); then a task queued from
 * requestAnimationFrame runs once that frame is drawn (the way INP counts), and one more frame is the figure the
 * first benchmark gave.
 */
export const TIME_TO_PAINT = `window.__timeToPaint = async (act, timeoutMs) => {
  const status = document.querySelector('[role="status"]');
  const before = status.textContent;
  const changed = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (status.textContent !== before) resolve(seen.disconnect());
    });
    seen.observe(status, { childList: true, characterData: true, subtree: true });
    setTimeout(resolve, timeoutMs);
  });
  const t = performance.now();
  act();
  await changed;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const painted = performance.now() - t;
  await new Promise((r) => requestAnimationFrame(r));
  return [painted, performance.now() - t];
};`;

/** The page-side type of TIME_TO_PAINT, for page.evaluate. */
export interface Probes {
  __timeToPaint(act: () => void, timeoutMs: number): Promise<readonly [number, number]>;
}
