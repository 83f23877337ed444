import { readAddedEvents, sameAddedEvent, type AddedEvent } from './addedEvents';
import { Bitset } from './bitset';
import type { DatasetIndex } from './buildIndex';
import {
  EMPTY_CURATION,
  isEmptyCuration,
  mergeCurations,
  readCuration,
  type Curation,
} from './curation';

/**
 * The analyst's layer over a dataset: stars, notes and analyst tags on events, by event id. The dataset itself is
 * never changed; the layer is applied at query time. Notes are plain text, never markup.
 */
export interface Annotation {
  star?: true;
  note?: string;
  tags?: string[];
}

/**
 * The layer file and record. Version 2 added `added` (events the analyst added) and `curation` (entity merges and
 * edits); a version 1 layer still reads, as one without them.
 */
export interface Layer {
  version: 2;
  annotations: Record<string, Annotation>;
  /** Events the analyst added, by id (ids in the `added~` namespace). */
  added: Record<string, AddedEvent>;
  curation: Curation;
}

export const LAYER_VERSION = 2;

export const EMPTY_LAYER: Layer = {
  version: 2,
  annotations: {},
  added: {},
  curation: EMPTY_CURATION,
};

export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS_PER_EVENT = 32;
export const MAX_ANNOTATED_EVENTS = 1_000_000;

/** A tag as kept: trimmed, inner whitespace collapsed, at most MAX_TAG_LENGTH characters; '' when nothing is left. */
export function cleanTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
}

/** An annotation with its empty parts dropped, or undefined when nothing is left. */
function tidy(a: Annotation): Annotation | undefined {
  const out: Annotation = {};
  if (a.star) out.star = true;
  if (a.note !== undefined && a.note.trim() !== '') out.note = a.note.slice(0, MAX_NOTE_LENGTH);
  if (a.tags && a.tags.length > 0) out.tags = a.tags;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The layer with one event's annotation changed (a new object; the old layer is untouched). */
export function annotate(
  layer: Layer,
  eventId: string,
  change: (a: Annotation) => Annotation,
): Layer {
  const next = tidy(change(layer.annotations[eventId] ?? {}));
  const annotations = { ...layer.annotations };
  if (next) annotations[eventId] = next;
  else delete annotations[eventId];
  // The added events and curation keep their identity: what is joined from them is not rebuilt for a star.
  return { ...layer, annotations };
}

export const toggleStar = (a: Annotation): Annotation =>
  ({ ...a, star: a.star ? undefined : true }) as Annotation;
export const withNote =
  (note: string) =>
  (a: Annotation): Annotation => ({ ...a, note });
export const withTag =
  (tag: string) =>
  (a: Annotation): Annotation => {
    const t = cleanTag(tag);
    const tags = a.tags ?? [];
    if (!t || tags.includes(t) || tags.length >= MAX_TAGS_PER_EVENT) return a;
    return { ...a, tags: [...tags, t] };
  };
export const withoutTag =
  (tag: string) =>
  (a: Annotation): Annotation => ({ ...a, tags: (a.tags ?? []).filter((t) => t !== tag) });

export type LayerRead = { ok: true; layer: Layer; dropped: number } | { ok: false; error: string };

/**
 * Reads a layer from untrusted JSON (storage or a file): keeps every well-formed annotation, drops the rest and
 * counts them. Ids and keys are plain data; a key like `__proto__` is an id like any other.
 */
export function readLayer(value: unknown): LayerRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'not a Chronoscope layer (expected a JSON object)' };
  }
  const v = value as {
    version?: unknown;
    annotations?: unknown;
    added?: unknown;
    curation?: unknown;
  };
  if (v.version !== 1 && v.version !== 2)
    return { ok: false, error: `unknown layer version ${JSON.stringify(v.version ?? null)}` };
  const raw = v.annotations;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'the layer has no annotations object' };
  }
  const annotations: Record<string, Annotation> = Object.create(null) as Record<string, Annotation>;
  let dropped = 0;
  let kept = 0;
  for (const [id, a] of Object.entries(raw as Record<string, unknown>)) {
    if (kept >= MAX_ANNOTATED_EVENTS) {
      dropped++;
      continue;
    }
    if (typeof a !== 'object' || a === null || Array.isArray(a) || id.length > 1000) {
      dropped++;
      continue;
    }
    const r = a as { star?: unknown; note?: unknown; tags?: unknown };
    const tags = Array.isArray(r.tags)
      ? [...new Set(r.tags.filter((t): t is string => typeof t === 'string').map(cleanTag))]
          .filter(Boolean)
          .slice(0, MAX_TAGS_PER_EVENT)
      : undefined;
    const clean = tidy({
      ...(r.star === true ? { star: true as const } : {}),
      ...(typeof r.note === 'string' ? { note: r.note } : {}),
      ...(tags ? { tags } : {}),
    });
    if (clean) {
      annotations[id] = clean;
      kept++;
    } else dropped++;
  }
  // Version 1 has neither part; version 2 may leave either out.
  const added = readAddedEvents(v.version === 2 ? v.added : undefined);
  const curation = readCuration(v.version === 2 ? v.curation : undefined);
  return {
    ok: true,
    layer: {
      version: 2,
      annotations: { ...annotations },
      added: added.added,
      curation: curation.curation,
    },
    dropped: dropped + added.dropped + curation.dropped,
  };
}

