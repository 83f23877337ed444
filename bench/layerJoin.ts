/**
 * What joining the analyst's layer to a dataset costs (src/domain/joinLayer.ts): the index rebuilt with added
 * events and curated entities, which the page redoes when an added event or a merge changes (never for a star or a
 * note). Runnable alone: npx tsx bench/layerJoin.ts 100000
 */
import { checkDraft, EMPTY_DRAFT, newAddedId, type AddedEvent } from '../src/domain/addedEvents';
import { buildIndex } from '../src/domain/buildIndex';
import { EMPTY_CURATION, mergeEntity } from '../src/domain/curation';
import { joinLayer } from '../src/domain/joinLayer';
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
const added: AddedEvent[] = Array.from({ length: 100 }, (_, k) => {
  const r = checkDraft(
    { ...EMPTY_DRAFT, title: `Added ${k}`, date: `2020-0${(k % 9) + 1}`, actors: ['New actor'] },
    newAddedId(String(k)),
  );
  if (!r.ok) throw new Error('draft');
  return r.event;
});
const [a, b] = index.entities;
const merged = mergeEntity(EMPTY_CURATION, a!.id, b!.id);
if (!merged.ok) throw new Error(merged.error);
const figures = {
  events: n,
  'join, nothing to join (ms)': time(() => joinLayer(index, [], EMPTY_CURATION)),
  'join, 100 added events (ms)': time(() => joinLayer(index, added, EMPTY_CURATION)),
  'join, one merge (ms)': time(() => joinLayer(index, [], merged.curation)),
  'rebuild alone, for comparison (ms)': time(() =>
    buildIndex({ ...index.dataset, events: index.events as never }),
  ),
};
for (const [k, v] of Object.entries(figures))
  console.log(`${k}: ${typeof v === 'number' && v % 1 ? v.toFixed(1) : v}`);
