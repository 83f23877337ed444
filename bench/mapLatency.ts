/**
 * npx tsx bench/mapLatency.ts: a filter change's latency in two builds side by side, in pairs. BUILDS (default
 * "/tmp/dist-map-before,dist") are served on two ports; each opens BENCH_MAP_SIZE synthetic events (default
 * 100,000; located, with the map open unless GEO=0) in its own page of one browser, waits for the text index, then
 * toggles the first entity (or, with ACT=search, searches: Enter in the search field) REPS times (default 20) in
 * each page in turn. Prints, per build, the medians of: ms from
 * the click to the next paint after the map's count line changed (GEO=1) or the status line (GEO=0), and to the
 * frame after. Same viewport and rules as bench/map.ts.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { median } from './engine';
import { syntheticDocument } from './synthetic';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench/.data');
const N = Number(process.env.BENCH_MAP_SIZE ?? 100_000);
const REPS = Number(process.env.REPS ?? 20);
const GEO = process.env.GEO !== '0';
const BUILDS = (process.env.BUILDS ?? '/tmp/dist-map-before,dist').split(',');
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const SEARCH = process.env.ACT === 'search';
const QUERIES = ['convoy', 'drone artillery', 'ammun', 'corridor grain', 'refugees', ''];

mkdirSync(DATA, { recursive: true });
const name = `located-${N}.json`;
if (!existsSync(join(DATA, name)))
  writeFileSync(join(DATA, name), syntheticDocument(N, 42, { located: true }));

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const serve = (dist: string, port: number) =>
  new Promise<() => void>((done) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const target = path.startsWith('/bench-data/')
        ? join(DATA, normalize(path.slice('/bench-data/'.length)))
        : join(resolve(ROOT, dist), normalize(path === '/' ? 'index.html' : path));
      if (!existsSync(target) || statSync(target).isDirectory())
        return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
      createReadStream(target).pipe(res);
    });
    server.listen(port, '127.0.0.1', () => done(() => server.close()));
  });
const closers = await Promise.all(BUILDS.map((d, i) => serve(d, PORT + i)));

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const pages = [];
for (let i = 0; i < BUILDS.length; i++) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  const css = process.env[`STYLE_${i}`];
  if (css)
    await page.addInitScript({
      content: `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(css)}; document.head.append(s); });`,
    });
  await page.goto(
    `http://127.0.0.1:${PORT + i}/?data=${encodeURIComponent(`/bench-data/${name}`)}${GEO ? '&geo=1' : ''}`,
  );
  pages.push(page);
}
for (const page of pages) {
  await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
  if (GEO)
    await page
      .locator('.cs-map-status', { hasText: 'matching events on the map' })
      .waitFor({ timeout: 60_000 });
}
await pages[0]!.waitForTimeout(1000);

const painted: number[][] = BUILDS.map(() => []);
const after: number[][] = BUILDS.map(() => []);
for (let r = 0; r < REPS; r++) {
  for (let i = 0; i < pages.length; i++) {
    const [p, a] = await pages[i]!.evaluate(
      async ([geo, query]) => {
        const line = document.querySelector(geo ? '.cs-map-status' : '[role="status"]')!;
        const before = line.textContent;
        const changed = new Promise<void>((resolve) => {
          const mo = new MutationObserver(() => {
            if (line.textContent !== before) {
              mo.disconnect();
              resolve();
            }
          });
          mo.observe(line, { childList: true, subtree: true, characterData: true });
          setTimeout(resolve, 5000);
        });
        const input = document.querySelector<HTMLInputElement>('#cs-search')!;
        if (query !== undefined) {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(input, query);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const t0 = performance.now();
        if (query !== undefined)
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        else
          document
            .querySelector<HTMLInputElement>('.cs-entities-panel input[type=checkbox]')!
            .click();
        await changed;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const painted = performance.now() - t0;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return [painted, performance.now() - t0] as const;
      },
      [GEO, SEARCH ? QUERIES[r % QUERIES.length] : undefined] as const,
    );
    painted[i]!.push(p);
    after[i]!.push(a);
    await pages[i]!.waitForTimeout(150);
  }
}
await browser.close();
for (const c of closers) c();
console.log(
  `${N.toLocaleString('en')} located events, ${GEO ? 'map open: to the map’s next paint' : 'map closed: to the next paint after the status line'}, ${REPS} alternating ${SEARCH ? 'searches' : 'actor toggles'}`,
);
BUILDS.forEach((b, i) =>
  console.log(
    `${b.padEnd(24)} painted median ${median(painted[i]!).toFixed(1)} ms (p25 ${[...painted[i]!].sort((x, y) => x - y)[Math.floor(REPS / 4)]!.toFixed(1)}), frame after ${median(after[i]!).toFixed(1)} ms`,
  ),
);