/** The layer as the query reads it: positions in the index, postings per analyst tag, and notes by position. */
export interface LayerIndex {
  starred: Bitset;
  tags: Map<string, Uint32Array>;
  /** Each annotated event's note, lower-cased (what the search reads; the list only asks whether there is one). */
  notes: Map<number, string>;
  /** Annotated ids the dataset does not hold (a changed file): kept, and reported. */
  orphans: number;
}

/** Resolves the layer's event ids against a dataset's index. */
export function indexLayer(index: DatasetIndex, layer: Layer): LayerIndex {
  const starred = new Bitset(index.size);
  const tagLists = new Map<string, number[]>();
  const notes = new Map<number, string>();
  let orphans = 0;
  for (const [id, a] of Object.entries(layer.annotations)) {
    const pos = index.byId.get(id);
    if (pos === undefined) {
      orphans++;
      continue;
    }
    if (a.star) starred.add(pos);
    if (a.note) notes.set(pos, a.note.toLowerCase());
    for (const t of a.tags ?? []) {
      let l = tagLists.get(t);
      if (!l) tagLists.set(t, (l = []));
      l.push(pos);
    }
  }
  const tags = new Map<string, Uint32Array>();
  for (const [t, l] of tagLists) tags.set(t, Uint32Array.from(l).sort());
  return { starred, tags, notes, orphans };
}

