/**
 * npx tsx bench/latency.ts (after a build): filter and search latency at one size (PROFILE_SIZE, default 100,000)
 * once the text index is built, over many changes on one page (REPS rounds of 6 searches and 6 actor toggles).
 * `npm run bench` measures right after the load, while the worker may still build the index; this separates the two.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { median } from './engine';
import { servePage } from './inspect';
import { TIME_TO_PAINT, type Probes } from './pageProbes';

const N = Number(process.env.PROFILE_SIZE ?? 100_000);
const REPS = Number(process.env.REPS ?? 5);
const { server, url } = await servePage(4185, N);
const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript({ content: 'window.__name = (f) => f;' });
await page.addInitScript({ content: TIME_TO_PAINT });
await page.goto(url);
await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
await page.waitForTimeout(500);

/** ms from an actor toggle or a search (Enter) to the next paint that shows it (bench/pageProbes.ts). */
const timed = (act: 'search' | 'toggle', text = '') =>
  page
    .evaluate(
      async ([act, text]) => {
        const probes = window as unknown as Probes;
        if (act === 'toggle')
          return probes.__timeToPaint(
            () =>
              document
                .querySelector<HTMLInputElement>('.cs-entity-list input[type="checkbox"]')!
                .click(),
            5000,
          );
        const input = document.querySelector<HTMLInputElement>('#cs-search')!;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return probes.__timeToPaint(
          () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
          5000,
        );
      },
      [act, text] as const,
    )
    .then(([painted]) => painted);

const search: number[] = [];
const filter: number[] = [];
for (let r = 0; r < REPS; r++) {
  for (const q of ['convoy', 'drone artillery', 'ammun', 'corridor grain', 'refugees', '']) {
    search.push(await timed('search', q));
    await page.waitForTimeout(100);
  }
  for (let k = 0; k < 6; k++) {
    filter.push(await timed('toggle'));
    await page.waitForTimeout(100);
  }
}
const show = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n ${xs.length})`;
console.log(`${N.toLocaleString('en')} events, text index built`);
console.log(`text search -> next paint: ${show(search)}`);
console.log(`actor toggle -> next paint: ${show(filter)}`);
await browser.close();
server.close();
