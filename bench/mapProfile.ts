/**
 * npx tsx bench/mapProfile.ts (after a build): where a filter change's time goes with the map open. Opens
 * BENCH_MAP_SIZE located synthetic events (default 100,000) with the map, waits for the text index, then traces
 * REPS actor toggles (default 8), each from the click to the next paint after the map's count line changed (as
 * bench/map.ts times it), and prints the medians of each part: the click's task (React's render with the query,
 * the timeline's plan, the histogram and the map's cells; React's DOM commit; the effects that hand items to
 * vis-timeline and draw the map's canvas) and the frame's task (vis-timeline's redraw in its animation frame,
 * style, layout, paint). Inclusive CPU-sample time by function, so parts overlap where one calls another.
 * BENCH_DIST picks the build (source names read from dist/'s maps); prints, writes nothing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { median } from './engine';
import { servePage, sourceLocation } from './inspect';
import { syntheticDocument } from './synthetic';

const N = Number(process.env.BENCH_MAP_SIZE ?? 100_000);
const REPS = Number(process.env.REPS ?? 8);
const DATA = join(import.meta.dirname, '.data');
mkdirSync(DATA, { recursive: true });
if (!existsSync(join(DATA, `located-${N}.json`)))
  writeFileSync(join(DATA, `located-${N}.json`), syntheticDocument(N, 42, { located: true }));
const { server, url } = await servePage(Number(process.env.BENCH_PORT ?? 4188), N);
const pageUrl = `${url.replace(/\?data=.*/, '')}?data=${encodeURIComponent(`/bench-data/located-${N}.json`)}&geo=1`;

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  id?: string;
  args?: {
    data?: {
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

/** Parts of the click's task, by the source location (or native name) of a function on the stack. */
const PARTS: [string, RegExp][] = [
  ['click: URL write (pushState)', /^pushState$/],
  ['click: React render', /react-dom-client.*renderRootSync/],
  ['  query (runQuery, facets)', /src\/domain\/query\.ts:\d+ runQuery/],
  [
    '  timeline plan (lanes, items)',
    /src\/features\/timeline\/timelineSync\.ts:\d+ useTimelinePlan/,
  ],
  ['  histogram', /src\/domain\/histogram\.ts:\d+ histogram\b/],
  ['  map cells', /src\/domain\/mapCells\.ts:\d+ mapCells/],
  ['  list rows in view', /src\/features\/events\/EventList/],
  ['  entity list', /EntitySidebar\.tsx:\d+ EntitySidebar\b/],
  ['click: React DOM commit', /react-dom-client.*flushMutationEffects/],
  ['click: effects', /react-dom-client.*flushPassiveEffects/],
  ['  items to vis-timeline', /src\/features\/timeline\/timelineSync\.ts:\d+ applyToTimeline/],
  ['  map canvas draw', /src\/features\/map\/mapDraw\.ts:\d+ drawFrame/],
  ['frame: vis-timeline redraw (JS)', /vis-timeline-graph2d\.mjs:\d+ _redraw/],
];
const FRAME_WORK: Record<string, string> = {
  UpdateLayoutTree: 'frame: style',
  Layout: 'frame: layout',
  PrePaint: 'frame: paint',
  Paint: 'frame: paint',
  Layerize: 'frame: paint',
  Commit: 'frame: paint',
};

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript({ content: 'window.__name = (f) => f;' });
await page.goto(pageUrl);
await page
  .locator('.cs-map-status', { hasText: 'matching events on the map' })
  .waitFor({ timeout: 180_000 });
await page.locator('#cs-search:not([aria-busy="true"])').waitFor({ timeout: 180_000 });
await page.waitForTimeout(1000);

await browser.startTracing(page, {
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'blink.user_timing',
    'toplevel',
    'disabled-by-default-v8.cpu_profiler',
  ],
});
const painted = await page.evaluate(async (reps) => {
  const out: number[] = [];
  for (let k = 0; k < reps; k++) {
    const line = document.querySelector('.cs-map-status')!;
    const before = line.textContent;
    const changed = new Promise<void>((resolve) => {
      const mo = new MutationObserver(() => {
        if (line.textContent !== before) {
          mo.disconnect();
          resolve();
        }
      });
      mo.observe(line, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    performance.mark('bench:click');
    document.querySelector<HTMLInputElement>('.cs-entities-panel input[type=checkbox]')!.click();
    await changed;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    performance.mark('bench:painted');
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 400));
  }
  return out;
}, REPS);
const events = (
  JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
).traceEvents;
const marks = events.filter((e) => e.name.startsWith('bench:')).sort((a, b) => a.ts - b.ts);
const { pid, tid } = marks[0]!;
const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
const nodes = new Map<number, ProfileNode>();
const samples: { ts: number; node: number; ms: number }[] = [];
let clock = profile?.args?.data?.startTime ?? 0;
for (const e of events
  .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile?.id)
  .sort((a, b) => a.ts - b.ts)) {
  const cpu = e.args?.data?.cpuProfile ?? {};
  for (const n of cpu.nodes ?? []) nodes.set(n.id, n);
  (cpu.samples ?? []).forEach((node, i) => {
    const dt = e.args?.data?.timeDeltas?.[i] ?? 0;
    clock += dt;
    samples.push({ ts: clock, node, ms: 0 });
  });
}
for (let i = 0; i + 1 < samples.length; i++)
  samples[i]!.ms = (samples[i + 1]!.ts - samples[i]!.ts) / 1000;
const labels = new Map<number, string>();
const labelOf = (id: number) => {
  let l = labels.get(id);
  if (l === undefined) {
    const f = nodes.get(id)!.callFrame;
    l = f.url
      ? `${sourceLocation(f.url, f.lineNumber + 1, f.columnNumber)} ${f.functionName}`
      : f.functionName;
    labels.set(id, l);
  }
  return l;
};

const parts = new Map<string, number[]>();
const add = (k: string, ms: number, rep: number) => {
  const xs = parts.get(k) ?? [];
  xs[rep] = (xs[rep] ?? 0) + ms;
  parts.set(k, xs);
};
const detail = new Map<string, number>();
const clicks = marks.filter((m) => m.name === 'bench:click');
const ends = marks.filter((m) => m.name === 'bench:painted');
clicks.forEach((click, rep) => {
  const end = ends[rep]!.ts;
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.ts + (e.dur ?? 0) > click.ts && e.ts < end)
    .sort((a, b) => a.ts - b.ts);
  const clickTask = tasks.find((t) => t.ts <= click.ts)!;
  const frameTask = tasks.find((t) =>
    onMain.some((e) => e.name === 'FireAnimationFrame' && e.ts >= t.ts && e.ts < t.ts + t.dur!),
  );
  add('click task', clickTask.dur! / 1000, rep);
  if (frameTask) add('frame task', frameTask.dur! / 1000, rep);
  add('to the map’s next paint', painted[rep]!, rep);
  for (const s of samples) {
    if (s.ts < click.ts || s.ts > end) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = s.node; id !== undefined; id = nodes.get(id)?.parent) {
      const l = labelOf(id);
      for (const [name, re] of PARTS)
        if (!seen.has(name) && re.test(l)) {
          seen.add(name);
          add(name, s.ms, rep);
        }
    }
  }
  if (process.env.DETAIL) {
    const re = new RegExp(process.env.DETAIL);
    for (const s of samples) {
      if (s.ts < click.ts || s.ts > end) continue;
      let under = false;
      for (let id: number | undefined = s.node; id !== undefined; id = nodes.get(id)?.parent)
        if (re.test(labelOf(id))) under = true;
      if (!under) continue;
      if (!process.env.INCL)
        detail.set(labelOf(s.node), (detail.get(labelOf(s.node)) ?? 0) + s.ms / REPS);
      else {
        const seen = new Set<string>();
        for (let id: number | undefined = s.node; id !== undefined; id = nodes.get(id)?.parent) {
          const l = labelOf(id);
          if (seen.has(l) || !/src\//.test(l)) continue;
          seen.add(l);
          detail.set(l, (detail.get(l) ?? 0) + s.ms / REPS);
        }
      }
    }
  }
  if (frameTask)
    for (const e of onMain)
      if (FRAME_WORK[e.name] && e.ts >= frameTask.ts && e.ts < frameTask.ts + frameTask.dur!)
        add(FRAME_WORK[e.name]!, (e.dur ?? 0) / 1000, rep);
});
console.log(
  `${N.toLocaleString('en')} located events, map open: medians of ${REPS} actor toggles (traced, so slower than untraced)`,
);
const order = [
  'to the map’s next paint',
  'click task',
  ...PARTS.map(([n]) => n).slice(0, -1),
  'frame task',
  PARTS.at(-1)![0],
  'frame: style',
  'frame: layout',
  'frame: paint',
];
for (const k of order) {
  const xs = Array.from({ length: REPS }, (_, i) => parts.get(k)?.[i] ?? 0);
  console.log(`${k.padEnd(34)} ${median(xs).toFixed(1).padStart(6)} ms`);
}
if (process.env.DETAIL) {
  console.log(`\nself time under /${process.env.DETAIL}/, mean per toggle:`);
  for (const [k, ms] of [...detail].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(2).padStart(7)} ms  ${k}`);
}
await browser.close();
server.close();
