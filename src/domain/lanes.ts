import type { Bitset } from './bitset';
import type { DatasetIndex } from './buildIndex';

export const GROUP_BYS = ['none', 'actor', 'type', 'place'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface Lane {
  id: string;
  label: string;
  /** Matching events in this lane. */
  count: number;
  kind: 'value' | 'other' | 'none';
  /** For an "other" lane: how many values it gathers. */
  gathers?: number;
}

/** Which lanes exist and which lanes each event falls in. */
export interface LanePlan {
  group: GroupBy;
  lanes: Lane[];
  /** The lane numbers of an event (an event with several actors sits in each of their lanes). */
  lanesOf(position: number): number[];
}

const NOUN: Record<Exclude<GroupBy, 'none'>, [string, string]> = {
  actor: ['actor', 'actors'],
  type: ['type', 'types'],
  place: ['place', 'places'],
};

/**
 * Plans lanes for a grouping: the `maxLanes` largest values by matching-event count each get a lane, ordered by
 * count; the rest share one "other" lane; events without a value get a "none" lane. Returns null for 'none'.
 */
export function planLanes(
  index: DatasetIndex,
  matches: Bitset,
  group: GroupBy,
  maxLanes = 12,
): LanePlan | null {
  if (group === 'none') return null;
  const valuesOf = valueReader(index, group);
  const names =
    group === 'actor'
      ? index.entities.map((e) => e.name)
      : group === 'type'
        ? index.types.values
        : index.places.values;
  const counts = new Uint32Array(names.length);
  let noneCount = 0;
  matches.forEach((i) => {
    const vs = valuesOf(i);
    if (vs.length === 0) noneCount++;
    for (const v of vs) counts[v]!++;
  });
  const used: number[] = [];
  for (let v = 0; v < counts.length; v++) if (counts[v]! > 0) used.push(v);
  used.sort((a, b) => counts[b]! - counts[a]! || names[a]!.localeCompare(names[b]!));
  const top = used.slice(0, maxLanes);
  const rest = used.slice(maxLanes);

  const laneOfValue = new Int32Array(names.length).fill(-1);
  const lanes: Lane[] = top.map((v, k) => {
    laneOfValue[v] = k;
    const id = group === 'actor' ? `actor:${index.entities[v]!.id}` : `${group}:${names[v]!}`;
    return { id, label: names[v]!, count: counts[v]!, kind: 'value' };
  });
  let otherLane = -1;
  if (rest.length > 0) {
    otherLane = lanes.length;
    const restSet = new Set(rest);
    let otherCount = 0;
    matches.forEach((i) => {
      if (valuesOf(i).some((v) => restSet.has(v))) otherCount++;
    });
    const [one, many] = NOUN[group];
    lanes.push({
      id: 'other',
      label: `${rest.length} more ${rest.length === 1 ? one : many}`,
      count: otherCount,
      kind: 'other',
      gathers: rest.length,
    });
  }
  let noneLane = -1;
  if (noneCount > 0) {
    noneLane = lanes.length;
    lanes.push({ id: 'none', label: `No ${NOUN[group][0]}`, count: noneCount, kind: 'none' });
  }
  return {
    group,
    lanes,
    lanesOf(position) {
      const vs = valuesOf(position);
      if (vs.length === 0) return noneLane >= 0 ? [noneLane] : [];
      const out: number[] = [];
      for (const v of vs) {
        const l = laneOfValue[v]!;
        const lane = l >= 0 ? l : otherLane;
        if (lane >= 0 && !out.includes(lane)) out.push(lane);
      }
      return out;
    },
  };
}

function valueReader(
  index: DatasetIndex,
  group: Exclude<GroupBy, 'none'>,
): (i: number) => number[] {
  if (group === 'actor') {
    const { actorOffsets, actorValues } = index;
    return (i) => Array.from(actorValues.subarray(actorOffsets[i]!, actorOffsets[i + 1]!));
  }
  const col = group === 'type' ? index.eventType : index.eventPlace;
  return (i) => (col[i]! >= 0 ? [col[i]!] : []);
}
