import type { AddedEvent } from './addedEvents';
import {
  assembleIndex,
  buildIndex,
  indexParts,
  type BuiltIndex,
  type DatasetIndex,
  type IndexParts,
} from './buildIndex';
import {
  curateActors,
  curatedTarget,
  curateEntities,
  isEmptyCuration,
  type Curation,
} from './curation';
import type { EventStore } from './eventStore';
import { normaliseDocument } from './normalise';
import type { TimelineEvent } from './types';

/** A dataset read with the analyst's added events and entity curation. */
export interface JoinedIndex {
  /** What every query, list and drawing reads. The dataset's own index when the layer adds and curates nothing. */
  index: DatasetIndex;
  /** The dataset's own index, unchanged. */
  base: DatasetIndex;
  /**
   * Each dataset event's position in `index`, by its position in `base` (the text search answers in base
   * positions); undefined when they are the same.
   */
  fromBase?: Uint32Array;
  /** Added events in `index`, by id. */
  addedIds: ReadonlySet<string>;
  /** Added events not joined: unreadable, or under an id the dataset holds. */
  refused: { id: string; reason: string }[];
  /** The curation this join applied (the merges whose target the dataset holds). */
  curation: Curation;
}

/**
 * The events of a joined index: dataset events are read from the dataset's own store (its bytes, not a copy of
 * every event) and curated as they are read; added events are held here.
 */
class JoinedEventStore implements EventStore {
  constructor(
    private readonly base: DatasetIndex,
    /** Per joined position: the base position, or −1 − k for the k-th added event. */
    private readonly source: Int32Array,
    private readonly added: readonly TimelineEvent[],
    private readonly curation: Curation,
  ) {}

  get length(): number {
    return this.source.length;
  }

  at(pos: number): TimelineEvent | undefined {
    if (!Number.isInteger(pos) || pos < 0 || pos >= this.source.length) return undefined;
    const s = this.source[pos]!;
    if (s < 0) return this.added[-1 - s];
    const e = this.base.events.at(s);
    if (!e || isEmptyCuration(this.curation) || e.actors.length === 0) return e;
    const actors = curateActors(e.actors, this.curation);
    return actors.length === e.actors.length && actors.every((a, k) => a === e.actors[k])
      ? e
      : { ...e, actors };
  }
}

/**
 * The costly half of a join (a rebuild of the index over every event), which the page has the loader worker do:
 * the joined index as built, where each of its events comes from, and what the cheap half (`finishJoin`) needs.
 * `index` is undefined when the layer adds and curates nothing that applies.
 */
export interface JoinBuild<I extends DatasetIndex = BuiltIndex> {
  index?: I;
  /** Per joined position: the base position, or −1 − k for the k-th added event. */
  source: Int32Array;
  fromBase?: Uint32Array;
  /** The added events joined, as normalised and curated. */
  added: TimelineEvent[];
  /** The curation that applies to this dataset. */
  curation: Curation;
  refused: JoinedIndex['refused'];
}

/**
 * Joins the analyst's added events and entity curation to a dataset's index, at read time: the result is a new
 * index (the dataset's is not touched) in which added events are events like the others and merged entities are
 * counted as the entity they were merged into. An id merged away still finds its target (`actor=` links keep
 * working). Pure; costs a rebuild of the index (`buildJoin`, which the page runs in the loader worker), then
 * `finishJoin`.
 */
export function joinLayer(
  base: DatasetIndex,
  added: readonly AddedEvent[],
  asKept: Curation,
): JoinedIndex {
  return finishJoin(base, buildJoin(base, added, asKept));
}

