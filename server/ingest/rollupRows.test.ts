// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/read/loadDataset';
import { buildIndex, type BuiltIndex } from '../../src/domain/buildIndex';
import { MS_PER_DAY } from '../../src/domain/dates';
import { searchableText, words } from '../../src/domain/textSearch';
import {
  LANE_ROLLUP,
  laneRollupMinEvents,
  ROLLUP_DIM,
  WORD_ROLLUP,
  wordRollupMinEvents,
} from '../db/schema';
import {
  laneDayRows,
  recordedWords,
  rollupWords,
  wordDayRows,
  wordPairRows,
  type EventWords,
} from './rollupRows';
import { eventAndDocRows, WordCodes, WordLists } from './rows';

/** A fixture's index and the dictionary its events rows fill, as the ingest has them when it builds the rollups. */
function ingested(file: string): {
  index: BuiltIndex;
  dict: Map<string, number>;
  ew: EventWords;
} {
  const out = loadDataset(new Uint8Array(readFileSync(file)), file.split('/').pop()!);
  if (!out.ok) throw new Error(out.error.message);
  const index = buildIndex(out.dataset, { measures: false });
  const dict = new WordCodes();
  const lists = new WordLists(index.size);
  // Writing the rows fills the dictionary and records each event's word codes.
  Array.from(eventAndDocRows(index, dict, lists));
  return { index, dict: dict.codes, ew: recordedWords(lists, dict.codes.size) };
}

/** A builder's COPY text as rows of numbers. */
const rowsOf = (g: Iterable<string>) =>
  [...g]
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((r) => r.split('\t').map(Number));

/** The chosen words' rollups, as rows of numbers, from the builder. */
function built(index: BuiltIndex, ew: EventWords, denseDays?: number) {
  const chosen = rollupWords(ew.counts, index.size);
  const starts = new Uint32Array(chosen.length + 1);
  const lists = chosen.map(() => [] as number[]);
  const slot = new Map(chosen.map((c, k) => [c, k]));
  for (let i = 0, j = 0; i < index.size; i++)
    for (; j < ew.ends[i]!; j++) {
      const k = slot.get(ew.seq[j]!);
      if (k !== undefined) lists[k]!.push(i);
    }
  lists.forEach((l, k) => (starts[k + 1] = starts[k]! + l.length));
  const postings = Uint32Array.from(lists.flat());
  return {
    chosen,
    counts: ew.counts,
    pairs: rowsOf(wordPairRows(index, chosen, starts, postings)),
    days: rowsOf(wordDayRows(index, chosen, starts, postings, denseDays)),
  };
}

/** Each event's word codes, straight from its searchable text. */
const eventCodes = (index: BuiltIndex, dict: Map<string, number>) =>
  index.events.map((e) => new Set(words(searchableText(index, e)).map((w) => dict.get(w)!)));

describe('word rollups from memory', () => {
  for (const file of [
    'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
    'e2e/fixtures/hostile.json',
  ])
    it(`${file}: the most frequent words, counted as the events table's words would be`, () => {
      const { index, dict, ew } = ingested(file);
      const { chosen, counts, pairs, days } = built(index, ew);
      // Days counted in arrays and days sorted (the path of ranges too wide for arrays) give the same rows.
      expect(built(index, ew, 0).days).toEqual(days);
      const byWord = new Map<number, number[]>();
      eventCodes(index, dict).forEach((s, i) => {
        for (const c of s) {
          const l = byWord.get(c);
          if (l) l.push(i);
          else byWord.set(c, [i]);
        }
      });
      const holding = (c: number) => byWord.get(c) ?? [];
      // The chosen words are the most frequent, above the share.
      expect(chosen.length).toBeGreaterThan(0);
      expect(chosen.length).toBeLessThanOrEqual(WORD_ROLLUP.maxWords);
      for (const c of chosen) {
        expect(counts[c]).toBe(holding(c).length);
        expect(counts[c]).toBeGreaterThanOrEqual(wordRollupMinEvents(index.size));
      }
      const least = Math.min(...chosen.map((c) => counts[c]!));
      const left = [...dict.values()].filter((c) => !chosen.includes(c));
      if (chosen.length === WORD_ROLLUP.maxWords)
        for (const c of left) expect(counts[c]!).toBeLessThanOrEqual(least);
      else for (const c of left) expect(counts[c]!).toBeLessThan(wordRollupMinEvents(index.size));

      // The most frequent and the least frequent chosen words, in detail.
      for (const c of [...chosen.slice(0, 4), ...chosen.slice(-4)]) {
        const evs = holding(c);
        // Pairs: the word's total, and its events by each dimension's value.
        const expected = new Map<string, number>();
        const add = (dim: number, v: number) =>
          expected.set(`${dim}:${v}`, (expected.get(`${dim}:${v}`) ?? 0) + 1);
        for (const i of evs) {
          add(ROLLUP_DIM.word, c);
          if (index.eventType[i]! >= 0) add(ROLLUP_DIM.type, index.eventType[i]!);
          if (index.eventPlace[i]! >= 0) add(ROLLUP_DIM.place, index.eventPlace[i]!);
          add(ROLLUP_DIM.prec, index.eventPrecision[i]!);
          add(ROLLUP_DIM.etypes, index.eventEntityTypes[i]!);
          for (let a = index.actorOffsets[i]!; a < index.actorOffsets[i + 1]!; a++)
            add(ROLLUP_DIM.actor, index.actorValues[a]!);
          for (let g = index.tagOffsets[i]!; g < index.tagOffsets[i + 1]!; g++)
            add(ROLLUP_DIM.tag, index.tagValues[g]!);
        }
        const got = new Map(
          pairs
            .filter((r) => r[0] === ROLLUP_DIM.word && r[1] === c)
            .map((r) => [`${r[2]}:${r[3]}`, r[4]!]),
        );
        expect(got).toEqual(expected);

        // Days: one row per day where an event starts, has its last millisecond or ends, with running counts.
        const key = (i: number) => {
          const e = index.events[i]!;
          return {
            s: Math.floor(e.start / MS_PER_DAY),
            e1: Math.floor((e.end - 1) / MS_PER_DAY),
            e2: Math.ceil(e.end / MS_PER_DAY) - 1,
          };
        };
        const ks = evs.map(key);
        const dayList = [...new Set(ks.flatMap((k) => [k.s, k.e1, k.e2]))].sort((a, b) => a - b);
        const mine = days.filter((r) => r[0] === ROLLUP_DIM.word && r[1] === c);
        expect(mine.map((r) => r[2])).toEqual(dayList);
        for (const [dim, val, d, cs, c1, c2, tiny, odd] of mine) {
          expect([dim, val]).toEqual([ROLLUP_DIM.word, c]);
          expect(cs).toBe(ks.filter((k) => k.s <= d!).length);
          expect(c1).toBe(ks.filter((k) => k.e1 <= d!).length);
          expect(c2).toBe(ks.filter((k) => k.e2 <= d!).length);
          expect(tiny).toBe(ks.filter((k) => k.s === d && k.e1 < k.s).length);
          expect(odd).toBe(ks.filter((k) => k.e2 === d && k.e2 !== k.e1).length);
        }
      }
    }, 30_000);
});

