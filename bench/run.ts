/**
 * npm run bench: builds the app, generates synthetic datasets (bench/.data, git-ignored), serves the build and
 * drives headless Chromium. Prints medians over RUNS runs for Chronoscope and for bare vis-timeline on the same
 * data, and the ratios. Sizes: BENCH_SIZES=10000,100000,1000000 (default). Writes bench/results/latest.md.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, writeFileSync, createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { engineFigures, median } from './engine';
import {
  firstFrame,
  TIME_TO_PAINT,
  watchFirstFrame,
  watchNextFrame,
  type Probes,
} from './pageProbes';
import { seedLayer } from './seedLayer';
import { syntheticDocument } from './synthetic';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench/.data');
/** Synthetic sizes, and `ucdp` for the largest bundled dataset (3,883 real events). */
const SIZES = (process.env.BENCH_SIZES ?? 'ucdp,10000,100000,1000000').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BARE_LIMIT_MS = Number(process.env.BENCH_BARE_TIMEOUT ?? 60_000);
const PORT = Number(process.env.BENCH_PORT ?? 4180);
/**
 * Stars and notes put into the analyst's layer (IndexedDB) before the 100k case is measured again, side by side
 * with the plain case (#23: within 10% of it). 0 skips the variant.
 */
const LAYER_EVENTS = Number(process.env.BENCH_LAYER ?? 10_000);

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

function serve(): Promise<Server> {
  const routes: [string, string][] = [
    ['/bench-data/', DATA],
    ['/vendor/', join(ROOT, 'node_modules/vis-timeline/standalone/umd')],
    ['/vendor/', join(ROOT, 'node_modules/vis-timeline/styles')],
    ['/bare', join(ROOT, 'bench/bare')],
    ['/', join(ROOT, 'dist')],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [prefix, dir] of routes) {
      if (!path.startsWith(prefix)) continue;
      let rel = normalize(path.slice(prefix.length)) || 'index.html';
      if (prefix === '/bare') rel = path === '/bare.html' ? '.html' : '.js';
      const file =
        prefix === '/bare' ? `${dir}${rel}` : join(dir, rel === '.' ? 'index.html' : rel);
      if (rel.startsWith('..') || !existsSync(file) || statSync(file).isDirectory()) continue;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': statSync(file).size,
      });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((r) => server.listen(PORT, '127.0.0.1', () => r(server)));
}

