import type { Bitset } from './bitset';
import type { DatasetIndex } from './buildIndex';

export interface EntityProfile {
  count: number;
  firstSeen?: number;
  lastSeen?: number;
  /** Event counts over the data extent in equal bins (for a sparkline). */
  bins: number[];
  /** Other entities in the same matching events, most frequent first. */
  coActors: { code: number; count: number }[];
}

/** An entity's activity among the matching events: first and last seen, a sparkline, co-occurring actors. */
export function entityProfile(
  index: DatasetIndex,
  matches: Bitset,
  code: number,
  binCount = PROFILE_BINS,
  topCo = PROFILE_CO_ACTORS,
): EntityProfile {
  const postings = index.actorPostings[code] ?? new Uint32Array();
  const bins = new Array<number>(binCount).fill(0);
  const co = new Map<number, number>();
  const ext = index.extent;
  let count = 0;
  let firstSeen: number | undefined;
  let lastSeen: number | undefined;
  for (const i of postings) {
    if (!matches.has(i)) continue;
    count++;
    const s = index.starts[i]!;
    if (firstSeen === undefined || s < firstSeen) firstSeen = s;
    if (lastSeen === undefined || s > lastSeen) lastSeen = s;
    if (ext) bins[profileBin(s, ext, binCount)]!++;
    for (let k = index.actorOffsets[i]!; k < index.actorOffsets[i + 1]!; k++) {
      const other = index.actorValues[k]!;
      if (other !== code) co.set(other, (co.get(other) ?? 0) + 1);
    }
  }
  const coActors = [...co.entries()]
    .map(([c, n]) => ({ code: c, count: n }))
    .sort((a, b) => b.count - a.count || a.code - b.code)
    .slice(0, topCo);
  return { count, ...(firstSeen !== undefined ? { firstSeen, lastSeen } : {}), bins, coActors };
}

/** An entity's profile as both engines answer it (ViewEngine.profile, the API): co-actors by id and name. */
export interface EntityProfileAnswer {
  entityId: string;
  count: number;
  firstSeen?: number;
  lastSeen?: number;
  /** Matching events by start over the dataset's extent, PROFILE_BINS equal bins (see `profileBin`). */
  bins: number[];
  /** The PROFILE_CO_ACTORS most frequent other actors of its matching events; ties by entity order. */
  coActors: { id: string; name: string; count: number }[];
}

/** The sparkline's bins and the co-actors listed, in both engines. */
export const PROFILE_BINS = 24;
export const PROFILE_CO_ACTORS = 8;

/**
 * The bin of a start over the extent: floor((start - extent.start) / max(1, span) * bins), clamped to the bins.
 * The server writes the same arithmetic in SQL (server/db/queryProfile.ts), so both give the same bins.
 */
export function profileBin(
  start: number,
  extent: { start: number; end: number },
  binCount = PROFILE_BINS,
): number {
  return Math.min(
    binCount - 1,
    Math.max(
      0,
      Math.floor(((start - extent.start) / Math.max(1, extent.end - extent.start)) * binCount),
    ),
  );
}

/** The profile of the entity `entityId` among the matching events, in the API's form; undefined for an unknown id. */
export function entityProfileAnswer(
  index: DatasetIndex,
  matches: Bitset,
  entityId: string,
): EntityProfileAnswer | undefined {
  const code = index.entityLookup.get(entityId);
  return code === undefined ? undefined : profileAnswerOf(index, matches, code);
}

/** The profile of the entity numbered `code` among the matching events, in the API's form. */
export function profileAnswerOf(
  index: DatasetIndex,
  matches: Bitset,
  code: number,
): EntityProfileAnswer {
  const p = entityProfile(index, matches, code, PROFILE_BINS, PROFILE_CO_ACTORS);
  return {
    entityId: index.entities[code]!.id,
    count: p.count,
    ...(p.firstSeen !== undefined ? { firstSeen: p.firstSeen, lastSeen: p.lastSeen! } : {}),
    bins: p.bins,
    coActors: p.coActors.map((c) => ({
      id: index.entities[c.code]!.id,
      name: index.entities[c.code]!.name,
      count: c.count,
    })),
  };
}
