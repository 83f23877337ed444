import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BuiltIndex } from '../../src/domain/buildIndex';
import { MS_PER_DAY } from '../../src/domain/dates';
import type { WordLists } from './rows';
import {
  LANE_ROLLUP,
  laneRollupDdl,
  laneRollupIndexes,
  laneRollupMinEvents,
  ROLLUP_DIM,
  rollupDdl,
  tables,
  WORD_ROLLUP,
  wordRollupDdl,
  wordRollupIndexes,
  wordRollupMinEvents,
} from '../db/schema';

/**
 * The rollups built from the ingest's memory instead of SQL scans of the events table after the rows are in: the
 * values' (schema.ts `pairs`, `days`: each dimension's events grouped by value once, then counted by the other
 * dimensions and by day, as schema.ts rollupSql would) and the frequent words' (`wpairs`, `wdays`). Each event's
 * words are those its events row holds, recorded as the row was written (rows.ts WordLists), so the rows are those
 * the SQL form (schema.ts wordRollupSql) would build.
 */

/** Each event's distinct word codes, event after event: codes of event i are seq[ends[i-1] .. ends[i]). */
export interface EventWords {
  seq: Uint32Array;
  ends: Uint32Array;
  /** How many events hold each word code. */
  counts: Uint32Array;
}

/** The word lists recorded as the events rows were written (rows.ts WordLists), with each code's event count. */
export function recordedWords(lists: WordLists, dictSize: number): EventWords {
  const seq = lists.codes();
  const counts = new Uint32Array(dictSize);
  for (const c of seq) counts[c]!++;
  return { seq, ends: lists.ends, counts };
}

/** The rollup words: the most frequent (WORD_ROLLUP.maxWords) held by at least its share of the events. */
export function rollupWords(counts: Uint32Array, size: number): number[] {
  const min = wordRollupMinEvents(size);
  const out: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c]! >= min) out.push(c);
  out.sort((a, b) => counts[b]! - counts[a]! || a - b);
  return out.slice(0, WORD_ROLLUP.maxWords);
}

/** The events of each chosen word, ascending: postings[starts[k] .. starts[k+1]) for chosen[k]. */
function postingsOf(ew: EventWords, chosen: number[], size: number) {
  const slot = new Int32Array(ew.counts.length).fill(-1);
  chosen.forEach((c, k) => (slot[c] = k));
  const starts = new Uint32Array(chosen.length + 1);
  for (let k = 0; k < chosen.length; k++) starts[k + 1] = starts[k]! + ew.counts[chosen[k]!]!;
  const fill = starts.slice(0, chosen.length);
  const postings = new Uint32Array(starts[chosen.length]!);
  for (let i = 0, j = 0; i < size; i++)
    for (const end = ew.ends[i]!; j < end; j++) {
      const k = slot[ew.seq[j]!]!;
      if (k >= 0) postings[fill[k]!++] = i;
    }
  return { starts, postings };
}

/** The widest range of days counted in arrays (about 5,700 years); wider ones are sorted. */
const DENSE_DAYS = 1 << 21;

/** A double as COPY reads it back. */
const num = (x: number) => (Number.isFinite(x) ? String(x) : x > 0 ? 'Infinity' : '-Infinity');

/**
 * The `wpairs` rows of the chosen words (COPY text): each word with itself (its total), and its events by actor,
 * tag, type, place, precision and entity-type pattern, as the SQL form's `GROUP BY` would count them.
 */
export function* wordPairRows(
  index: BuiltIndex,
  chosen: number[],
  starts: Uint32Array,
  postings: Uint32Array,
): Generator<string> {
  const W = ROLLUP_DIM.word;
  const counts = new DimensionCounts(index);
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    yield `${W}\t${c}\t${W}\t${c}\t${starts[k + 1]! - starts[k]!}\n`;
    counts.add(postings, starts[k]!, starts[k + 1]!);
    yield counts.rows(W, c);
  }
}

