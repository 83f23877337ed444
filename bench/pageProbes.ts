import type { Page } from '@playwright/test';

/**
 * What bench/run.ts, bench/latency.ts and bench/longtasks.ts measure inside the page, installed as init scripts
 * (functions passed to page.evaluate cannot share code with each other).
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

/**
 * Records, in the page, when it became interactive: the first animation frame at which `selector` is on screen (and,
 * when given, a status line reads `status`) and the frame before showed it too and came less than 50 ms earlier, so
 * the page draws and answers rather than being blocked. Milliseconds from navigation start; the same rule for
 * Chronoscope and for bare vis-timeline, and neither figure carries the harness's polling.
 */
const firstFrameWatch = (selector: string, status?: string) => `(() => {
  const selector = ${JSON.stringify(selector)};
  const status = ${JSON.stringify(status ?? '')};
  let before = false;
  let last = 0;
  const check = (t) => {
    const item = document.querySelector(selector);
    const shown = item !== null && item.getClientRects().length > 0;
    const said = !status || [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent === status);
    if (shown && said && before && t - last < 50) {
      window.__firstFrame = t;
      return void console.debug('bench:first-frame', t);
    }
    before = shown && said;
    last = t;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Watches for the first interactive frame (above) of every page load from now on. Call before navigating. */
export async function watchFirstFrame(
  page: Page,
  selector: string,
  status?: string,
): Promise<void> {
  await page.addInitScript({ content: firstFrameWatch(selector, status) });
}

/**
 * Watches for the first interactive frame (above) in the page as it is, for a dataset opened inside the running
 * app; `status` must not be what the page says now.
 */
export async function watchNextFrame(page: Page, selector: string, status: string): Promise<void> {
  await page.evaluate(firstFrameWatch(selector, status));
}

/**
 * Resolves with the first interactive frame's time, told by the page on its console: polling for it would make
 * Playwright evaluate its own helper script in the page during the load (a 20-45 ms task counted as the page's).
 * Call before navigating.
 */
export const firstFrame = (page: Page): Promise<number> =>
  page
    .waitForEvent('console', {
      predicate: (m) => m.text().startsWith('bench:first-frame'),
      timeout: 180_000,
    })
    .then((m) => Number(m.text().split(' ')[1]));
