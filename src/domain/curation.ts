import { ENTITY_TYPES, type Entity, type EntityType } from './types';

/**
 * The analyst's curation of a dataset's entities: merges (an entity read as another one) and edits (a display
 * name, a type, aliases). Kept in the analyst's layer and applied when the dataset is joined with it, so the
 * dataset's own entities stay as they were; removing a merge ("unmerge") gives the dataset's reading back.
 */
export interface EntityEdit {
  name?: string;
  type?: EntityType;
  aliases?: string[];
}

export interface Curation {
  /** Entity id → the entity id it is merged into (which may itself be merged further). */
  merges: Record<string, string>;
  /** Entity id → what the analyst changed about it. */
  edits: Record<string, EntityEdit>;
}

export const EMPTY_CURATION: Curation = { merges: {}, edits: {} };

export const MAX_ENTITY_NAME = 300;
export const MAX_ALIASES = 64;
/** A merge chain longer than this is a loop or hostile; it stops there. */
const MAX_CHAIN = 64;

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** True when the curation changes nothing. */
export function isEmptyCuration(c: Curation): boolean {
  return Object.keys(c.merges).length === 0 && Object.keys(c.edits).length === 0;
}

/** The entity an id is read as after every merge (itself when it is not merged). */
export function curatedTarget(c: Curation, id: string): string {
  let at = id;
  for (let n = 0; n < MAX_CHAIN && own(c.merges, at); n++) {
    const next = c.merges[at]!;
    if (next === id) return id; // a loop leads back: read as itself
    at = next;
  }
  return at;
}

export type CurationChange = { ok: true; curation: Curation } | { ok: false; error: string };

/** Merges `from` into `into`: every event of `from` is then counted as `into`'s. Refuses a merge into itself. */
export function mergeEntity(c: Curation, from: string, into: string): CurationChange {
  if (from === into) return { ok: false, error: 'An entity cannot be merged into itself.' };
  if (curatedTarget(c, into) === from)
    return { ok: false, error: 'That entity is already merged into this one.' };
  return { ok: true, curation: { ...c, merges: { ...c.merges, [from]: into } } };
}

/** Undoes the merge of `from`: its events are its own again (entities merged into it stay merged into it). */
export function unmergeEntity(c: Curation, from: string): Curation {
  if (!own(c.merges, from)) return c;
  const merges = { ...c.merges };
  delete merges[from];
  return { ...c, merges };
}

/** The ids merged directly into `target`. */
export function mergedInto(c: Curation, target: string): string[] {
  return Object.keys(c.merges).filter((k) => c.merges[k] === target);
}

/** A name or alias as kept: white space folded, at most MAX_ENTITY_NAME characters; '' when nothing is left. */
export function cleanName(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, MAX_ENTITY_NAME);
}

function tidyEdit(e: EntityEdit): EntityEdit | undefined {
  const out: EntityEdit = {};
  const name = e.name !== undefined ? cleanName(e.name) : '';
  if (name) out.name = name;
  if (e.type !== undefined && (ENTITY_TYPES as readonly string[]).includes(e.type))
    out.type = e.type;
  const aliases = [...new Set((e.aliases ?? []).map(cleanName).filter(Boolean))].slice(
    0,
    MAX_ALIASES,
  );
  if (aliases.length) out.aliases = aliases;
  return Object.keys(out).length ? out : undefined;
}

/** The curation with one entity's edit changed (a rename, a type, aliases); an empty edit is removed. */
export function editEntity(
  c: Curation,
  id: string,
  change: (e: EntityEdit) => EntityEdit,
): Curation {
  const next = tidyEdit(change(own(c.edits, id) ? c.edits[id]! : {}));
  const edits = { ...c.edits };
  if (next) edits[id] = next;
  else delete edits[id];
  return { ...c, edits };
}

/**
 * The entities as curated: merged ones left out (their ids are looked up as their target's), edits applied, and
 * the names of merged entities added to their target's aliases so that the profile says what was merged.
 */