/** A value's events counted by every actor, tag, type, place, precision and entity-type pattern they hold. */
class DimensionCounts {
  private readonly actor: Uint32Array;
  private readonly tag: Uint32Array;
  private readonly type: Uint32Array;
  private readonly place: Uint32Array;
  private readonly prec = new Uint32Array(256);
  private readonly etypes = new Uint32Array(256);
  /** In ROLLUP_DIM order, as the tables' rows go. */
  private readonly counts: [dim: number, n: Uint32Array][];

  constructor(private readonly index: BuiltIndex) {
    this.actor = new Uint32Array(index.entities.length);
    this.tag = new Uint32Array(index.tags.values.length);
    this.type = new Uint32Array(index.types.values.length);
    this.place = new Uint32Array(index.places.values.length);
    const D = ROLLUP_DIM;
    this.counts = [
      [D.actor, this.actor],
      [D.tag, this.tag],
      [D.type, this.type],
      [D.place, this.place],
      [D.prec, this.prec],
      [D.etypes, this.etypes],
    ];
  }

  /** Counts the events postings[from .. to); their actors and tags unless told not to. */
  add(postings: Uint32Array, from: number, to: number, actors = true, tags = true): void {
    const { index: x, actor, tag, type, place, prec, etypes } = this;
    for (let j = from; j < to; j++) {
      const i = postings[j]!;
      if (actors)
        for (let a = x.actorOffsets[i]!; a < x.actorOffsets[i + 1]!; a++)
          actor[x.actorValues[a]!]!++;
      if (tags)
        for (let g = x.tagOffsets[i]!; g < x.tagOffsets[i + 1]!; g++) tag[x.tagValues[g]!]!++;
      const t = x.eventType[i]!;
      if (t >= 0) type[t]!++;
      const p = x.eventPlace[i]!;
      if (p >= 0) place[p]!++;
      prec[x.eventPrecision[i]!]!++;
      etypes[x.eventEntityTypes[i]!]!++;
    }
  }

  /** Sets one value's count (a value's own row: its total). */
  set(dim: number, value: number, n: number): void {
    this.counts.find(([d]) => d === dim)![1][value] = n;
  }

  /** The rows (COPY text) of value `va` of dimension `da` against every value counted, which are then cleared. */
  rows(da: number, va: number): string {
    let batch = '';
    for (const [db, n] of this.counts)
      for (let v = 0; v < n.length; v++)
        if (n[v] !== 0) {
          batch += `${da}\t${va}\t${db}\t${v}\t${n[v]}\n`;
          n[v] = 0;
        }
    return batch;
  }
}

/**
 * The `wdays` rows of the chosen words (COPY text): per word and UTC day where one of its events starts, has its
 * last millisecond or ends, the running counts up to that day and the day's two corrections, as schema.ts's
 * `perValue` and `daysTable` compute them.
 */
export function* wordDayRows(
  index: BuiltIndex,
  chosen: number[],
  starts: Uint32Array,
  postings: Uint32Array,
  denseDays = DENSE_DAYS,
): Generator<string> {
  for (let k = 0; k < chosen.length; k++)
    yield* dayRows(
      index,
      `${ROLLUP_DIM.word}\t${chosen[k]!}`,
      postings,
      starts[k]!,
      starts[k + 1]!,
      denseDays,
    );
}

/**
 * The day rows (`days`, `wdays`, `ldays`) of one key (its columns, COPY text), whose events are
 * postings[from .. to): per UTC day where one of them starts, has its last millisecond or ends, the running counts
 * up to that day and the day's two corrections.
 */
