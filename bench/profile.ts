/**
 * npx tsx bench/profile.ts (after a build): where the main thread spends its time at one size (PROFILE_SIZE,
 * default 100,000 events). CPU profiles (Chrome DevTools protocol) of the load, an actor toggle and a text search,
 * each summarised as the functions with the most self time, mapped through the build's source maps.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { servePage, sourceLocation } from './inspect';

const N = Number(process.env.PROFILE_SIZE ?? 100_000);
const { server, url: pageUrl } = await servePage(4181, N);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
function summarise(
  label: string,
  profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] },
) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += ms;
    const key = url ? sourceLocation(url, lineNumber + 1, columnNumber) : functionName;
    byPlace.set(key, (byPlace.get(key) ?? 0) + ms);
  }
  console.log(`\n## ${label}: ${total.toFixed(0)} ms of main-thread work`);
  for (const [k, ms] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript({ content: 'window.__name = (f) => f;' });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const profiled = async (label: string, action: () => Promise<void>) => {
  await cdp.send('Profiler.start');
  await action();
  const { profile } = await cdp.send('Profiler.stop');
  summarise(label, profile as never);
};
const status = page.getByRole('status');
const n = N.toLocaleString('en');
await profiled('load', async () => {
  await page.goto(pageUrl);
  await status.filter({ hasText: `Showing ${n} of ${n} events` }).waitFor({ timeout: 180_000 });
  await page.locator('.cs-timeline .vis-item').first().waitFor();
});
await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 120_000 });
await page.waitForTimeout(500);
// Actions run inside the page, as in the benchmark, so that the driver's own work stays out of the profile.
await profiled('actor toggle x6', async () => {
  await page.evaluate(async () => {
    const status = document.querySelector('[role="status"]')!;
    for (let k = 0; k < 6; k++) {
      const before = status.textContent;
      document.querySelector<HTMLInputElement>('.cs-entity-list input[type="checkbox"]')!.click();
      while (status.textContent === before) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
await profiled('text search x5', async () => {
  await page.evaluate(async () => {
    const status = document.querySelector('[role="status"]')!;
    const input = document.querySelector<HTMLInputElement>('#cs-search')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const q of ['convoy', 'drone artillery', 'ammun', 'corridor grain', '']) {
      const before = status.textContent;
      setter.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const deadline = performance.now() + 5000;
      while (status.textContent === before && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
await browser.close();
server.close();
