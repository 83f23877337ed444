/**
 * What one edit of the analyst's layer costs the page's main thread at n events (Node, the same code): a star and a
 * note over a layer of 10,000 starred and noted events, an added event and a merge. "Before" is how the page did it
 * until #23 was finished (the layer index rebuilt from every annotation; the join rebuilt in the page); "after" is
 * what the page does now (the layer index updated for the one event; the join built in the loader worker, which
 * the page only assembles and wraps). The worker's own time is printed beside it. In the browser:
 * bench/layerEdits.ts. Runnable alone: npx tsx bench/layerJoin.ts 100000
 */
import { checkDraft, EMPTY_DRAFT, newAddedId, type AddedEvent } from '../src/domain/addedEvents';
import {
  annotate,
  EMPTY_LAYER,
  indexLayer,
  toggleStar,
  updateLayerIndex,
  withNote,
  type Layer,
} from '../src/domain/annotations';
import { buildIndex } from '../src/domain/buildIndex';
import { EMPTY_CURATION, mergeEntity } from '../src/domain/curation';
import {
  assembleJoinBuild,
  buildJoin,
  finishJoin,
  joinBuildParts,
  joinLayer,
} from '../src/domain/joinLayer';
import { normaliseDocument } from '../src/domain/normalise';
import { median } from './engine';
import { syntheticDocument } from './synthetic';

function time(fn: () => void, runs = 5): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const n = Number(process.argv[2] ?? 100_000);
const index = buildIndex(normaliseDocument(JSON.parse(syntheticDocument(n))));
let layer: Layer = EMPTY_LAYER;
const annotations: Layer['annotations'] = {};
for (let k = 0; k < 10_000; k++)
  annotations[`e${k * Math.max(1, Math.floor(n / 10_000))}`] = { star: true, note: `Note ${k}` };
layer = { ...layer, annotations };
const indexed = indexLayer(index, layer);
const draft = (k: number): AddedEvent => {
  const r = checkDraft(
    { ...EMPTY_DRAFT, title: `Added ${k}`, date: `2020-0${(k % 9) + 1}`, actors: ['New actor'] },
    newAddedId(String(k)),
  );
  if (!r.ok) throw new Error('draft');
  return r.event;
};
const one = [draft(0)];
const [a, b] = index.entities;
const merged = mergeEntity(EMPTY_CURATION, a!.id, b!.id);
if (!merged.ok) throw new Error(merged.error);

/** The page's part of a join built in the worker: the transferred parts assembled, the store wrapped. */
function pageSideOf(added: AddedEvent[], curation = EMPTY_CURATION): () => void {
  return () => {
    const { message, transfer } = joinBuildParts(buildJoin(index, added, curation));
    const arrived = structuredClone(message, { transfer });
    const t = performance.now();
    finishJoin(index, assembleJoinBuild(arrived));
    pageSide.push(performance.now() - t);
  };
}
let pageSide: number[] = [];
const pageTime = (fn: () => void) => {
  pageSide = [];
  for (let i = 0; i < 5; i++) fn();
  return median(pageSide);
};

const id = 'e1';
const rows: [string, number, number, number?][] = [
  [
    'star',
    time(() => indexLayer(index, annotate(layer, id, toggleStar))),
    time(() => updateLayerIndex(indexed, index, layer, annotate(layer, id, toggleStar), [id])),
  ],
  [
    'note',
    time(() => indexLayer(index, annotate(layer, id, withNote('checked')))),
    time(() =>
      updateLayerIndex(indexed, index, layer, annotate(layer, id, withNote('checked')), [id]),
    ),
  ],
  [
    'added event',
    time(() => joinLayer(index, one, EMPTY_CURATION)),
    pageTime(pageSideOf(one)),
    time(() => buildJoin(index, one, EMPTY_CURATION)),
  ],
  [
    'merge',
    time(() => joinLayer(index, [], merged.curation)),
    pageTime(pageSideOf([], merged.curation)),
    time(() => buildJoin(index, [], merged.curation)),
  ],
];
console.log(`${n.toLocaleString('en')} events, a layer of 10,000 stars and notes; medians of 5`);
console.log('| edit | main thread before ms | main thread after ms | in the worker after ms |');
console.log('| --- | --- | --- | --- |');
for (const [edit, before, after, worker] of rows)
  console.log(
    `| ${edit} | ${before.toFixed(1)} | ${after.toFixed(1)} | ${worker === undefined ? '—' : worker.toFixed(0)} |`,
  );
