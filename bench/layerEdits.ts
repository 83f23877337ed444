/**
 * npx tsx bench/layerEdits.ts (after `npm run build`): what one edit of the analyst's layer costs the page's main
 * thread at PROFILE_SIZE events (default 100,000), in headless Chromium: a star, a note, an added event and a merge
 * of two actors, each REPS times (default 3), optionally over a layer of LAYER_EVENTS stars and notes (default
 * 10,000) put in IndexedDB before the dataset opens. For each edit: ms from the action to the next paint that shows
 * it, and the main thread's long tasks (over 50 ms) from the action until the page has settled.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { median } from './engine';
import { servePage } from './inspect';
import { seedLayer } from './seedLayer';

const N = Number(process.env.PROFILE_SIZE ?? 100_000);
const REPS = Number(process.env.REPS ?? 3);
const LAYER_EVENTS = Number(process.env.LAYER_EVENTS ?? 10_000);
const PORT = Number(process.env.BENCH_PORT ?? 4186);

const { server, url } = await servePage(PORT, N);
const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript({ content: 'window.__name = (f) => f;' });
await page.addInitScript(() => {
  const w = window as unknown as { __tasks: [number, number][] };
  w.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
});
const dataUrl = new URL(decodeURIComponent(url.split('?data=')[1]!), url).href;
if (LAYER_EVENTS > 0) await seedLayer(page, `http://127.0.0.1:${PORT}/`, dataUrl, LAYER_EVENTS);
const all = N.toLocaleString('en');
await page.goto(`${url}&event=e${Math.floor(N / 2) + 1}`);
await page.getByText(`Showing ${all} of ${all} events`).waitFor({ timeout: 180_000 });
await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
await page.waitForTimeout(1000);

interface Cost {
  paint: number;
  longest: number;
  total: number;
}

/** Runs `act` in the page, waits until `settled` and the page has been quiet for a moment, and reads the costs. */
async function cost(act: () => Promise<number>, settled: () => Promise<unknown>): Promise<Cost> {
  const from = await page.evaluate(() => performance.now());
  const paint = await act();
  await settled();
  await page.waitForTimeout(800);
  const tasks = await page.evaluate(
    (t0) => (window as unknown as { __tasks: [number, number][] }).__tasks.filter(([s]) => s >= t0),
    from,
  );
  return {
    paint,
    longest: Math.max(0, ...tasks.map(([, d]) => d)),
    total: tasks.reduce((s, [, d]) => s + d, 0),
  };
}

/** Clicks what `selector` finds in the page and returns ms to the next paint (the click's render is synchronous). */
const clickToPaint = (p: Page, selector: string) =>
  p.evaluate(async (sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const t = performance.now();
    el.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t;
  }, selector);

const notes = page.getByRole('region', { name: 'Your notes' });
const results: Record<string, Cost[]> = { star: [], note: [], 'added event': [], merge: [] };

for (let r = 0; r < REPS; r++) {
  const pressed = await notes.getByRole('button', { name: 'Star' }).getAttribute('aria-pressed');
  results.star!.push(
    await cost(
      () => clickToPaint(page, '.cs-analyst .cs-star'),
      () =>
        notes
          .getByRole('button', { name: 'Star' })
          .and(page.locator(`[aria-pressed="${pressed === 'true' ? 'false' : 'true'}"]`))
          .waitFor(),
    ),
  );
}

for (let r = 0; r < REPS; r++) {
  const text = `Bench note ${r}`;
  results.note!.push(
    await cost(
      () =>
        page.evaluate(async (value) => {
          const box = document.querySelector<HTMLTextAreaElement>('.cs-analyst textarea')!;
          box.focus();
          const setter = Object.getOwnPropertyDescriptor(
            HTMLTextAreaElement.prototype,
            'value',
          )!.set!;
          setter.call(box, value);
          box.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const t = performance.now();
          box.blur();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t;
        }, text),
      () => page.waitForTimeout(0),
    ),
  );
}

for (let r = 0; r < REPS; r++) {
  await page.getByRole('button', { name: 'Add event' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add an event' });
  await dialog.getByLabel('Title', { exact: true }).fill(`Bench added ${r}`);
  await dialog.getByLabel('Date').fill('2020-06');
  const shown = (N + r + 1).toLocaleString('en');
  await dialog
    .getByRole('button', { name: 'Add event' })
    .evaluate((el) => el.setAttribute('data-bench-add', ''));
  results['added event']!.push(
    await cost(
      () => clickToPaint(page, '[data-bench-add]'),
      () => page.getByText(`Showing ${shown} of ${shown} events`).waitFor({ timeout: 60_000 }),
    ),
  );
}

for (let r = 0; r < REPS; r++) {
  const from = page.getByRole('button', { name: new RegExp(`^About Actor ${r + 1} `) }).first();
  const name = ((await from.getAttribute('aria-label')) ?? '').replace(/^About /, '');
  await from.click();
  const row = page
    .locator('.cs-entity-list')
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `About ${name}` }) });
  await row.getByText('Curate this entity').click();
  await row.getByLabel('Merge into').fill(`actor-0`);
  const merge = row.getByRole('button', { name: 'Merge', exact: true });
  await merge.evaluate((el) => el.setAttribute('data-bench-merge', ''));
  results.merge!.push(
    await cost(
      () => clickToPaint(page, '[data-bench-merge]'),
      () =>
        page
          .getByRole('button', { name: `About ${name}` })
          .waitFor({ state: 'detached', timeout: 60_000 }),
    ),
  );
}

console.log(
  `${all} events, a layer of ${LAYER_EVENTS.toLocaleString('en')} stars and notes; medians of ${REPS}`,
);
console.log('| edit | to next paint ms | longest task ms | long tasks total ms |');
console.log('| --- | --- | --- | --- |');
for (const [edit, cs] of Object.entries(results))
  console.log(
    `| ${edit} | ${median(cs.map((c) => c.paint)).toFixed(0)} | ${median(cs.map((c) => c.longest)).toFixed(0)} | ${median(cs.map((c) => c.total)).toFixed(0)} |`,
  );
await browser.close();
server.close();
