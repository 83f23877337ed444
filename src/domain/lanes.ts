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
  /**
   * Writes the lane numbers of an event into `out` (each lane once) and returns how many: an event with several
   * actors sits in each of their lanes. Allocates nothing; `out` needs room for `lanes.length` numbers.
   */
  lanesInto(position: number, out: Uint16Array): number;
  /** The lane numbers of an event, as a new array. */
  lanesOf(position: number): number[];
}

const NOUN: Record<Exclude<GroupBy, 'none'>, [string, string]> = {
  actor: ['actor', 'actors'],
  type: ['type', 'types'],
  place: ['place', 'places'],
};

/** The lane gathering the values past the top ones (`gathers` of them), holding `count` events. */
export function otherLaneOf(group: Exclude<GroupBy, 'none'>, gathers: number, count: number): Lane {
  const [one, many] = NOUN[group];
  return {
    id: 'other',
    label: `${gathers} more ${gathers === 1 ? one : many}`,
    count,
    kind: 'other',
    gathers,
  };
}

/** The lane of the events without a value in the grouping. */
export function noneLaneOf(group: Exclude<GroupBy, 'none'>, count: number): Lane {
  return { id: 'none', label: `No ${NOUN[group][0]}`, count, kind: 'none' };
}

/**
 * Plans lanes for a grouping: the `maxLanes` largest values by matching-event count each get a lane, ordered by
 * count; the rest share one "other" lane; events without a value get a "none" lane. Returns null for 'none'.
 * Reads the index's own columns (actors per event, or the event's type or place): a pass over the matches to count,
 * a second for the "other" lane's count when there is one, and nothing per event is stored, so a plan for a million
 * events costs milliseconds and no memory. An event's lanes are looked up when asked for.
 */
export function planLanes(
  index: DatasetIndex,
  matches: Bitset,
  group: GroupBy,
  maxLanes = 12,
): LanePlan | null {
  if (group === 'none') return null;
  // Several values per event (actors, CSR) or at most one (type, place: -1 for none).
  const multi = group === 'actor';
  const { actorOffsets: offsets, actorValues: values } = index;
  const column = group === 'type' ? index.eventType : index.eventPlace;
  const names =
    group === 'actor'
      ? index.entities.map((e) => e.name)
      : group === 'type'
        ? index.types.values
        : index.places.values;
  const counts = new Uint32Array(names.length);
  let noneCount = 0;
  // The matches a bitset word at a time, in plain loops (with a callback per event it took twice as long at 1M).
  const { words } = matches;
  for (let w = 0; w < words.length; w++) {
    for (let v = words[w]!; v !== 0;) {
      const bit = v & -v;
      v ^= bit;
      const i = (w << 5) + 31 - Math.clz32(bit);
      if (multi) {
        const a = offsets[i]!;
        const b = offsets[i + 1]!;
        if (a === b) noneCount++;
        for (let k = a; k < b; k++) counts[values[k]!]!++;
      } else if (column[i]! < 0) noneCount++;
      else counts[column[i]!]!++;
    }
  }
  const used: number[] = [];
  for (let v = 0; v < counts.length; v++) if (counts[v]! > 0) used.push(v);
  used.sort((a, b) => counts[b]! - counts[a]! || names[a]!.localeCompare(names[b]!));
  const top = used.slice(0, maxLanes);
  const rest = used.slice(maxLanes);

  const lanes: Lane[] = top.map((v) => {
    const id = group === 'actor' ? `actor:${index.entities[v]!.id}` : `${group}:${names[v]!}`;
    return { id, label: names[v]!, count: counts[v]!, kind: 'value' };
  });
  const otherLane = rest.length > 0 ? lanes.length : -1;
  const noneLane = noneCount > 0 ? lanes.length + (otherLane >= 0 ? 1 : 0) : -1;
  // Every value's lane: its own, the "other" lane, or -1 (a value no matching event has).
  const laneOfValue = new Int32Array(names.length).fill(-1);
  top.forEach((v, k) => (laneOfValue[v] = k));
  for (const v of rest) laneOfValue[v] = otherLane;

  const lanesInto = multi
    ? (i: number, out: Uint16Array): number => {
        const a = offsets[i]!;
        const b = offsets[i + 1]!;
        if (a === b) {
          if (noneLane < 0) return 0;
          out[0] = noneLane;
          return 1;
        }
        // An event's actors are distinct (the normaliser drops repeats), so only "other" can come twice.
        let n = 0;
        let sawOther = false;
        for (let k = a; k < b; k++) {
          const lane = laneOfValue[values[k]!]!;
          if (lane < 0) continue;
          if (lane === otherLane) {
            if (sawOther) continue;
            sawOther = true;
          }
          out[n++] = lane;
        }
        return n;
      }
    : (i: number, out: Uint16Array): number => {
        const v = column[i]!;
        const lane = v < 0 ? noneLane : laneOfValue[v]!;
        if (lane < 0) return 0;
        out[0] = lane;
        return 1;
      };

  if (otherLane >= 0) {
    // Events with at least one value gathered into "other", each counted once.
    let otherCount = 0;
    for (let w = 0; w < words.length; w++) {
      for (let v = words[w]!; v !== 0;) {
        const bit = v & -v;
        v ^= bit;
        const i = (w << 5) + 31 - Math.clz32(bit);
        if (!multi) {
          if (column[i]! >= 0 && laneOfValue[column[i]!] === otherLane) otherCount++;
          continue;
        }
        for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
          if (laneOfValue[values[k]!] === otherLane) {
            otherCount++;
            break;
          }
        }
      }
    }
    lanes.push(otherLaneOf(group, rest.length, otherCount));
  }
  if (noneLane >= 0) lanes.push(noneLaneOf(group, noneCount));
  const scratch = new Uint16Array(lanes.length);
  return {
    group,
    lanes,
    lanesInto,
    lanesOf: (position) => Array.from(scratch.subarray(0, lanesInto(position, scratch))),
  };
}