function ensureData(n: number): string {
  mkdirSync(DATA, { recursive: true });
  // `-m`: the events carry a measure (fatalities); files written before it lack one.
  const file = join(DATA, `synthetic-${n}-m.json`);
  if (!existsSync(file)) {
    const t = performance.now();
    writeFileSync(file, syntheticDocument(n));
    console.log(
      `generated ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  return `/bench-data/synthetic-${n}-m.json`;
}

/** A page with the helper that tsx (esbuild keepNames) injects into functions passed to page.evaluate. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript({ content: TIME_TO_PAINT });
  return page;
}

const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/**
 * Samples the page's JS heap through CDP while `during` runs; returns its peak in MB, and the JS heap with the
 * array buffers' contents once `during` is done (typed arrays and the encoded events live outside the JS heap).
 */
async function peakHeap<T>(
  page: Page,
  during: () => Promise<T>,
): Promise<[T, { heap: number; withBuffers: number }]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let heap = 0;
  let on = true;
  const sampler = (async () => {
    while (on) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        heap = Math.max(heap, used);
      } catch {
        /* page navigating */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const result = await during();
    const { usedSize, backingStorageSize } = (await cdp.send('Runtime.getHeapUsage' as never)) as {
      usedSize: number;
      backingStorageSize?: number;
    };
    const withBuffers = usedSize + (backingStorageSize ?? 0);
    return [result, { heap: heap / 2 ** 20, withBuffers: withBuffers / 2 ** 20 }];
  } finally {
    on = false;
    await sampler;
  }
}

/** Frame deltas (ms) recorded with requestAnimationFrame while the timeline is dragged and wheeled. */
async function frameTimes(
  page: Page,
  selector: string,
): Promise<{ pan: number[]; zoom: number[] }> {
  const box = (await page.locator(selector).boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height / 2, 120);
  const record = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __rec: boolean };
      w.__frames = [];
      w.__rec = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        if (w.__rec) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  const stop = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __rec: boolean };
      w.__rec = false;
      return w.__frames.slice(1);
    });
  await record();
  await page.mouse.move(cx, cy);
  // Each gesture is bounded in time: bare vis-timeline can take seconds per frame with thousands of items.
  const GESTURE_MS = 8000;
  let t0 = Date.now();
  await page.mouse.down();
  for (let i = 0; i < 40 && Date.now() - t0 < GESTURE_MS; i++)
    await page.mouse.move(cx + (i % 20 < 10 ? i % 10 : 10 - (i % 10)) * 25 - 125, cy, { steps: 2 });
  await page.mouse.up();
  const pan = await stop();
  await record();
  t0 = Date.now();
  for (let i = 0; i < 30 && Date.now() - t0 < GESTURE_MS; i++) {
    await page.mouse.wheel(0, i < 15 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  const zoom = await stop();
  return { pan, zoom };
}

interface Row {
  [k: string]: number | string;
}

/** Long tasks (start, duration) the page's observer saw. */
const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tasks: [number, number][] }).__tasks);

/** The longest of `tasks` that began in [from, until), or 0. */
const longestBefore = (tasks: [number, number][], until: number, from = 0) =>
  Math.max(0, ...tasks.filter(([start]) => start >= from && start < until).map(([, d]) => d));

/**
 * The dataset opened inside the running app, as an analyst does from the Datasets menu: first the bundled sample
 * (so that the view changes, and a dataset over the cache's budget is released as it would be), then the benchmark's
 * file by "Load from URL" (a query string makes it a new load rather than the cached one). Returns ms from the
 * click to the first interactive frame, and the longest task that began in between.
 */
async function openInApp(
  page: Page,
  url: string,
  expected: string,
): Promise<{ interactive: number; longest: number }> {
  const datasets = page.getByText('Datasets', { exact: true });
  await datasets.click();
  await page.getByRole('list', { name: 'Bundled datasets' }).getByRole('button').first().click();
  await page
    .getByRole('status')
    .filter({ hasText: /^Showing [\d,]+ of [\d,]+ events$/ })
    .filter({ hasNotText: expected })
    .waitFor();
  await page.waitForTimeout(1500);
  await datasets.click();
  await page.getByLabel('Load from URL').fill(`http://127.0.0.1:${PORT}${url}?in-app`);
  await watchNextFrame(page, '.cs-timeline .vis-item', expected);
  const shown = firstFrame(page);
  // The click from inside the page, so that its time is the click's and not Playwright's own scripts'.
  const clicked = await page.evaluate(() => {
    const t = performance.now();
    document.querySelector<HTMLButtonElement>('.cs-menu form button[type="submit"]')!.click();
    return t;
  });
  const at = await shown;
  return { interactive: at - clicked, longest: longestBefore(await longTasks(page), at, clicked) };
}

/**
 * Measures: choosing "Sum of fatalities" (and back to counts) until the histogram and timeline have repainted, and
 * a change of the range filter on it (min 10 or 20 in turn) with the sum shown. Skipped for data without the field.
 */
async function measureScenario(page: Page, skip: boolean): Promise<Row> {
  if (skip) return {};
  // Timed like __timeToPaint, from the moment the histogram's accessible name (which states the sum or the count,
  // for the matches) changes: the status line does not change when only the measure does.
  const toPaint = (act: string) =>
    page.evaluate(async (a) => {
      const hist = document.querySelector('[data-testid="histogram"]')!;
      const before = hist.getAttribute('aria-label');
      const changed = new Promise<void>((resolve) => {
        const seen = new MutationObserver(() => {
          if (hist.getAttribute('aria-label') !== before) resolve(seen.disconnect());
        });
        seen.observe(hist, { attributes: true, attributeFilter: ['aria-label'] });
        setTimeout(resolve, 10_000);
      });
      const setValue = (el: HTMLInputElement | HTMLSelectElement, v: string) => {
        const proto = Object.getPrototypeOf(el) as object;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, v);
        el.dispatchEvent(
          new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
        );
      };
      let t = performance.now();
      if (a.startsWith('sum:'))
        setValue(document.querySelector<HTMLSelectElement>('.cs-measure select')!, a.slice(4));
      else {
        // Typed first (React renders the field), then the range applied: the time is the apply's.
        const min = document.querySelector<HTMLInputElement>('.cs-measure-range input')!;
        setValue(min, a.slice(4));
        await new Promise((r) => setTimeout(r, 20));
        t = performance.now();
        min.form!.requestSubmit();
      }
      await changed;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const painted = performance.now() - t;
      await new Promise((r) => requestAnimationFrame(r));
      return [painted, performance.now() - t] as const;
    }, act);
  const choose: (readonly [number, number])[] = [];
  for (let k = 0; k < 6; k++) choose.push(await toPaint(k % 2 === 0 ? 'sum:fatalities' : 'sum:'));
  await toPaint('sum:fatalities');
  const range: (readonly [number, number])[] = [];
  // The range's fields re-render after each change; the next change waits for them.
  for (let k = 0; k < 6; k++) {
    range.push(await toPaint(`min:${k % 2 === 0 ? 10 : 20}`));
    await page.waitForTimeout(50);
  }
  await toPaint('sum:');
  return {
    'measure choice to next paint ms': median(choose.map((x) => x[0])),
    'measure choice to the frame after ms': median(choose.map((x) => x[1])),
    'measure range change to next paint ms': median(range.map((x) => x[0])),
    'measure range change to the frame after ms': median(range.map((x) => x[1])),
  };
}

async function chronoscope(browser: Browser, n: number, url: string, layer = 0): Promise<Row> {
  const runs: Row[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await newPage(browser);
    // Each page is a fresh profile: the layer is put in its IndexedDB (from a page of the app) before the load.
    if (layer > 0)
      await seedLayer(
        page,
        `http://127.0.0.1:${PORT}/`,
        `http://127.0.0.1:${PORT}${url}`,
        layer,
        n,
      );
    await page.addInitScript(() => {
      const w = window as unknown as { __tasks: [number, number][] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const expected = `Showing ${n.toLocaleString('en')} of ${n.toLocaleString('en')} events`;
    await watchFirstFrame(page, '.cs-timeline .vis-item', expected);
    const [lti, heap] = await peakHeap(page, async () => {
      const ready = firstFrame(page);
      await page.goto(`http://127.0.0.1:${PORT}/?data=${encodeURIComponent(url)}`);
      return ready;
    });
    // Long tasks that began between navigation and the first interactive frame.
    const longest = longestBefore(await longTasks(page), lti);
    // Filter change: tick the most frequent actor until the status line and the timeline have updated.
    const filterTimes: (readonly [number, number])[] = [];
    for (let k = 0; k < 6; k++) {
      filterTimes.push(
        await page.evaluate(() =>
          (window as unknown as Probes).__timeToPaint(
            () =>
              document
                .querySelector<HTMLInputElement>('.cs-entity-list input[type="checkbox"]')!
                .click(),
            10_000,
          ),
        ),
      );
    }
    const measureTimes = await measureScenario(page, !url.endsWith('-m.json'));
    await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 120_000 });
    const textReady = await page.evaluate(() => performance.now());
    // Text search: Enter applies the query at once (typing is debounced by 250 ms on purpose).
    const searchTimes: (readonly [number, number])[] = [];
    for (const q of ['convoy', 'drone artillery', 'ammun', 'corridor grain', 'refugees', '']) {
      searchTimes.push(
        await page.evaluate((text) => {
          const input = document.querySelector<HTMLInputElement>('#cs-search')!;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          setter.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return (window as unknown as Probes).__timeToPaint(
            () =>
              input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
            5000,
          );
        }, q),
      );
    }
    const frames = await frameTimes(page, '.cs-timeline');
    // The same link again in the same tab (a colleague's link opened where Chronoscope already runs): the data is
    // fetched, parsed and indexed again, but V8 has the app's code compiled, as on any visit after the first.
    const again = firstFrame(page);
    await page.goto(`http://127.0.0.1:${PORT}/?data=${encodeURIComponent(url)}`);
    const repeatLti = await again;
    const repeatLongest = longestBefore(await longTasks(page), repeatLti);
    const inApp = await openInApp(page, url, expected);
    if (layer > 0 && r === 0) {
      // The layer was read: the starred filter shows its events.
      await page.goto(`http://127.0.0.1:${PORT}/?data=${encodeURIComponent(url)}&starred=1`);
      const starred = `Showing ${layer.toLocaleString('en')} of ${n.toLocaleString('en')} events`;
      await page.getByText(starred).waitFor({ timeout: 120_000 });
    }
    runs.push({
      'load to interactive ms': lti,
      'longest main-thread task during load ms': longest,
      'repeat visit: load to interactive ms': repeatLti,
      'repeat visit: longest main-thread task ms': repeatLongest,
      'in-app load: open to interactive ms': inApp.interactive,
      'in-app load: longest main-thread task ms': inApp.longest,
      'search ready ms': textReady,
      'peak JS heap MB': heap.heap,
      'JS heap + array buffers when loaded MB': heap.withBuffers,
      'filter change to next paint ms': median(filterTimes.map((x) => x[0])),
      'filter change to the frame after ms': median(filterTimes.map((x) => x[1])),
      ...measureTimes,
      'text search to next paint ms': median(searchTimes.map((x) => x[0])),
      'text search to the frame after ms': median(searchTimes.map((x) => x[1])),
      'pan frame median ms': median(frames.pan),
      'pan frame p95 ms': p95(frames.pan),
      'zoom frame median ms': median(frames.zoom),
      'zoom frame p95 ms': p95(frames.zoom),
    });
    await page.close();
  }
  // A median of 0 only says most runs had no task over 50 ms; the worst run is printed beside it.
  const longest = [
    'longest main-thread task during load ms',
    'repeat visit: longest main-thread task ms',
    'in-app load: longest main-thread task ms',
  ];
  const row = medianRow(runs);
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v;
    if (longest.includes(k)) out[`${k}, worst run`] = Math.max(...runs.map((r) => Number(r[k])));
  }
  return out;
}

async function bare(browser: Browser, url: string): Promise<Row | string> {
  const runs: Row[] = [];
  for (let r = 0; r < RUNS; r++) {
    const page = await newPage(browser);
    try {
      await watchFirstFrame(page, '#tl .vis-item');
      const [ready, heap] = await peakHeap(page, async () => {
        const shown = firstFrame(page);
        await page.goto(`http://127.0.0.1:${PORT}/bare.html?data=${encodeURIComponent(url)}`);
        return Promise.race([
          shown,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('timeout')), BARE_LIMIT_MS),
          ),
        ]);
      });
      const frames = await frameTimes(page, '#tl');
      runs.push({
        'load to interactive ms': ready,
        'peak JS heap MB': heap.heap,
        'JS heap + array buffers when loaded MB': heap.withBuffers,
        'pan frame median ms': median(frames.pan),
        'pan frame p95 ms': p95(frames.pan),
        'zoom frame median ms': median(frames.zoom),
        'zoom frame p95 ms': p95(frames.zoom),
      });
    } catch {
      await page.close().catch(() => undefined);
      return `did not finish within ${BARE_LIMIT_MS / 1000} s`;
    }
    await page.close();
  }
  return medianRow(runs);
}

