/**
 * npx tsx bench/layerLatency.ts (after `npm run build`): filter and search latency at PROFILE_SIZE events (default
 * 100,000) on two pages at once, one plain and one with LAYER_EVENTS stars and notes (default 10,000) in its
 * layer, the same action on each in turn (REPS rounds of 6 actor toggles and 6 searches), once both text indexes
 * are built. Taken in pairs, both pages see the same load on the machine, which on a shared machine moves single
 * figures by more than 10%.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { median } from './engine';
import { servePage } from './inspect';
import { TIME_TO_PAINT, type Probes } from './pageProbes';
import { seedLayer } from './seedLayer';

const N = Number(process.env.PROFILE_SIZE ?? 100_000);
const REPS = Number(process.env.REPS ?? 5);
const LAYER_EVENTS = Number(process.env.LAYER_EVENTS ?? 10_000);
const PORT = Number(process.env.BENCH_PORT ?? 4187);
const { server, url } = await servePage(PORT, N);
const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});

async function open(layer: number): Promise<Page> {
  // A context each: IndexedDB is per context, so only one page sees the layer.
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript({ content: TIME_TO_PAINT });
  const dataUrl = new URL(decodeURIComponent(url.split('?data=')[1]!), url).href;
  if (layer > 0) await seedLayer(page, `http://127.0.0.1:${PORT}/`, dataUrl, layer, N);
  if (layer > 0) {
    // The layer is read: the starred filter shows its events.
    await page.goto(`${url}&starred=1`);
    const all = N.toLocaleString('en');
    await page
      .getByText(`Showing ${layer.toLocaleString('en')} of ${all} events`)
      .waitFor({ timeout: 180_000 });
  }
  await page.goto(url);
  await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
  return page;
}

const plain = await open(0);
const layered = await open(LAYER_EVENTS);
await plain.waitForTimeout(1000);

/** ms from an actor toggle or a search (Enter) to the next paint that shows it (bench/pageProbes.ts). */
const timed = (page: Page, act: 'search' | 'toggle', text = '') =>
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

const figures = {
  plain: { search: [] as number[], filter: [] as number[] },
  layered: { search: [] as number[], filter: [] as number[] },
};
for (let r = 0; r < REPS; r++) {
  // Which page goes first alternates, so neither always acts right after the other.
  const order = r % 2 ? (['layered', 'plain'] as const) : (['plain', 'layered'] as const);
  for (const q of ['convoy', 'drone artillery', 'ammun', 'corridor grain', 'refugees', ''])
    for (const which of order) {
      figures[which].search.push(await timed(which === 'plain' ? plain : layered, 'search', q));
      await plain.waitForTimeout(100);
    }
  for (let k = 0; k < 6; k++)
    for (const which of order) {
      figures[which].filter.push(await timed(which === 'plain' ? plain : layered, 'toggle'));
      await plain.waitForTimeout(100);
    }
}
console.log(
  `${N.toLocaleString('en')} events, text index built; ${LAYER_EVENTS.toLocaleString('en')} stars and notes; medians of ${REPS * 6} pairs`,
);
console.log('| measure | plain | with the layer | ratio |');
console.log('| --- | --- | --- | --- |');
for (const k of ['filter', 'search'] as const) {
  const a = median(figures.plain[k]);
  const b = median(figures.layered[k]);
  const name = k === 'filter' ? 'actor toggle → next paint ms' : 'text search → next paint ms';
  console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
}
await browser.close();
server.close();
