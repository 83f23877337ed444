/**
 * Which tasks block the page for more than 50 ms while a dataset loads (PROFILE_SIZE events, default 100,000):
 * a Chrome trace of the load, each long task listed with what ran inside it (script by source location, layout,
 * style, garbage collection). Run `npm run build` first. Used for #6; prints, writes nothing.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { servePage, sourceLocation } from './inspect';

const N = Number(process.env.PROFILE_SIZE ?? 100_000);
const { server, url: pageUrl } = await servePage(4182, N);

const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
});
const n = N.toLocaleString('en');
await page.goto(pageUrl);
await page
  .getByRole('status')
  .filter({ hasText: `Showing ${n} of ${n} events` })
  .waitFor({ timeout: 180_000 });
await page.locator('.cs-timeline .vis-item').first().waitFor();
await page.waitForTimeout(1000);
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: {
    name?: string;
    data?: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
  };
}
const trace = JSON.parse((await browser.stopTracing()).toString()) as {
  traceEvents: TraceEvent[];
};
const events = trace.traceEvents;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const onMain = events.filter((e) => e.tid === main?.tid && e.pid === main?.pid && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000);
for (const t of tasks) {
  console.log(`\nTask ${(t.dur! / 1000).toFixed(0)} ms`);
  const inside = onMain.filter(
    (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur!,
  );
  const parts = new Map<string, number>();
  for (const e of inside) {
    let key: string | undefined;
    if (e.name === 'FunctionCall' || e.name === 'EvaluateScript') {
      const d = e.args?.data ?? {};
      key = `${e.name} ${d.functionName ?? ''} ${d.url ? sourceLocation(d.url, d.lineNumber ?? 0, (d.columnNumber ?? 1) - 1) : ''}`;
    } else if (process.env.ALL_EVENTS) {
      key = e.name;
    } else if (
      [
        'Layout',
        'UpdateLayoutTree',
        'MinorGC',
        'MajorGC',
        'V8.GC_MC_BACKGROUND',
        'Paint',
        'ParseHTML',
        'v8.compile',
        'V8.DeserializeContext',
      ].includes(e.name) ||
      e.name.startsWith('MessagePort') ||
      e.name.includes('Deserializ')
    ) {
      key = e.name;
    }
    if (key) parts.set(key, (parts.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  for (const [k, ms] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${k}`);
}
await browser.close();
server.close();
