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
  binCount = 24,
  topCo = 8,
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
    if (ext) {
      const b = Math.min(
        binCount - 1,
        Math.max(0, Math.floor(((s - ext.start) / Math.max(1, ext.end - ext.start)) * binCount)),
      );
      bins[b]!++;
    }
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