/** What the layer must leave within 10%: the latencies of filters, search and the timeline's frames. */
const LAYER_KEYS = [
  'filter change to next paint ms',
  'filter change to the frame after ms',
  'measure choice to next paint ms',
  'measure range change to next paint ms',
  'text search to next paint ms',
  'text search to the frame after ms',
  'pan frame median ms',
  'pan frame p95 ms',
  'zoom frame median ms',
  'zoom frame p95 ms',
];

function medianRow(runs: Row[]): Row {
  const out: Row = {};
  for (const k of Object.keys(runs[0]!)) out[k] = median(runs.map((r) => Number(r[k])));
  return out;
}

const fmt = (v: number | string | undefined) =>
  typeof v === 'number' ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : (v ?? '—');

async function main() {
  const server = await serve();
  const browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs, '--js-flags=--max-old-space-size=4096'],
  });
  const lines: string[] = [];
  const say = (s = '') => {
    console.log(s);
    lines.push(s);
  };
  say(`# Chronoscope benchmark`);
  say();
  say(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium ${browser.version()}; 1600×900; medians of ${RUNS} runs.`,
  );
  say(
    `Data: synthetic chronoscope/1, 500 actors, 20 types, 50 tags, 200 places, a third ranges, mixed precisions (bench/synthetic.ts).`,
  );
  say();
  try {
    for (const size of SIZES) {
      const ucdp = size === 'ucdp';
      const n = ucdp ? 3883 : Number(size);
      const url = ucdp ? '/data/ucdp-ukraine.json' : ensureData(n);
      say(
        ucdp
          ? '## UCDP GED Ukraine (bundled, 3,883 events)'
          : `## ${n.toLocaleString('en')} synthetic events`,
      );
      say();
      let ours: Row | string;
      try {
        ours = await chronoscope(browser, n, url);
      } catch (e) {
        ours = `failed: ${(e as Error).message.split('\n')[0]}`;
      }
      const base =
        n <= 200_000
          ? await bare(browser, url)
          : 'not attempted (extrapolated > 50 min at 3 ms per item)';
      say('| measure | Chronoscope | bare vis-timeline | ratio (bare / Chronoscope) |');
      say('|---|---|---|---|');
      const keys = typeof ours === 'string' ? ['load to interactive ms'] : Object.keys(ours);
      for (const k of keys) {
        const a = typeof ours === 'string' ? ours : ours[k];
        const b =
          typeof base === 'string' ? (k === 'load to interactive ms' ? base : '—') : base[k];
        const ratio =
          typeof a === 'number' && typeof b === 'number' && a > 0 ? `${(b / a).toFixed(1)}×` : '—';
        say(`| ${k} | ${fmt(a)} | ${fmt(b)} | ${ratio} |`);
      }
      say();
      if (!ucdp && n === 100_000 && LAYER_EVENTS > 0 && typeof ours !== 'string') {
        let layered: Row | string;
        try {
          layered = await chronoscope(browser, n, url, LAYER_EVENTS);
        } catch (e) {
          layered = `failed: ${(e as Error).message.split('\n')[0]}`;
        }
        say(
          `With the analyst's layer: ${LAYER_EVENTS.toLocaleString('en')} events starred and noted (IndexedDB, read at load).`,
        );
        say();
        say('| measure | plain | with the layer | ratio (layer / plain) |');
        say('|---|---|---|---|');
        for (const k of LAYER_KEYS) {
          const a = ours[k];
          const b = typeof layered === 'string' ? layered : layered[k];
          const ratio =
            typeof a === 'number' && typeof b === 'number' && a > 0 ? `${(b / a).toFixed(2)}` : '—';
          say(`| ${k} | ${fmt(a)} | ${fmt(b)} | ${ratio} |`);
        }
        say();
      }
      if (!ucdp && n <= 100_000) {
        const e = engineFigures(n);
        say(
          `Engine alone (Node, same code): ${Object.entries(e)
            .filter(([k]) => k !== 'events')
            .map(([k, v]) => `${k.replace(' ms', '')} ${fmt(v)} ms`)
            .join('; ')}.`,
        );
        say();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.md'), `${lines.join('\n')}\n`);
}

await main();
