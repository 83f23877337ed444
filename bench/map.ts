/**
 * The map's benchmark: `npx tsx bench/map.ts` after `npm run build` (or `npm run bench:map`). Synthetic events with
 * coordinates (bench/synthetic.ts, located) at BENCH_MAP_SIZE (default 100,000), BENCH_RUNS runs (default 3);
 * prints medians: load to interactive without and with the map open, the map's pan and zoom frame p95, and a filter
 * change to the map's next paint. Same browser, viewport and rules as bench/run.ts. BENCH_DIST serves another build
 * directory, BENCH_PORT another port.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { median } from './engine';
import { syntheticDocument } from './synthetic';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench/.data');
const N = Number(process.env.BENCH_MAP_SIZE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 4181);
/** The build to measure (another build's directory, to compare two). */
const DIST = process.env.BENCH_DIST ?? 'dist';

mkdirSync(DATA, { recursive: true });
const file = join(DATA, `located-${N}.json`);
if (!existsSync(file)) writeFileSync(file, syntheticDocument(N, 42, { located: true }));

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const target = path.startsWith('/bench-data/')
    ? join(DATA, normalize(path.slice('/bench-data/'.length)))
    : join(resolve(ROOT, DIST), normalize(path === '/' ? 'index.html' : path));
  if (!existsSync(target) || statSync(target).isDirectory()) return void res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'content-length': statSync(target).size,
  });
  createReadStream(target).pipe(res);
});
await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${PORT}/?data=${encodeURIComponent(`/bench-data/located-${N}.json`)}`;
const expected = `Showing ${N.toLocaleString('en')} of ${N.toLocaleString('en')} events`;
const mapExpected = `${N.toLocaleString('en')} of ${N.toLocaleString('en')} matching events on the map`;

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});

/** ms from navigation start until the status line (and the map's, when open) reads in full. */
async function loadTime(page: Page, withMap: boolean): Promise<number> {
  await page.goto(withMap ? `${base}&geo=1` : base);
  await page.waitForFunction(
    ([a, b, map]) =>
      document.querySelector('.cs-status')?.textContent === a &&
      (!map || document.querySelector('.cs-map-status')?.textContent?.startsWith(b)),
    [expected, mapExpected, withMap] as const,
    { timeout: 120_000, polling: 'raf' },
  );
  return page.evaluate(() => performance.now());
}

/** rAF frame deltas while `gesture` runs. */
async function frames(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __f: number[]; __on: boolean };
    w.__f = [];
    w.__on = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__f.push(t - last);
      last = t;
      if (w.__on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await gesture();
  return page.evaluate(() => {
    const w = window as unknown as { __f: number[]; __on: boolean };
    w.__on = false;
    return w.__f.slice(1);
  });
}

const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

const rows: Record<string, number[]> = {
  'load to interactive, map closed (ms)': [],
  'load to interactive, map open (ms)': [],
  'map pan frame p95 (ms)': [],
  'map zoom frame p95 (ms)': [],
  'filter change to the map’s next paint (ms)': [],
};
for (let run = 0; run < RUNS; run++) {
  for (const withMap of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    // tsx (esbuild keepNames) wraps functions passed to page.evaluate in a __name helper the page lacks.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const t = await loadTime(page, withMap);
    rows[`load to interactive, map ${withMap ? 'open' : 'closed'} (ms)`]!.push(t);
    if (withMap) {
      const box = (await page.locator('.cs-map-canvas').boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const pan = await frames(page, async () => {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        for (let i = 0; i < 40; i++)
          await page.mouse.move(cx + ((i % 10) - 5) * 15, cy + ((i % 7) - 3) * 10, { steps: 2 });
        await page.mouse.up();
      });
      const zoom = await frames(page, async () => {
        for (let i = 0; i < 20; i++) {
          await page.mouse.wheel(0, i < 10 ? -120 : 120);
          await page.waitForTimeout(30);
        }
      });
      rows['map pan frame p95 (ms)']!.push(p95(pan));
      rows['map zoom frame p95 (ms)']!.push(p95(zoom));
      // A filter change: the first entity's checkbox, to the frame painted after the map's count line changed.
      const ms = await page.evaluate(async () => {
        const line = document.querySelector('.cs-map-status')!;
        const before = line.textContent;
        const box = document.querySelector<HTMLInputElement>(
          '.cs-entities-panel input[type=checkbox]',
        )!;
        const t0 = performance.now();
        const changed = new Promise<void>((resolve) => {
          const mo = new MutationObserver(() => {
            if (line.textContent !== before) {
              mo.disconnect();
              resolve();
            }
          });
          mo.observe(line, { childList: true, subtree: true, characterData: true });
        });
        box.click();
        await changed;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      });
      rows['filter change to the map’s next paint (ms)']!.push(ms);
    }
    await context.close();
  }
}
await browser.close();
server.close();

console.log(
  `\nMap benchmark: ${N.toLocaleString('en')} located synthetic events, medians of ${RUNS} runs`,
);
for (const [k, xs] of Object.entries(rows))
  console.log(`${k.padEnd(48)} ${median(xs).toFixed(0).padStart(7)}`);
const open = median(rows['load to interactive, map open (ms)']!);
const closed = median(rows['load to interactive, map closed (ms)']!);
console.log(
  `${'the map adds to load to interactive (ms)'.padEnd(48)} ${(open - closed).toFixed(0).padStart(7)}`,
);
