/**
 * Which tasks block the page for more than LIMIT ms (default 50) while a dataset loads: a Chrome trace of the
 * load with CPU samples, and for each long task what ran inside it: the browser's own work (style, layout,
 * paint, garbage collection, script evaluation) and the JavaScript functions by source location, as time spent
 * inside each (inclusive) and, with SELF=1, in each itself. PROFILE_SIZE events (default 100,000) or DATA=<url
 * path> (e.g. /data/ucdp-ukraine.json); RUNS loads (default 1). Run `npm run build` first. Used for #6; prints,
 * writes nothing.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { servePage, sourceLocation } from './inspect';
import { firstFrame, watchFirstFrame } from './pageProbes';

const N = Number(process.env.PROFILE_SIZE ?? 100_000);
const LIMIT = Number(process.env.LIMIT ?? 50);
const RUNS = Number(process.env.RUNS ?? 1);
const LINES = Number(process.env.LINES ?? 12);
const { server, url: pageUrl } = await servePage(4182, N);
const target = process.env.DATA
  ? pageUrl.replace(/\?data=.*/, `?data=${encodeURIComponent(process.env.DATA)}`)
  : pageUrl;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const BROWSER_WORK = [
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'MinorGC',
  'MajorGC',
  'ParseHTML',
];

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
for (let run = 0; run < RUNS; run++) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-v8.cpu_profiler',
      'v8',
    ],
  });
  // Told by the page on its console: waiting with a locator would evaluate Playwright's own script in the page
  // during the load (a 40-70 ms task of its own in this trace).
  await watchFirstFrame(page, '.cs-timeline .vis-item');
  const shown = firstFrame(page);
  await page.goto(target);
  await shown;
  await page.waitForTimeout(1500);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const events = trace.traceEvents;
  // The page's main thread: the renderer main thread that ran the app's code (a trace can also hold a renderer
  // of Chromium's own, such as its omnibox popup, which competes for the same two cores).
  const appOrigin = new URL(target).origin;
  const ranApp = new Set(
    events
      .filter((e) => e.name === 'FunctionCall' && (e.args?.data?.url ?? '').startsWith(appOrigin))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      ranApp.has(`${e.pid}:${e.tid}`),
  );
  if (!main) throw new Error("The page's main thread is not in the trace.");
  const onMain = events.filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X');
  const origin = Math.min(...onMain.map((e) => e.ts));

  // The main thread's CPU profile: its node tree and its samples on the trace clock.
  const profile = events.find(
    (e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid,
  );
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  let clock = profile?.args?.data?.startTime ?? 0;
  for (const e of events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile?.id)
    .sort((a, b) => a.ts - b.ts)) {
    const cpu = e.args?.data?.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) nodes.set(n.id, n);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu.samples ?? []).forEach((node, i) => {
      clock += deltas[i] ?? 0;
      samples.push({ ts: clock, node });
    });
  }
  const label = (n: ProfileNode) => {
    const f = n.callFrame;
    return f.url
      ? `${sourceLocation(f.url, f.lineNumber + 1, f.columnNumber)} ${f.functionName}`
      : f.functionName || '(anonymous)';
  };

  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > LIMIT * 1000);
  console.log(`\nLoad ${run + 1}: ${tasks.length} task(s) over ${LIMIT} ms`);
  for (const t of tasks) {
    const end = t.ts + t.dur!;
    console.log(
      `\nTask ${(t.dur! / 1000).toFixed(0)} ms at ${((t.ts - origin) / 1000).toFixed(0)} ms`,
    );
    const work = new Map<string, number>();
    for (const e of onMain) {
      if (e === t || e.ts < t.ts || e.ts + (e.dur ?? 0) > end) continue;
      const key =
        e.name === 'EvaluateScript'
          ? `evaluate ${(e.args?.data?.url ?? '').split('/').pop() || '(inline)'}`
          : BROWSER_WORK.includes(e.name)
            ? e.name
            : undefined;
      if (key) work.set(key, (work.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    if (work.size > 0)
      console.log(`  browser: ${[...work].map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ')}`);
    const inside = samples.filter((s) => s.ts >= t.ts && s.ts <= end);
    const perSample = t.dur! / 1000 / Math.max(1, inside.length);
    const inclusive = new Map<string, number>();
    const self = new Map<string, number>();
    for (const s of inside) {
      const leaf = nodes.get(s.node);
      if (leaf) self.set(label(leaf), (self.get(label(leaf)) ?? 0) + perSample);
      const seen = new Set<string>();
      for (let n = leaf; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const l = label(n);
        if (seen.has(l) || l === '(root)') continue;
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + perSample);
      }
    }
    const top = [...(process.env.SELF ? self : inclusive)].sort((a, b) => b[1] - a[1]);
    for (const [k, ms] of top.slice(0, LINES))
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${k}`);
  }
  await page.close();
}
await browser.close();
server.close();
