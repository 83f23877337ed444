/**
 * npx tsx bench/togglePhases.ts (after a build; BENCH_DIST picks another): an actor toggle in phases, untraced.
 * Opens BENCH_MAP_SIZE located synthetic events (default 100,000), with the map unless GEO=0, waits for the text
 * index, then toggles the first actor REPS times (default 20) and prints the medians, in ms from the click, of:
 * the click's own synchronous work (React renders, commits and runs the effects of a discrete update inside it),
 * the first animation frame after it (vis-timeline's redraw runs in an earlier callback of the same frame), that
 * frame painted (a task queued from it), and a task queued before the click (where work deferred past the click,
 * such as a deferred render, can start).
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { servePage } from './inspect';
const N = Number(process.env.BENCH_MAP_SIZE ?? 100_000);
const GEO = process.env.GEO !== '0';
const { server, url } = await servePage(Number(process.env.BENCH_PORT ?? 4451), N);
const pageUrl = `${url.replace(/\?data=.*/, '')}?data=${encodeURIComponent(`/bench-data/located-${N}.json`)}${GEO ? '&geo=1' : ''}`;
const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(pageUrl);
await page.locator('.cs-status', { hasText: 'Showing' }).first().waitFor({ timeout: 180_000 });
if (GEO)
  await page
    .locator('.cs-map-status', { hasText: 'matching events on the map' })
    .waitFor({ timeout: 180_000 });
await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
await page.waitForTimeout(1000);
const out = await page.evaluate(
  async (reps) => {
    const rows: number[][] = [];
    for (let k = 0; k < reps; k++) {
      const t0 = performance.now();
      let tRaf = 0;
      const ch = new MessageChannel();
      const afterTask = new Promise<number>((r) => {
        ch.port1.onmessage = () => r(performance.now());
      });
      ch.port2.postMessage(0);
      document.querySelector<HTMLInputElement>('.cs-entities-panel input[type=checkbox]')!.click();
      const t1 = performance.now();
      await Promise.resolve();
      const t2 = performance.now();
      const painted = new Promise<void>((r) =>
        requestAnimationFrame(() => {
          tRaf = performance.now();
          setTimeout(r, 0);
        }),
      );
      const tTask = await afterTask;
      await painted;
      const t4 = performance.now();
      rows.push([t1 - t0, t2 - t0, tTask - t0, tRaf - t0, t4 - t0]);
      await new Promise((r) => setTimeout(r, 500));
    }
    return rows;
  },
  Number(process.env.REPS ?? 20),
);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const names = ['click() returned', 'microtask', 'next task', 'our rAF', 'after paint'];
names.forEach((n, i) => console.log(n.padEnd(20), med(out.map((r) => r[i]!)).toFixed(1)));
await browser.close();
server.close();
