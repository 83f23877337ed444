import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft, EMPTY_DRAFT, newAddedId, type AddedEvent } from './addedEvents';
import { buildIndex, type DatasetIndex } from './buildIndex';
import { EMPTY_CURATION, editEntity, mergeEntity, unmergeEntity, type Curation } from './curation';
import { EMPTY_FILTERS } from './filters';
import {
  assembleJoinBuild,
  buildJoin,
  finishJoin,
  joinBuildParts,
  joinLayer,
  type JoinedIndex,
} from './joinLayer';
import { normaliseDocument } from './normalise';
import { runQuery } from './query';

const base = buildIndex(
  normaliseDocument({
    entities: [
      { id: 'dpr1', name: 'DPR (UCDP actor 6711)', type: 'group' },
      { id: 'dpr2', name: 'DPR (UCDP actor 5840)', type: 'group' },
      { id: 'ua', name: 'Ukraine', type: 'organization' },
      { id: 'kyiv', name: 'Kyiv', type: 'place' },
      { id: 'kiev', name: 'Kiev', type: 'place' },
    ],
    events: [
      { id: 'e1', title: 'Shelling', start: '2014-06-01', actors: ['dpr1', 'ua'], type: 'battle' },
      { id: 'e2', title: 'Clash', start: '2014-07-01', actors: ['dpr2', 'ua'], type: 'battle' },
      { id: 'e3', title: 'Both', start: '2014-08-01', actors: ['dpr1', 'dpr2'], type: 'battle' },
      { id: 'e4', title: 'Talks', start: '2015-02-11', actors: ['kiev'], type: 'meeting' },
      { id: 'e5', title: 'Parade', start: '2015-08-24', actors: ['kyiv', 'ua'] },
    ],
  }),
);

const added = (over: Partial<AddedEvent> = {}): AddedEvent => {
  const r = checkDraft(
    { ...EMPTY_DRAFT, title: 'Found elsewhere', date: 'March 2015', actors: ['ua', 'Wagner'] },
    newAddedId('0001'),
  );
  if (!r.ok) throw new Error('draft');
  return { ...r.event, ...over };
};

const actorCount = (index: DatasetIndex, id: string) => {
  const code = index.entityLookup.get(id);
  return code === undefined ? 0 : index.actorPostings[code]!.length;
};

