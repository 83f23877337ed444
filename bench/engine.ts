/**
 * Engine figures without a browser: index build, filter and search latency of the pure domain code in Node.
 * Run by bench/run.ts; also runnable alone: npx tsx bench/engine.ts 100000
 */
import { buildIndex } from '../src/domain/buildIndex';
import { EMPTY_FILTERS } from '../src/domain/filters';
import { normaliseDocument } from '../src/domain/normalise';
import { runQuery } from '../src/domain/query';
import { buildTextIndex, textMatcher } from '../src/domain/textSearch';
import { DEFAULT_LOD, planItems, paddedWindow } from '../src/domain/levelOfDetail';
import { planLanes } from '../src/domain/lanes';
import { histogram } from '../src/domain/histogram';
import { syntheticDocument } from './synthetic';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function time(fn: () => void, runs = 7): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

export function engineFigures(n: number): Record<string, number> {
  const doc = JSON.parse(syntheticDocument(n));
  let t = performance.now();
  const ds = normaliseDocument(doc);
  const normalise = performance.now() - t;
  t = performance.now();
  const index = buildIndex(ds);
  const build = performance.now() - t;
  t = performance.now();
  const text = textMatcher(index, buildTextIndex(index));
  const textBuild = performance.now() - t;
  const f = EMPTY_FILTERS;
  const popular = 'actor-3';
  const win = paddedWindow(index.extent!);
  const oneActor = runQuery(index, text, { ...f, actors: [popular] }).matches;
  const byActor = planLanes(index, index.all, 'actor');
  const fatalities = index.measures.find((m) => m.name === 'fatalities')!.values;
  return {
    events: n,
    'normalise ms': normalise,
    'index build ms': build,
    'text index build ms': textBuild,
    'query, no filter ms': time(() => runQuery(index, text, f)),
    'query, one actor ms': time(() => runQuery(index, text, { ...f, actors: [popular] })),
    'query, actor+type+tag+date ms': time(() =>
      runQuery(index, text, {
        ...f,
        actors: [popular, 'actor-40'],
        types: ['type-2'],
        tags: ['tag-7'],
        since: '2018',
        until: '2020-06',
      }),
    ),
    'query, text "convoy drone" ms': time(() => runQuery(index, text, { ...f, q: 'convoy drone' })),
    'query, text prefix "ammun" ms': time(() => runQuery(index, text, { ...f, q: 'ammun' })),
    'LOD plan, whole extent ms': time(() => planItems(index, index.all, null, win)),
    'lanes by actor ms': time(() => planLanes(index, index.all, 'actor')),
    'LOD plan, lanes by actor ms': time(() => planItems(index, index.all, byActor, win)),
    'LOD plan, one actor ms': time(() => planItems(index, oneActor, null, win)),
    'query, fatalities ≥ 10 ms': time(() =>
      runQuery(index, text, { ...f, measures: [{ name: 'fatalities', min: 10 }] }),
    ),
    'histogram, sum of fatalities ms': time(() =>
      histogram(index, index.all, win, 120, fatalities),
    ),
    'histogram, sum of fatalities, one actor ms': time(() =>
      histogram(index, oneActor, win, 120, fatalities),
    ),
    'LOD plan, sum of fatalities ms': time(() =>
      planItems(index, index.all, null, win, { ...DEFAULT_LOD, weights: fatalities }),
    ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(engineFigures(Number(process.argv[2] ?? 100_000)));
}