function* dayRows(
  index: BuiltIndex,
  key: string,
  postings: Uint32Array,
  from: number,
  to: number,
  denseDays = DENSE_DAYS,
): Generator<string> {
  const m = to - from;
  const s = new Float64Array(m);
  const e1 = new Float64Array(m);
  const e2 = new Float64Array(m);
  const tiny = new Map<number, number>();
  const odd = new Map<number, number>();
  for (let j = 0; j < m; j++) {
    const i = postings[from + j]!;
    s[j] = Math.floor(index.starts[i]! / MS_PER_DAY);
    e1[j] = Math.floor((index.ends[i]! - 1) / MS_PER_DAY);
    e2[j] = Math.ceil(index.ends[i]! / MS_PER_DAY) - 1;
    if (e1[j]! < s[j]!) tiny.set(s[j]!, (tiny.get(s[j]!) ?? 0) + 1);
    if (e2[j]! !== e1[j]!) odd.set(e2[j]!, (odd.get(e2[j]!) ?? 0) + 1);
  }
  let batch = '';
  const row = (d: number, a: number, b: number, d2: number) =>
    `${key}\t${num(d)}\t${a}\t${b}\t${d2}\t${tiny.get(d) ?? 0}\t${odd.get(d) ?? 0}\n`;
  // Days within a bounded range (any dataset of human history) are counted in arrays; the rest are sorted.
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [s, e1, e2])
    for (let j = 0; j < m; j++) {
      if (x[j]! < lo) lo = x[j]!;
      if (x[j]! > hi) hi = x[j]!;
    }
  if (hi - lo < denseDays) {
    const span = hi - lo + 1;
    const [ns, n1, n2] = [new Uint32Array(span), new Uint32Array(span), new Uint32Array(span)];
    for (let j = 0; j < m; j++) {
      ns[s[j]! - lo]!++;
      n1[e1[j]! - lo]!++;
      n2[e2[j]! - lo]!++;
    }
    for (let x = 0, a = 0, b = 0, d2 = 0; x < span; x++) {
      if (ns[x] === 0 && n1[x] === 0 && n2[x] === 0) continue;
      a += ns[x]!;
      b += n1[x]!;
      d2 += n2[x]!;
      batch += row(lo + x, a, b, d2);
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    yield batch;
    return;
  }
  s.sort();
  e1.sort();
  e2.sort();
  let a = 0;
  let b = 0;
  let d2 = 0;
  while (a < m || b < m || d2 < m) {
    const d = Math.min(
      a < m ? s[a]! : Infinity,
      b < m ? e1[b]! : Infinity,
      d2 < m ? e2[d2]! : Infinity,
    );
    while (a < m && s[a] === d) a++;
    while (b < m && e1[b] === d) b++;
    while (d2 < m && e2[d2] === d) d2++;
    batch += row(d, a, b, d2);
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield batch;
}

/** Every event's values of one rollup dimension, grouped by value: value v's events are postings[starts[v] .. starts[v+1]). */
interface Grouped {
  dim: number;
  starts: Uint32Array;
  postings: Uint32Array;
}

/** Groups events by value, ascending within each value; `each(i, emit)` emits event i's values of the dimension. */
function groupBy(
  dim: number,
  size: number,
  values: number,
  each: (i: number, emit: (v: number) => void) => void,
): Grouped {
  const counts = new Uint32Array(values + 1);
  for (let i = 0; i < size; i++) each(i, (v) => counts[v + 1]!++);
  for (let v = 0; v < values; v++) counts[v + 1]! += counts[v]!;
  const starts = counts;
  const fill = starts.slice(0, values);
  const postings = new Uint32Array(starts[values]!);
  for (let i = 0; i < size; i++) each(i, (v) => (postings[fill[v]!++] = i));
  return { dim, starts, postings };
}

/**
 * The dimensions of `pairs` and `days` grouped from the index, in the tables' order (ROLLUP_DIM ascending): every
 * event (`all`, one value 0), each actor, tag, type, place, precision and entity-type pattern.
 */
export function groupedDimensions(index: BuiltIndex): Grouped[] {
  const n = index.size;
  const D = ROLLUP_DIM;
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return [
    { dim: D.all, starts: Uint32Array.of(0, n), postings: all },
    groupBy(D.actor, n, index.entities.length, (i, emit) => {
      for (let a = index.actorOffsets[i]!; a < index.actorOffsets[i + 1]!; a++)
        emit(index.actorValues[a]!);
    }),
    groupBy(D.tag, n, index.tags.values.length, (i, emit) => {
      for (let g = index.tagOffsets[i]!; g < index.tagOffsets[i + 1]!; g++)
        emit(index.tagValues[g]!);
    }),
    groupBy(D.type, n, index.types.values.length, (i, emit) => {
      if (index.eventType[i]! >= 0) emit(index.eventType[i]!);
    }),
    groupBy(D.place, n, index.places.values.length, (i, emit) => {
      if (index.eventPlace[i]! >= 0) emit(index.eventPlace[i]!);
    }),
    groupBy(D.prec, n, 256, (i, emit) => emit(index.eventPrecision[i]!)),
    groupBy(D.etypes, n, 256, (i, emit) => emit(index.eventEntityTypes[i]!)),
  ];
}

/**
 * The `pairs` rows (COPY text), in the table's order, as schema.ts's `rollupSql` builds them: for `all`, its total
 * and every value of every dimension; for a value of a one-value dimension (type, place, precision, entity-type
 * pattern), the values of every dimension among its events; for an actor or a tag, its total and the values of the
 * other dimensions among its events (not the other actors of an actor's events, nor a tag's other tags).
 */
export function* pairRows(
  index: BuiltIndex,
  grouped = groupedDimensions(index),
): Generator<string> {
  const D = ROLLUP_DIM;
  const counts = new DimensionCounts(index);
  for (const { dim, starts, postings } of grouped) {
    for (let v = 0; v + 1 < starts.length; v++) {
      const from = starts[v]!;
      const to = starts[v + 1]!;
      if (from === to) continue;
      counts.add(postings, from, to, dim !== D.actor, dim !== D.tag);
      // An actor's (a tag's) own row is its total: its events, not its co-occurrences with other actors (tags).
      if (dim === D.actor || dim === D.tag) counts.set(dim, v, to - from);
      yield (dim === D.all ? `${D.all}\t0\t${D.all}\t0\t${to - from}\n` : '') + counts.rows(dim, v);
    }
  }
}

/** The `days` rows (COPY text), in the table's order: per dimension and value, its day rows. */
export function* valueDayRows(
  index: BuiltIndex,
  grouped = groupedDimensions(index),
  denseDays = DENSE_DAYS,
): Generator<string> {
  for (const { dim, starts, postings } of grouped)
    for (let v = 0; v + 1 < starts.length; v++)
      if (starts[v] !== starts[v + 1])
        yield* dayRows(index, `${dim}\t${v}`, postings, starts[v]!, starts[v + 1]!, denseDays);
}

/**
 * The lane rollup's keys (schema.ts LANE_ROLLUP): the actors and tags held by at least its share of the events, the
 * most frequent first (ties by dimension, then code), at most its cap.
 */
export function laneRollupKeys(
  grouped: readonly Grouped[],
  size: number,
): { xd: number; xv: number }[] {
  const min = laneRollupMinEvents(size);
  const out: { xd: number; xv: number; n: number }[] = [];
  for (const g of grouped)
    if (g.dim === ROLLUP_DIM.actor || g.dim === ROLLUP_DIM.tag)
      for (let v = 0; v + 1 < g.starts.length; v++) {
        const n = g.starts[v + 1]! - g.starts[v]!;
        if (n >= min) out.push({ xd: g.dim, xv: v, n });
      }
  out.sort((a, b) => b.n - a.n || a.xd - b.xd || a.xv - b.xv);
  return out.slice(0, LANE_ROLLUP.maxKeys).map(({ xd, xv }) => ({ xd, xv }));
}

/**
 * The `ldays` rows (COPY text), as schema.ts's `laneRollupSql` builds them: for each lane rollup key, its events
 * grouped by the value of each lane dimension (type, place) of at most LANE_ROLLUP.maxValues values, each value's
 * day rows.
 */
export function* laneDayRows(
  index: BuiltIndex,
  grouped = groupedDimensions(index),
  denseDays = DENSE_DAYS,
): Generator<string> {
  const lanes = (
    [
      [ROLLUP_DIM.type, index.eventType, index.types.values.length],
      [ROLLUP_DIM.place, index.eventPlace, index.places.values.length],
    ] as const
  ).filter(([, , values]) => values <= LANE_ROLLUP.maxValues);
  for (const { xd, xv } of laneRollupKeys(grouped, index.size)) {
    const g = grouped.find((x) => x.dim === xd)!;
    const from = g.starts[xv]!;
    for (const [dim, valueOf, values] of lanes) {
      // The key's events by lane value: positions within the key's events, then made event numbers again.
      const byValue = groupBy(dim, g.starts[xv + 1]! - from, values, (j, emit) => {
        const v = valueOf[g.postings[from + j]!]!;
        if (v >= 0) emit(v);
      });
      const { starts, postings } = byValue;
      for (let k = 0; k < postings.length; k++) postings[k] = g.postings[from + postings[k]!]!;
      for (let v = 0; v < values; v++)
        if (starts[v] !== starts[v + 1])
          yield* dayRows(
            index,
            `${xd}\t${xv}\t${dim}\t${v}`,
            postings,
            starts[v]!,
            starts[v + 1]!,
            denseDays,
          );
    }
  }
}

/**
 * Lets the parsed events go once their rows are written: the rollups and indexes that follow read the index's
 * columns only. At ten million events the parsed events are most of the heap, which the collector would otherwise
 * walk again at every full collection while the rollups allocate their rows.
 */
export function releaseEvents(dataset: { events: unknown[] }, index: BuiltIndex): void {
  dataset.events.length = 0;
  index.events.length = 0;
  index.dataset.events.length = 0;
}

async function copyRows(client: PoolClient, table: string, rows: Iterable<string>) {
  const source = Readable.from(
    (function* () {
      let batch = '';
      for (const r of rows) {
        batch += r;
        if (batch.length > 1 << 16) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    })(),
  );
  // FREEZE: the table was created in this transaction, so its rows can be written as already visible to all.
  await pipeline(source, client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FREEZE)`)));
}

/**
 * Creates and fills a version's `pairs` and `days` (schema.ts) from the index, on a connection inside the transaction
 * that writes the version's rows; their indexes are built with the version's others. Logs how long.
 */
export async function copyValueRollups(
  client: PoolClient,
  version: string,
  index: BuiltIndex,
  log: (line: string) => void,
): Promise<void> {
  const t0 = performance.now();
  const t = tables(version);
  const grouped = groupedDimensions(index);
  await client.query(rollupDdl(version));
  await copyRows(client, t.pairs, pairRows(index, grouped));
  await copyRows(client, t.days, valueDayRows(index, grouped));
  log(`Built the value rollups (${((performance.now() - t0) / 1000).toFixed(1)} s).`);
  const t1 = performance.now();
  await client.query(laneRollupDdl(version));
  await copyRows(client, t.laneDays, laneDayRows(index, grouped));
  for (const sql of laneRollupIndexes(version)) await client.query(sql);
  const keys = laneRollupKeys(grouped, index.size).length;
  log(
    `Built the lane rollups of ${keys.toLocaleString('en')} frequent actors and tags (${((performance.now() - t1) / 1000).toFixed(1)} s).`,
  );
}

/**
 * Creates, fills and indexes a version's word rollups, on a connection inside the transaction that writes the
 * version's rows (after the events rows, whose words filled `dict`); logs how many words and how long.
 */
export async function copyWordRollups(
  client: PoolClient,
  version: string,
  index: BuiltIndex,
  ew: EventWords,
  log: (line: string) => void,
): Promise<void> {
  const t0 = performance.now();
  const t = tables(version);
  const chosen = rollupWords(ew.counts, index.size);
  const { starts, postings } = postingsOf(ew, chosen, index.size);
  await client.query(wordRollupDdl(version));
  await copyRows(client, t.wordPairs, wordPairRows(index, chosen, starts, postings));
  await copyRows(client, t.wordDays, wordDayRows(index, chosen, starts, postings));
  for (const sql of wordRollupIndexes(version)) await client.query(sql);
  log(
    `Built the rollups of ${chosen.length.toLocaleString('en')} frequent words (${((performance.now() - t0) / 1000).toFixed(1)} s).`,
  );
}