export function curateEntities(entities: readonly Entity[], c: Curation): Entity[] {
  if (isEmptyCuration(c)) return entities as Entity[];
  const known = new Set(entities.map((e) => e.id));
  const extraAliases = new Map<string, string[]>();
  for (const e of entities) {
    const t = curatedTarget(c, e.id);
    if (t !== e.id && known.has(t)) {
      let l = extraAliases.get(t);
      if (!l) extraAliases.set(t, (l = []));
      l.push(e.name, ...e.aliases);
    }
  }
  const out: Entity[] = [];
  for (const e of entities) {
    const t = curatedTarget(c, e.id);
    if (t !== e.id && known.has(t)) continue;
    const edit = own(c.edits, e.id) ? c.edits[e.id]! : undefined;
    const more = extraAliases.get(e.id);
    if (!edit && !more) {
      out.push(e);
      continue;
    }
    const name = edit?.name ?? e.name;
    const aliases = [
      ...new Set([
        ...e.aliases,
        ...(edit?.name && edit.name !== e.name ? [e.name] : []),
        ...(edit?.aliases ?? []),
        ...(more ?? []),
      ]),
    ].filter((a) => a !== name);
    out.push({ ...e, name, type: edit?.type ?? e.type, aliases });
  }
  return out;
}

/** An event's actors as curated: each read as its merge target, repeats dropped, order kept. */
export function curateActors(actors: readonly string[], c: Curation): string[] {
  const out: string[] = [];
  for (const a of actors) {
    const t = curatedTarget(c, a);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** Reads curation from untrusted JSON: keeps every well-formed merge and edit, drops the rest and counts them. */
export function readCuration(value: unknown): { curation: Curation; dropped: number } {
  let dropped = 0;
  if (value === undefined) return { curation: EMPTY_CURATION, dropped };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { curation: EMPTY_CURATION, dropped: 1 };
  const v = value as { merges?: unknown; edits?: unknown };
  const merges: Record<string, string> = {};
  if (typeof v.merges === 'object' && v.merges !== null && !Array.isArray(v.merges)) {
    for (const [from, into] of Object.entries(v.merges as Record<string, unknown>)) {
      if (typeof into === 'string' && into !== from && from.length <= 1000 && into.length <= 1000)
        Object.defineProperty(merges, from, { value: into, enumerable: true, writable: true });
      else dropped++;
    }
  }
  let edits: Record<string, EntityEdit> = {};
  let c: Curation = { merges, edits };
  if (typeof v.edits === 'object' && v.edits !== null && !Array.isArray(v.edits)) {
    for (const [id, raw] of Object.entries(v.edits as Record<string, unknown>)) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || id.length > 1000) {
        dropped++;
        continue;
      }
      const r = raw as { name?: unknown; type?: unknown; aliases?: unknown };
      const edit: EntityEdit = {
        ...(typeof r.name === 'string' ? { name: r.name } : {}),
        ...(typeof r.type === 'string' ? { type: r.type as EntityType } : {}),
        ...(Array.isArray(r.aliases)
          ? { aliases: r.aliases.filter((a): a is string => typeof a === 'string') }
          : {}),
      };
      const before = Object.keys(c.edits).length;
      c = editEntity(c, id, () => edit);
      if (Object.keys(c.edits).length === before) dropped++;
    }
    edits = c.edits;
  }
  return { curation: { merges, edits }, dropped };
}

/**
 * Joins an imported curation into this one without losing anything here: merges and edits this layer lacks are
 * taken; where both merged an entity or renamed it differently, this layer's choice stays and it is a conflict;
 * aliases are joined.
 */
export function mergeCurations(
  mine: Curation,
  theirs: Curation,
): { curation: Curation; added: number; conflicts: number } {
  let c = mine;
  let added = 0;
  let conflicts = 0;
  for (const [from, into] of Object.entries(theirs.merges)) {
    if (own(c.merges, from)) {
      if (c.merges[from] !== into) conflicts++;
      continue;
    }
    const r = mergeEntity(c, from, into);
    if (r.ok) {
      c = r.curation;
      added++;
    } else conflicts++;
  }
  for (const [id, edit] of Object.entries(theirs.edits)) {
    const here = own(c.edits, id) ? c.edits[id]! : undefined;
    if (!here) added++;
    else if (
      (here.name && edit.name && here.name !== edit.name) ||
      (here.type && edit.type && here.type !== edit.type)
    )
      conflicts++;
    c = editEntity(c, id, (e) => ({
      name: e.name ?? edit.name,
      type: e.type ?? edit.type,
      aliases: [...(e.aliases ?? []), ...(edit.aliases ?? [])],
    }));
  }
  return { curation: c, added, conflicts };
}
