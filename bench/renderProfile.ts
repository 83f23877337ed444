/**
 * npx tsx bench/renderProfile.ts: which React components render on a filter change, how often and for how long.
 * Needs a profiling build (`npx vite build -c bench/vite.profiling.config.ts --outDir /tmp/dist-profiling`,
 * then BENCH_DIST=/tmp/dist-profiling). Opens BENCH_MAP_SIZE located synthetic events (default 100,000), with the
 * map unless GEO=0, waits for the text index, then toggles the first actor REPS times (default 10) and reads each
 * commit through a stand-in of the React DevTools hook: a component rendered in the toggle if its fiber began
 * work after the click and after the commit before. Prints, per component, renders per toggle and its own render time (selfBaseDuration, its
 * children excluded), mean per toggle.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { servePage } from './inspect';
import { syntheticDocument } from './synthetic';

const N = Number(process.env.BENCH_MAP_SIZE ?? 100_000);
const REPS = Number(process.env.REPS ?? 10);
const GEO = process.env.GEO !== '0';
const DATA = join(import.meta.dirname, '.data');
mkdirSync(DATA, { recursive: true });
if (!existsSync(join(DATA, `located-${N}.json`)))
  writeFileSync(join(DATA, `located-${N}.json`), syntheticDocument(N, 42, { located: true }));
const { server, url } = await servePage(Number(process.env.BENCH_PORT ?? 4192), N);
const pageUrl = `${url.replace(/\?data=.*/, '')}?data=${encodeURIComponent(`/bench-data/located-${N}.json`)}${GEO ? '&geo=1' : ''}`;

/** Runs in the page before the app: a minimal DevTools hook that tallies the fibers each commit rendered. */
const HOOK = `(() => {
  const tally = new Map();
  let since = Infinity;
  let start = 0;
  const nameOf = (f) => {
    const t = f.tag === 14 ? f.type && f.type.type : f.type;
    return (t && (t.displayName || t.name)) || '(anonymous)';
  };
  let commits = [];
  let current = null;
  const walk = (f) => {
    for (; f; f = f.sibling) {
      if ([0, 1, 11, 14, 15].includes(f.tag) && f.actualStartTime >= since && (f.flags & 1 || !f.alternate)) {
        const name = nameOf(f);
        const t = tally.get(name) || { renders: 0, ms: 0 };
        t.renders++;
        t.ms += f.selfBaseDuration || 0;
        tally.set(name, t);
        current.push(name + ' ' + (f.selfBaseDuration || 0).toFixed(1));
      }
      walk(f.child);
    }
  };
  window.__renderTally = { start() { tally.clear(); commits = []; since = start = performance.now(); }, read() { return [...tally]; }, commits() { return commits; } };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot(_id, root) {
      if (since === Infinity) return;
      current = [];
      walk(root.current.child);
      commits.push({ at: performance.now() - start, rendered: current });
      // A fiber that later renders skip keeps its flags and start time: only work begun after this commit counts.
      since = performance.now();
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };
})();`;

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript({ content: HOOK });
await page.goto(pageUrl);
await page.locator('.cs-status', { hasText: 'Showing' }).first().waitFor({ timeout: 180_000 });
if (GEO)
  await page
    .locator('.cs-map-status', { hasText: 'matching events on the map' })
    .waitFor({ timeout: 180_000 });
await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
await page.waitForTimeout(1000);
const { rows, commits } = await page.evaluate(async (reps) => {
  const w = window as unknown as {
    __renderTally: {
      start(): void;
      read(): [string, { renders: number; ms: number }][];
      commits(): { at: number; rendered: string[] }[];
    };
  };
  const sum = new Map<string, { renders: number; ms: number }>();
  for (let k = 0; k < reps; k++) {
    w.__renderTally.start();
    document.querySelector<HTMLInputElement>('.cs-entities-panel input[type=checkbox]')!.click();
    await new Promise((r) => setTimeout(r, 600));
    for (const [name, t] of w.__renderTally.read()) {
      const s = sum.get(name) ?? { renders: 0, ms: 0 };
      s.renders += t.renders / reps;
      s.ms += t.ms / reps;
      sum.set(name, s);
    }
  }
  return { rows: [...sum].sort((a, b) => b[1].ms - a[1].ms), commits: w.__renderTally.commits() };
}, REPS);
console.log(
  `${N.toLocaleString('en')} located events, map ${GEO ? 'open' : 'closed'}: per actor toggle, mean of ${REPS}`,
);
console.log(`${'component'.padEnd(34)} renders   self ms`);
let total = 0;
for (const [name, t] of rows) {
  total += t.ms;
  console.log(
    `${name.padEnd(34)} ${t.renders.toFixed(1).padStart(7)} ${t.ms.toFixed(2).padStart(9)}`,
  );
}
console.log(`${'total'.padEnd(34)} ${''.padStart(7)} ${total.toFixed(2).padStart(9)}`);
if (process.env.COMMITS) {
  console.log(
    '\nthe last toggle, commit by commit (ms after the click: components rendered, self ms):',
  );
  for (const c of commits)
    console.log(
      `${c.at.toFixed(1).padStart(7)} ms: ${c.rendered.filter((r) => !r.endsWith(' 0.0')).join(', ')}`,
    );
}
await browser.close();
server.close();