describe('lane rollup from memory', () => {
  for (const file of [
    'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
    'fixtures/files/acled-sample.csv',
  ])
    it(`${file}: the most frequent actors and tags, by day per type and small place dictionary`, () => {
      const { index } = ingested(file);
      const rows = rowsOf(laneDayRows(index));
      expect(rowsOf(laneDayRows(index, undefined, 0))).toEqual(rows);
      // Each event's actors and tags, and how many events hold each.
      const held = (i: number) => [
        ...Array.from(
          index.actorValues.subarray(index.actorOffsets[i]!, index.actorOffsets[i + 1]!),
          (v) => `${ROLLUP_DIM.actor}:${v}`,
        ),
        ...Array.from(
          index.tagValues.subarray(index.tagOffsets[i]!, index.tagOffsets[i + 1]!),
          (v) => `${ROLLUP_DIM.tag}:${v}`,
        ),
      ];
      const counts = new Map<string, number>();
      for (let i = 0; i < index.size; i++)
        for (const k of held(i)) counts.set(k, (counts.get(k) ?? 0) + 1);
      const keys = [...new Set(rows.map((r) => `${r[0]}:${r[1]}`))];
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThanOrEqual(LANE_ROLLUP.maxKeys);
      const least = Math.min(...keys.map((k) => counts.get(k)!));
      expect(least).toBeGreaterThanOrEqual(laneRollupMinEvents(index.size));
      // Every key left out is rarer than those in, or below the share, or of events without a lane value.
      for (const [k, n] of counts)
        if (!keys.includes(k))
          expect(
            n <= least ||
              n < laneRollupMinEvents(index.size) ||
              keys.length === LANE_ROLLUP.maxKeys,
          ).toBe(true);
      // The lane dimensions: those of at most LANE_ROLLUP.maxValues values.
      const dims = new Set(rows.map((r) => r[2]));
      expect(dims.has(ROLLUP_DIM.type)).toBe(index.types.values.length <= LANE_ROLLUP.maxValues);
      expect(dims.has(ROLLUP_DIM.place)).toBe(
        index.places.values.length > 0 && index.places.values.length <= LANE_ROLLUP.maxValues,
      );
      // A key's running count on its last day, per lane value: its events holding that value.
      for (const [dim, of] of [
        [ROLLUP_DIM.type, index.eventType],
        [ROLLUP_DIM.place, index.eventPlace],
      ] as const)
        for (const k of keys) {
          const expected = new Map<number, number>();
          for (let i = 0; i < index.size; i++)
            if (held(i).includes(k) && of[i]! >= 0)
              expected.set(of[i]!, (expected.get(of[i]!) ?? 0) + 1);
          const last = new Map<number, number>();
          for (const r of rows) if (`${r[0]}:${r[1]}` === k && r[2] === dim) last.set(r[3]!, r[5]!);
          if (dims.has(dim)) expect(last).toEqual(expected);
          else expect(last.size).toBe(0);
        }
    }, 30_000);
});