/** A sorted posting list with `pos` put in or taken out (a new array; the old one may still be read). */
function withPosting(list: Uint32Array | undefined, pos: number, present: boolean): Uint32Array {
  const l = list ?? new Uint32Array(0);
  let lo = 0;
  let hi = l.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (l[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  const there = lo < l.length && l[lo] === pos;
  if (there === present) return l;
  const out = new Uint32Array(l.length + (present ? 1 : -1));
  out.set(l.subarray(0, lo));
  if (present) {
    out[lo] = pos;
    out.set(l.subarray(lo), lo + 1);
  } else out.set(l.subarray(lo + 1), lo);
  return out;
}

/**
 * The layer index after the annotations of `ids` changed from `before` to `after`, built from `prev` (the index of
 * `before` over the same dataset index) without reading the other annotations: a star, a note or a tag costs the
 * events it changes, plus a copy of the starred set's words (n/32) or of the note table when those change. `prev` is
 * left as it was. Equal to `indexLayer(index, after)` (property-tested).
 */
export function updateLayerIndex(
  prev: LayerIndex,
  index: DatasetIndex,
  before: Layer,
  after: Layer,
  ids: readonly string[],
): LayerIndex {
  let { starred, tags, notes, orphans } = prev;
  const own = (l: Layer, id: string) =>
    Object.prototype.hasOwnProperty.call(l.annotations, id) ? l.annotations[id] : undefined;
  for (const id of new Set(ids)) {
    const was = own(before, id);
    const now = own(after, id);
    if (was === now) continue;
    const pos = index.byId.get(id);
    if (pos === undefined) {
      orphans += (now ? 1 : 0) - (was ? 1 : 0);
      continue;
    }
    if (!!was?.star !== !!now?.star) {
      if (starred === prev.starred) starred = starred.clone();
      if (now?.star) starred.add(pos);
      else starred.remove(pos);
    }
    if (was?.note !== now?.note) {
      if (notes === prev.notes) notes = new Map(notes);
      if (now?.note) notes.set(pos, now.note.toLowerCase());
      else notes.delete(pos);
    }
    const wasTags = new Set(was?.tags ?? []);
    const nowTags = new Set(now?.tags ?? []);
    for (const t of new Set([...wasTags, ...nowTags])) {
      if (wasTags.has(t) === nowTags.has(t)) continue;
      if (tags === prev.tags) tags = new Map(tags);
      const l = withPosting(tags.get(t), pos, nowTags.has(t));
      if (l.length > 0) tags.set(t, l);
      else tags.delete(t);
    }
  }
  if (
    starred === prev.starred &&
    tags === prev.tags &&
    notes === prev.notes &&
    orphans === prev.orphans
  )
    return prev;
  return { starred, tags, notes, orphans };
}

/** Events whose note holds every word of the query (case-insensitive), so that a search finds the analyst's notes. */
export function noteMatches(layer: LayerIndex, size: number, q: string): Bitset {
  const words = q.toLowerCase().replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  const m = new Bitset(size);
  if (words.length === 0) return m;
  for (const [pos, text] of layer.notes) if (words.every((w) => text.includes(w))) m.add(pos);
  return m;
}

export interface MergeReport {
  /** Events that had no annotation here and now have one. */
  added: number;
  /** Events whose star or tags were joined with those here. */
  joined: number;
  /** Events whose notes differed: the imported note is appended below this one, never put in its place. */
  conflicts: number;
  /** Added events taken from the file (new here), and those kept beside a different one of the same id. */
  addedEvents: number;
  addedConflicts: number;
  /** Entity merges and edits taken, and those where this layer's choice was kept over the file's. */
  curation: number;
  curationConflicts: number;
}

/** The separator put between a note kept here and a different imported note. */
export const IMPORTED_NOTE = '\n\n— imported note —\n';

/**
 * Merges an imported layer into this one without losing anything: stars and tags are joined, a note that differs
 * is appended below the one here, and the report says what happened.
 */
export function mergeLayers(mine: Layer, theirs: Layer): { layer: Layer; report: MergeReport } {
  const report: MergeReport = {
    added: 0,
    joined: 0,
    conflicts: 0,
    addedEvents: 0,
    addedConflicts: 0,
    curation: 0,
    curationConflicts: 0,
  };
  let layer = mine;
  for (const [id, incoming] of Object.entries(theirs.annotations)) {
    const here = Object.prototype.hasOwnProperty.call(mine.annotations, id)
      ? mine.annotations[id]
      : undefined;
    if (!here) report.added++;
    else if (incoming.star || incoming.tags?.length) report.joined++;
    const conflict =
      here?.note !== undefined && incoming.note !== undefined && here.note !== incoming.note;
    if (conflict) report.conflicts++;
    layer = annotate(layer, id, (a) => {
      const tags = [...new Set([...(a.tags ?? []), ...(incoming.tags ?? [])])].slice(
        0,
        MAX_TAGS_PER_EVENT,
      );
      const note = conflict
        ? `${a.note}${IMPORTED_NOTE}${incoming.note}`
        : (a.note ?? incoming.note);
      return {
        ...(a.star || incoming.star ? { star: true as const } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(tags.length ? { tags } : {}),
      };
    });
  }
  const added = { ...layer.added };
  for (const [id, incoming] of Object.entries(theirs.added)) {
    const here = Object.prototype.hasOwnProperty.call(added, id) ? added[id] : undefined;
    if (!here) {
      added[id] = incoming;
      report.addedEvents++;
    } else if (!sameAddedEvent(here, incoming)) {
      // Both edited the same added event: theirs is kept too, beside this one, under an id of its own.
      let other = `${id}~imported`;
      for (let n = 2; Object.prototype.hasOwnProperty.call(added, other); n++)
        other = `${id}~imported${n}`;
      if (!Object.values(added).some((a) => sameAddedEvent(a, { ...incoming, id: a.id }))) {
        added[other] = { ...incoming, id: other };
        report.addedConflicts++;
      }
    }
  }
  const c = mergeCurations(layer.curation, theirs.curation);
  report.curation = c.added;
  report.curationConflicts = c.conflicts;
  return {
    layer: {
      ...layer,
      added: report.addedEvents || report.addedConflicts ? added : layer.added,
      curation: isEmptyCuration(theirs.curation) ? layer.curation : c.curation,
    },
    report,
  };
}