/** The costly half of `joinLayer`: reads every event of `base` and builds the joined index. */
export function buildJoin(
  base: DatasetIndex,
  added: readonly AddedEvent[],
  asKept: Curation,
): JoinBuild {
  const refused: JoinedIndex['refused'] = [];
  const curation = applicableCuration(asKept, base);
  if (added.length === 0 && isEmptyCuration(curation))
    return { source: new Int32Array(0), added: [], curation, refused };

  // Added events go through the importers' own normaliser, resolving actor names against the dataset's entities.
  const fresh = added.filter((a) => {
    if (base.byId.get(a.id) === undefined) return true;
    refused.push({ id: a.id, reason: 'the dataset holds an event with this id' });
    return false;
  });
  const doc = normaliseDocument({
    entities: base.entities,
    events: fresh.map((a) => ({ ...a, tags: [] })),
  });
  for (const issue of doc.issues)
    if (issue.severity === 'error' && issue.id !== undefined)
      refused.push({ id: issue.id, reason: issue.message });
  const known = new Set(base.entities.map((e) => e.id));
  const entities = [...base.entities, ...doc.entities.filter((e) => !known.has(e.id))];
  const curatedAdded = doc.events.map((e) =>
    isEmptyCuration(curation) ? e : { ...e, actors: curateActors(e.actors, curation) },
  );

  // The index is built over every event once; the joined store then reads the dataset's events from the
  // dataset's store, so the copies made here are garbage as soon as this returns.
  const n = base.size;
  const events = new Array<TimelineEvent>(n + curatedAdded.length);
  for (let i = 0; i < n; i++) {
    const e = base.events.at(i)!;
    events[i] =
      isEmptyCuration(curation) || e.actors.length === 0
        ? e
        : { ...e, actors: curateActors(e.actors, curation) };
  }
  for (let k = 0; k < curatedAdded.length; k++) events[n + k] = curatedAdded[k]!;
  const built = buildIndex({
    ...base.dataset,
    events,
    entities: curateEntities(entities, curation),
  });

  const addedAt = new Map(curatedAdded.map((e, k) => [e.id, k] as const));
  const source = new Int32Array(built.size);
  let fromBase: Uint32Array | undefined;
  if (curatedAdded.length > 0) {
    fromBase = new Uint32Array(n);
    // base and joined are both in time order; a dataset event's id finds its base position.
    for (let p = 0; p < built.size; p++) {
      const e = built.events[p]!;
      const k = addedAt.get(e.id);
      if (k !== undefined) source[p] = -1 - k;
      else {
        const b = base.byId.get(e.id)!;
        source[p] = b;
        fromBase[b] = p;
      }
    }
  } else for (let p = 0; p < built.size; p++) source[p] = p;
  return {
    index: built,
    source,
    ...(fromBase ? { fromBase } : {}),
    added: curatedAdded,
    curation,
    refused,
  };
}

/**
 * The cheap half of `joinLayer`, on the page: the built index (here, or assembled from what the worker sent) read
 * through a store of the dataset's own events and the added ones, with merged ids looked up as their targets.
 */
export function finishJoin(base: DatasetIndex, build: JoinBuild<DatasetIndex>): JoinedIndex {
  const { index: built, source, fromBase, added, curation, refused } = build;
  if (!built) return { index: base, base, addedIds: new Set(), refused, curation };
  // Merged ids are looked up as their targets.
  for (const id of Object.keys(curation.merges)) {
    const code = built.entityLookup.get(curatedTarget(curation, id));
    if (code !== undefined && !built.entityLookup.has(id)) built.entityLookup.set(id, code);
  }
  const store = new JoinedEventStore(base, source, added, curation);
  const index: DatasetIndex = {
    ...built,
    events: store,
    dataset: { ...built.dataset, events: store },
  };
  return {
    index,
    base,
    ...(fromBase ? { fromBase } : {}),
    addedIds: new Set(added.map((e) => e.id)),
    refused,
    curation,
  };
}

/** A `JoinBuild` in transferable form: the index as parts (typed arrays transferred), the rest cloned. */
export type JoinBuildParts = Omit<JoinBuild, 'index'> & { parts?: IndexParts };

/** Splits a join build for the trip from the worker to the page; the buffers listed move, not copied. */
export function joinBuildParts(build: JoinBuild): {
  message: JoinBuildParts;
  transfer: ArrayBuffer[];
} {
  const { index, ...rest } = build;
  const transfer: ArrayBuffer[] = [build.source.buffer as ArrayBuffer];
  if (build.fromBase) transfer.push(build.fromBase.buffer as ArrayBuffer);
  if (!index) return { message: rest, transfer };
  const { parts, transfer: more } = indexParts(index);
  return { message: { ...rest, parts }, transfer: [...transfer, ...more] };
}

/** A join build again from its parts (its index's events are read through `finishJoin`'s store). */
export function assembleJoinBuild(m: JoinBuildParts): JoinBuild<DatasetIndex> {
  const { parts, ...rest } = m;
  return parts ? { ...rest, index: assembleIndex(parts, []) } : rest;
}

/**
 * The merges whose target is an entity of the dataset (a layer file may name others, or this dataset may have
 * lost one since): a merge into nothing would make events lose an actor, so it waits, kept, until it applies.
 */
function applicableCuration(c: Curation, base: DatasetIndex): Curation {
  const merges = Object.keys(c.merges);
  if (merges.every((id) => base.entityLookup.has(curatedTarget(c, id)))) return c;
  const kept: Record<string, string> = {};
  for (const id of merges)
    if (base.entityLookup.has(curatedTarget(c, id))) kept[id] = c.merges[id]!;
  return { ...c, merges: kept };
}