/** Counts per actor id the naive way: every event, its actors read through the merges. */
function naiveCounts(c: Curation): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < base.size; i++) {
    const seen = new Set<string>();
    for (const a of base.events.at(i)!.actors) {
      let t = a;
      while (c.merges[t] !== undefined) t = c.merges[t]!;
      seen.add(t);
    }
    for (const t of seen) out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

describe('joinLayer', () => {
  it('returns the dataset itself when the layer adds and curates nothing', () => {
    expect(joinLayer(base, [], EMPTY_CURATION).index).toBe(base);
  });

  it('joins an added event: counted, in time order, its month precision kept, new actors created', () => {
    const j = joinLayer(base, [added()], EMPTY_CURATION);
    expect(j.index.size).toBe(6);
    const pos = j.index.byId.get(newAddedId('0001'))!;
    const e = j.index.events.at(pos)!;
    expect(e.precision).toBe('month');
    expect(e.startText).toBe('2015-03');
    // Between Talks (Feb 2015) and Parade (Aug 2015).
    expect(j.index.events.at(pos - 1)!.id).toBe('e4');
    expect(j.index.events.at(pos + 1)!.id).toBe('e5');
    expect(actorCount(j.index, 'ua')).toBe(4);
    expect(j.index.entities.find((x) => x.name === 'Wagner')?.type).toBe('unknown');
    // The dataset's events moved to their joined positions.
    for (let i = 0; i < base.size; i++)
      expect(j.index.events.at(j.fromBase![i]!)!.id).toBe(base.events.at(i)!.id);
    // The dataset's own index is untouched.
    expect(base.size).toBe(5);
    expect(actorCount(base, 'ua')).toBe(3);
    const r = runQuery(j.index, undefined, { ...EMPTY_FILTERS, types: [] });
    expect(r.count).toBe(6);
  });

  it('refuses an added event under an id the dataset holds', () => {
    const j = joinLayer(base, [added({ id: 'e1' })], EMPTY_CURATION);
    expect(j.index.size).toBe(5);
    expect(j.refused).toEqual([{ id: 'e1', reason: 'the dataset holds an event with this id' }]);
  });

  it('counts a merged entity as the one it was merged into, and the old id still finds it', () => {
    const m = mergeEntity(EMPTY_CURATION, 'dpr2', 'dpr1');
    if (!m.ok) throw new Error(m.error);
    const j = joinLayer(base, [], m.curation);
    // e1, e2 and e3 (which names both: counted once).
    expect(actorCount(j.index, 'dpr1')).toBe(3);
    expect(j.index.entities.map((e) => e.id)).not.toContain('dpr2');
    expect(j.index.entityLookup.get('dpr2')).toBe(j.index.entityLookup.get('dpr1'));
    expect(j.index.entities.find((e) => e.id === 'dpr1')!.aliases).toContain(
      'DPR (UCDP actor 5840)',
    );
    expect(runQuery(j.index, undefined, { ...EMPTY_FILTERS, actors: ['dpr2'] }).count).toBe(3);
    expect(j.index.events.at(j.index.byId.get('e3')!)!.actors).toEqual(['dpr1']);
    // Unmerged: the dataset's counts again.
    const back = joinLayer(base, [], unmergeEntity(m.curation, 'dpr2'));
    expect(actorCount(back.index, 'dpr2')).toBe(2);
    expect(actorCount(back.index, 'dpr1')).toBe(2);
  });

  it('applies renames and types, keeping the old name as an alias', () => {
    const c = editEntity(EMPTY_CURATION, 'kiev', () => ({
      name: 'Kyiv (old spelling)',
      type: 'place',
    }));
    const j = joinLayer(base, [], c);
    const e = j.index.entities.find((x) => x.id === 'kiev')!;
    expect(e.name).toBe('Kyiv (old spelling)');
    expect(e.aliases).toContain('Kiev');
    expect(base.entities.find((x) => x.id === 'kiev')!.name).toBe('Kiev');
  });

  it('counts after any merges equal the naive recount, and unmerging them all gives the dataset back (property)', () => {
    const ids = ['dpr1', 'dpr2', 'ua', 'kyiv', 'kiev'];
    const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), (pairs) => {
        let c: Curation = EMPTY_CURATION;
        const done: string[] = [];
        for (const [from, into] of pairs) {
          if (c.merges[from] !== undefined) continue;
          const r = mergeEntity(c, from, into);
          if (r.ok) {
            c = r.curation;
            done.push(from);
          }
        }
        const j = joinLayer(base, [], c);
        for (const [id, n] of naiveCounts(c)) expect(actorCount(j.index, id)).toBe(n);
        let undone = c;
        for (const from of done) undone = unmergeEntity(undone, from);
        const back = joinLayer(base, [], undone);
        for (const id of ids) expect(actorCount(back.index, id)).toBe(actorCount(base, id));
      }),
    );
  });

  it('joined in the worker (built there, sent as transferred parts, finished here) equals the join here (property)', () => {
    const ids = ['dpr1', 'dpr2', 'ua', 'kyiv', 'kiev'];
    const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
    const month = fc.integer({ min: 1, max: 12 }).map((m) => `2014-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(pair, { maxLength: 4 }),
        fc.array(fc.tuple(month, fc.subarray(['ua', 'dpr2', 'Wagner'])), { maxLength: 4 }),
        (pairs, drafts) => {
          let c: Curation = EMPTY_CURATION;
          for (const [from, into] of pairs) {
            const r = mergeEntity(c, from, into);
            if (r.ok) c = r.curation;
          }
          const events = drafts.map(([date, actors], k) => {
            const r = checkDraft(
              { ...EMPTY_DRAFT, title: `Added ${k}`, date, actors },
              newAddedId(`k${k}`),
            );
            if (!r.ok) throw new Error('draft');
            return r.event;
          });
          const here = joinLayer(base, events, c);
          const { message, transfer } = joinBuildParts(buildJoin(base, events, c));
          const there = finishJoin(base, assembleJoinBuild(structuredClone(message, { transfer })));
          expect(view(there)).toEqual(view(here));
          if (events.length === 0 && Object.keys(c.merges).length === 0)
            expect(there.index).toBe(base);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** What a join answers: every event by position and id, counts per entity, and the rest of the index's arrays. */
function view(j: JoinedIndex) {
  const { index } = j;
  const events = Array.from({ length: index.size }, (_, p) => index.events.at(p));
  return {
    events,
    byId: events.map((e) => index.byId.get(e!.id)),
    lookup: [...index.entityLookup].sort(),
    entities: index.entities,
    postings: index.actorPostings.map((l) => Array.from(l)),
    starts: Array.from(index.starts),
    ends: Array.from(index.endsSorted),
    types: index.types.values,
    fromBase: j.fromBase && Array.from(j.fromBase),
    added: [...j.addedIds].sort(),
    refused: j.refused,
  };
}
