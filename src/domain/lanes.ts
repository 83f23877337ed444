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
  /** CSR layout of each event's lane numbers: lanes of event i are laneValues[laneOffsets[i]..laneOffsets[i+1]). */
  laneOffsets: Uint32Array;
  laneValues: Uint16Array;
  /** The lane numbers of an event (an event with several actors sits in each of their lanes). */
  lanesOf(position: number): number[];
}

const NOUN: Record<Exclude<GroupBy, 'none'>, [string, string]> = {
  actor: ['actor', 'actors'],
  type: ['type', 'types'],
  place: ['place', 'places'],
};

/** Each event's values for a grouping, as CSR (offsets, values); single-valued columns have 0 or 1 value. */
function valueColumns(
  index: DatasetIndex,
  group: Exclude<GroupBy, 'none'>,
): { offsets: Uint32Array; values: Uint32Array } {
  if (group === 'actor') return { offsets: index.actorOffsets, values: index.actorValues };
  const col = group === 'type' ? index.eventType : index.eventPlace;
  const offsets = new Uint32Array(index.size + 1);
  const values: number[] = [];
  for (let i = 0; i < index.size; i++) {
    offsets[i] = values.length;
    if (col[i]! >= 0) values.push(col[i]!);
  }
  offsets[index.size] = values.length;
  return { offsets, values: Uint32Array.from(values) };
}

/**
 * Plans lanes for a grouping: the `maxLanes` largest values by matching-event count each get a lane, ordered by
 * count; the rest share one "other" lane; events without a value get a "none" lane. Returns null for 'none'.
 * Costs one pass over the matches; lane lookups afterwards allocate nothing.
 */
export function planLanes(
  index: DatasetIndex,
  matches: Bitset,
  group: GroupBy,
  maxLanes = 12,
): LanePlan | null {
  if (group === 'none') return null;
  const { offsets, values } = valueColumns(index, group);
  const names =
    group === 'actor'
      ? index.entities.map((e) => e.name)
      : group === 'type'
        ? index.types.values
        : index.places.values;
  const counts = new Uint32Array(names.length);
  let noneCount = 0;
  matches.forEach((i) => {
    const a = offsets[i]!;
    const b = offsets[i + 1]!;
    if (a === b) noneCount++;
    for (let k = a; k < b; k++) counts[values[k]!]!++;
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
  const otherLane = rest.length > 0 ? lanes.length : -1;
  const noneLane = noneCount > 0 ? lanes.length + (otherLane >= 0 ? 1 : 0) : -1;

  // Lanes per event, for every event (the plan is reused for every window while the filters stay).
  const laneOffsets = new Uint32Array(index.size + 1);
  const laneValues = new Uint16Array(values.length + index.size);
  let otherCount = 0;
  let w = 0;
  for (let i = 0; i < index.size; i++) {
    laneOffsets[i] = w;
    const a = offsets[i]!;
    const b = offsets[i + 1]!;
    if (a === b) {
      if (noneLane >= 0) laneValues[w++] = noneLane;
      continue;
    }
    let sawOther = false;
    const first = w;
    for (let k = a; k < b; k++) {
      const l = laneOfValue[values[k]!]!;
      const lane = l >= 0 ? l : otherLane;
      if (lane < 0) continue;
      if (lane === otherLane) sawOther = true;
      let dup = false;
      for (let q = first; q < w; q++) if (laneValues[q] === lane) dup = true;
      if (!dup) laneValues[w++] = lane;
    }
    if (sawOther && matches.has(i)) otherCount++;
  }
  laneOffsets[index.size] = w;

  if (otherLane >= 0) {
    const [one, many] = NOUN[group];
    lanes.push({
      id: 'other',
      label: `${rest.length} more ${rest.length === 1 ? one : many}`,
      count: otherCount,
      kind: 'other',
      gathers: rest.length,
    });
  }
  if (noneLane >= 0)
    lanes.push({ id: 'none', label: `No ${NOUN[group][0]}`, count: noneCount, kind: 'none' });
  return {
    group,
    lanes,
    laneOffsets,
    laneValues,
    lanesOf: (position) =>
      Array.from(laneValues.subarray(laneOffsets[position]!, laneOffsets[position + 1]!)),
  };
}
