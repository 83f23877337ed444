import type { Pool, PoolClient } from 'pg';
import type {
  AnswerEventItem,
  AnswerOptions as QueryOptions,
  AnswerPart,
  ListRow,
  MatchesAnswer,
  ViewAnswer,
  WindowAnswer,
} from '../../src/domain/viewAnswer';
import type { Filters } from '../../src/domain/filters';
import type { Bbox } from '../../src/domain/geo';
import { MS_PER_DAY } from '../../src/domain/dates';
import { histogramBounds } from '../../src/domain/histogram';
import { noneLaneOf, otherLaneOf, type GroupBy, type Lane } from '../../src/domain/lanes';
import {
  bucketBounds,
  bucketDensity,
  bucketUnitFor,
  DEFAULT_LOD,
  eventShape,
  paddedWindow,
  type BucketItem,
  type LodOptions,
} from '../../src/domain/levelOfDetail';
import type { SortKey } from '../../src/domain/eventOrder';
import { dateRangeBounds, type StaleValues } from '../../src/domain/query';
import { parseTextQuery, words } from '../../src/domain/textSearch';
import { spellingTable, spellingVariants, type SpellingTable } from '../../src/domain/spellings';
import { ENTITY_TYPES, PRECISIONS, type Entity, type TimelineEvent } from '../../src/domain/types';
import type { FacetMaps } from '../ingest/rows';
import { pgText } from '../ingest/rows';
import { datasetTables, DAY_KEYS, LETTERED, ROLLUP_DIM, SCHEMA, tables } from './schema';
import {
  dayAligned,
  hasRollups,
  named as namedCounts,
  patternsToTypes,
  versionKey,
  fromDays,
  rollupBuckets,
  rollupCounts,
  rollupHistogram,
  rollupRangeCounts,
  rollupTerms,
  rollupWindowCount,
  singleWord,
  usableTerms,
  type DaySource,
  type RollupTerm,
  inLaneRollup,
} from './rollups';
import { DayProfile, DayTally, keepProfile, keptProfile, laneProfilesKept } from './viewProfile';
import type { DatasetRecord } from './catalog';
import { KeptAnswers } from './kept';

export type DimKey =
  'actor' | 'etype' | 'type' | 'tag' | 'place' | 'prec' | 'text' | 'date' | 'area';

export type {
  AnswerOptions as QueryOptions,
  ListRow,
  ViewAnswer,
} from '../../src/domain/viewAnswer';
export type ServerEventItem = AnswerEventItem;
/** A count bucket, as the browser's level-of-detail plan draws it. */
export type ServerBucketItem = BucketItem;

/** Per-version lookups (entity ids, dimension values), read once and kept while the version is current. */
export interface VersionDicts {
  entities: Entity[];
  entityIds: string[];
  entityNames: string[];
  entityTypes: string[];
  types: string[];
  tags: string[];
  places: string[];
}

export async function loadDicts(db: Pool | PoolClient, version: string): Promise<VersionDicts> {
  const t = tables(version);
  const ents = await db.query<{ id: string; name: string; type: string; doc: string }>(
    `SELECT id, name, type, doc FROM ${t.entities} ORDER BY code`,
  );
  const vals = await db.query<{ dim: string; value: string }>(
    `SELECT dim, value FROM ${t.values} ORDER BY dim, code`,
  );
  const of = (dim: string) => vals.rows.filter((r) => r.dim === dim).map((r) => r.value);
  return {
    entities: ents.rows.map((r) => JSON.parse(r.doc) as Entity),
    entityIds: ents.rows.map((r) => r.id),
    entityNames: ents.rows.map((r) => r.name),
    entityTypes: ents.rows.map((r) => r.type),
    types: of('type'),
    tags: of('tag'),
    places: of('place'),
  };
}

/** A filter's SQL condition, its parameters numbered in the statement it is written into. */
export type Cond = (p: Params) => string;

/** SQL parameters, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const lookupIn = (values: readonly string[]) => {
  const m = new Map<string, number>();
  values.forEach((v, i) => m.set(v, i));
  return m;
};

/** Maps of value → code, built once per dictionary. */
const lookups = new WeakMap<readonly string[], Map<string, number>>();
function lookup(values: readonly string[]): Map<string, number> {
  let m = lookups.get(values);
  if (!m) lookups.set(values, (m = lookupIn(values)));
  return m;
}

function resolve(values: readonly string[], dict: readonly string[], stale: string[]): number[] {
  const m = lookup(dict);
  const out: number[] = [];
  for (const v of values) {
    const c = m.get(pgText(v));
    if (c === undefined) stale.push(v);
    else out.push(c);
  }
  return out;
}

/** Escapes LIKE's wildcards, so a query word is matched as written. */
const likePrefix = (w: string) => `${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One edit per five letters, as the browser's search allows (see src/domain/textSearch.ts). */
const maxEdits = (word: string) =>
  word.length >= 5 ? Math.min(6, Math.round(word.length * 0.2)) : 0;

/** fuzzystrmatch's levenshtein reads at most 255 characters; longer words match by prefix only. */
const LEVENSHTEIN_MAX = 255;

/**
 * The filters as SQL: one condition per active dimension (for the facet rule), with the stale values and the
 * notices the browser engine gives for the same filters.
 */
export async function filterConditions(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
) {
  const t = tables(ds.version);
  const stale: StaleValues = { actors: [], xactors: [], types: [], tags: [], places: [] };
  const notices: string[] = [];
  const conds = new Map<DimKey, Cond>();
  let highlightTerms: string[] = [];

  const inc = resolve(f.actors, dicts.entityIds, stale.actors);
  const exc = resolve(f.xactors, dicts.entityIds, stale.xactors);
  if (inc.length > 0 || exc.length > 0) {
    conds.set('actor', (p) => {
      const parts: string[] = [];
      if (inc.length > 0)
        parts.push(`actors ${f.match === 'all' ? '@>' : '&&'} ${p.add(inc)}::int[]`);
      if (exc.length > 0) parts.push(`NOT (actors && ${p.add(exc)}::int[])`);
      return parts.join(' AND ');
    });
  }
  let bits = 0;
  if (f.etypes.length > 0) {
    for (const e of f.etypes) bits |= 1 << Math.max(0, ENTITY_TYPES.indexOf(e));
    conds.set('etype', (p) => `(etypes & ${p.add(bits)}::smallint) <> 0`);
  }
  const codes: { type?: number[]; place?: number[]; tag?: number[]; word?: number } = {};
  // One value is an equality, not `= ANY` of one: the value's (column, start_ms) index then reads its events in
  // start order, so a list page in date order stops at the page instead of filtering the start index.
  const anyOf = (column: string, cs: number[], type: string, p: Params) =>
    cs.length === 1
      ? `${column} = ${p.add(cs[0])}::${type}`
      : `${column} = ANY(${p.add(cs)}::${type}[])`;
  const single = (key: 'type' | 'place', column: string, cs: number[]) => {
    codes[key] = cs;
    conds.set(key, (p) => (cs.length === 0 ? 'false' : anyOf(column, cs, 'int', p)));
  };
  if (f.types.length > 0) single('type', 'type', resolve(f.types, dicts.types, stale.types));
  if (f.places.length > 0) single('place', 'place', resolve(f.places, dicts.places, stale.places));
  if (f.tags.length > 0) {
    const cs = (codes.tag = resolve(f.tags, dicts.tags, stale.tags));
    conds.set('tag', (p) => (cs.length === 0 ? 'false' : `tags && ${p.add(cs)}::int[]`));
  }
  if (f.prec.length > 0)
    conds.set('prec', (p) =>
      anyOf('prec', [...new Set(f.prec.map((x) => PRECISIONS.indexOf(x)))], 'smallint', p),
    );

  if (f.q.trim() !== '') {
    const text = await textCondition(
      db,
      t.words,
      spellingsOf(dicts),
      datasetTables(ds).docs,
      f.q,
      ds.ingestedAt,
    );
    highlightTerms = text.terms;
    conds.set('text', text.sql);
    if (text.word !== undefined) codes.word = text.word;
  }

  const bounds = dateRangeBounds(f, notices);
  const spans = await versionSpans(db, ds);
  if (bounds) conds.set('date', (p) => overlap(bounds.from, bounds.to, spans, p));
  const box = f.bbox;
  if (box && ds.meta.coordinates) conds.set('area', (p) => inBox(box, p));
  else if (box)
    notices.push(
      'The area filter is not applied: this dataset was ingested before the server kept coordinates; ingest it again.',
    );
  const active = [...conds.keys()];
  const termsOf = (keys: DimKey[]) => rollupTerms(keys, f, inc, exc, codes, bits);
  const terms = termsOf(active);
  /** The view without one dimension's filter as rollup terms (for that dimension's facet), when they allow. */
  const termsWithout = (key: DimKey) => termsOf(active.filter((k) => k !== key));
  return { conds, stale, notices, highlightTerms, terms, termsWithout, spans, range: bounds };
}

/**
 * Events placed in the box, as the browser's `inBbox`: edges included, across the antimeridian when west > east,
 * and -180 and 180 one meridian. Events without a drawable place have null lat/lon and never match.
 */
export function inBox(b: Bbox, p: Params): string {
  const [w, s, e, n] = [b.west, b.south, b.east, b.north].map((x) => `${p.add(x)}::float8`);
  const within = (x: string) =>
    b.west <= b.east ? `(${x} BETWEEN ${w} AND ${e})` : `(${x} >= ${w} OR ${x} <= ${e})`;
  return `lat BETWEEN ${s} AND ${n} AND (${within('lon')} OR (abs(lon) = 180 AND ${within('-lon')}))`;
}

/** How long a version's events last: the 99th percentile (`short`, from the ingest) and the longest. */
export interface Spans {
  short: number;
  longest: number;
}

/** The longest event's duration, read once per version from the long events. */
const longestSpans = new KeptAnswers<number>(256);
export async function versionSpans(db: Pool | PoolClient, ds: DatasetRecord): Promise<Spans> {
  const longest = await longestSpans.ask(versionKey(ds), () =>
    db
      .query<{ n: number | null }>(
        `SELECT max(end_ms - start_ms) AS n FROM ${tables(ds.version).events} WHERE long`,
      )
      .then((r) => r.rows[0]?.n ?? ds.meta.shortSpan),
  );
  return { short: ds.meta.shortSpan, longest };
}

/**
 * Events overlapping [from, to): start before `to`, end after `from`. Short events (up to `spans.short` long, the
 * 99th percentile) also start at most that before `from`, which bounds the index range scanned; the long ones
 * have their own partial index. Every event starts at most the longest duration before `from`: said as well, so
 * that a scan of the starts in index order (which the planner may pick over the two ranges) starts there.
 */
function overlap(from: number, to: number, spans: Spans, p: Params): string {
  const parts: string[] = [];
  if (to !== Infinity) parts.push(`start_ms < ${p.add(to)}::float8`);
  if (from !== -Infinity) {
    parts.push(`end_ms > ${p.add(from)}::float8`);
    parts.push(`(start_ms >= ${p.add(from - spans.short)}::float8 OR long)`);
    // A day's margin: the durations are differences of floats, and this bound only narrows the index range.
    const earliest = from - spans.longest - MS_PER_DAY;
    if (Number.isFinite(earliest)) parts.push(`start_ms >= ${p.add(earliest)}::float8`);
  }
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/**
 * The text filter, with the browser's rule: every query word matches an indexed word it or one of its equivalent
 * spellings begins, or (from five letters) one within its edit distance; words of a quoted phrase match exactly (or
 * as an equivalent spelling), and the phrase, written one of the ways those spellings allow, must appear in the
 * event's searchable text.
 */
async function textCondition(
  db: Pool | PoolClient,
  wordsTable: string,
  spellings: SpellingTable,
  docsTable: string,
  q: string,
  ingestedAt: string,
): Promise<{ sql: Cond; terms: string[]; word?: number }> {
  const { codes, terms, phrases } = await wordCodes(db, wordsTable, spellings, q, ingestedAt);
  if (codes.length === 0 || codes.some((c) => c.length === 0))
    return { sql: () => 'false', terms: [] };
  const word = singleWord({ codes, phrases: phrases.flat() });
  return {
    ...(word !== undefined ? { word } : {}),
    sql: (p) =>
      [
        ...codes.map((c) => `words && ${p.add(c)}::int[]`),
        // The searchable text is in the docs table; the word codes above narrow the events first.
        ...phrases.map(
          (ways) =>
            `pos IN (SELECT pos FROM ${docsTable} WHERE ${ways.map((ph) => `strpos(search, ${p.add(ph)}) > 0`).join(' OR ')})`,
        ),
      ].join(' AND '),
    terms,
  };
}

/**
 * The word codes each query word matches, per words table (a table belongs to one ingested version, never
 * rewritten, so its lookups can be kept): a pan or a facet click with the same text asks the table again only
 * when the query left the cache. Typo lookups over millions of words take hundreds of milliseconds.
 */
const WORD_CACHE_SIZE = 256;
const wordCache = new KeptAnswers<{ codes: number[][]; terms: string[]; phrases: string[][] }>(
  WORD_CACHE_SIZE,
);

function wordCodes(
  db: Pool | PoolClient,
  wordsTable: string,
  spellings: SpellingTable,
  q: string,
  ingestedAt: string,
) {
  // The ingest's time beside the table's name: a database recreated from scratch numbers its versions anew.
  const key = `${wordsTable}\u0000${ingestedAt}\u0000${q}`;
  return wordCache.ask(key, () => lookUpWords(db, wordsTable, spellings, q));
}

/**
 * A version's equivalent spellings, as the browser's text index has them (`spellingTable`): the built-in table and
 * the one-word names and aliases of its entities (its dictionaries hold them), built once per version.
 */
const spellingTables = new WeakMap<VersionDicts, SpellingTable>();

function spellingsOf(dicts: VersionDicts): SpellingTable {
  let table = spellingTables.get(dicts);
  if (!table) spellingTables.set(dicts, (table = spellingTable(dicts.entities)));
  return table;
}

async function lookUpWords(
  db: Pool | PoolClient,
  wordsTable: string,
  spellings: SpellingTable,
  q: string,
): Promise<{ codes: number[][]; terms: string[]; phrases: string[][] }> {
  const { terms, phrases } = parseTextQuery(q);
  const wanted: { word: string; loose: boolean }[] = [];
  for (const term of terms)
    for (const w of words(term)) wanted.push({ word: pgText(w), loose: true });
  for (const ph of phrases)
    for (const w of words(ph)) wanted.push({ word: pgText(w), loose: false });
  if (wanted.length === 0) return { codes: [], terms: [], phrases: [] };
  const lp = new Params();
  const selects = wanted.map(({ word, loose }, k) => {
    // The word and its equivalent spellings (the word first), as the browser's `expand` reads them.
    const ways = [word, ...(spellings.get(word) ?? []).filter((w) => w !== word)];
    if (!loose)
      return `SELECT ${k} AS k, code, word FROM ${wordsTable} WHERE word = ANY(${lp.add(ways)}::text[])`;
    const prefix = ways.map((w) => `word LIKE ${lp.add(likePrefix(w))}::text`).join(' OR ');
    const edits = maxEdits(word);
    if (edits === 0 || word.length > LEVENSHTEIN_MAX)
      return `SELECT ${k} AS k, code, word FROM ${wordsTable} WHERE ${prefix}`;
    const w = lp.add(word);
    // A word of digits alone is never within reach of a query word without digits: each of its digits would be
    // an edit, and it is longer than the edits allowed (at least the query word's length less them, which is more
    // than them from five letters). Those words, most of a large corpus's, are skipped by a partial index.
    const lettered = /[0-9]/.test(word) ? '' : `AND ${LETTERED}`;
    return `SELECT ${k} AS k, code, word FROM ${wordsTable} WHERE ${prefix}
            OR (length(word) BETWEEN ${word.length - edits} AND ${word.length + edits} ${lettered}
                AND CASE WHEN length(word) <= ${LEVENSHTEIN_MAX}
                    THEN ${SCHEMA}.levenshtein_less_equal(word, ${w}::text, ${edits}) <= ${edits} ELSE false END)`;
  });
  const { rows } = await db.query<{ k: number; code: number; word: string }>(
    selects.join(' UNION ALL '),
    lp.values,
  );
  const codes = wanted.map(() => [] as number[]);
  const matched = new Set<string>();
  for (const r of rows) {
    codes[r.k]!.push(r.code);
    if (wanted[r.k]!.loose) matched.add(r.word);
  }
  return {
    codes,
    terms: [...matched],
    phrases: phrases.map((ph) =>
      spellingVariants(spellings, ph.toLowerCase().replace(/\s+/g, ' ')).map(pgText),
    ),
  };
}

const bitsToTypes = (rows: { v: number; n: string }[]) => {
  const out: Record<string, number> = {};
  for (const { v, n } of rows)
    for (let t = 0, bits = v; bits !== 0; bits >>>= 1, t++)
      if (bits & 1) out[ENTITY_TYPES[t]!] = (out[ENTITY_TYPES[t]!] ?? 0) + Number(n);
  return out;
};

/** Writes the WHERE clause of every active filter but `except` into a statement's parameters. */
type Where = (p: Params, except?: DimKey) => string;

/** The rollup dimension a facet counts. */
const FACET_DIM: Partial<Record<DimKey, number>> = {
  actor: ROLLUP_DIM.actor,
  tag: ROLLUP_DIM.tag,
  type: ROLLUP_DIM.type,
  place: ROLLUP_DIM.place,
  prec: ROLLUP_DIM.prec,
  etype: ROLLUP_DIM.etypes,
};

/** The events table's column of each rollup dimension, and whether it holds an array of values. */
const ROLLUP_COLUMN: Record<number, { name: string; array: boolean }> = {
  [ROLLUP_DIM.actor]: { name: 'actors', array: true },
  [ROLLUP_DIM.tag]: { name: 'tags', array: true },
  [ROLLUP_DIM.type]: { name: 'type', array: false },
  [ROLLUP_DIM.place]: { name: 'place', array: false },
  [ROLLUP_DIM.prec]: { name: 'prec', array: false },
  [ROLLUP_DIM.etypes]: { name: 'etypes', array: false },
  [ROLLUP_DIM.word]: { name: 'words', array: true },
};

/** Runs a statement whose parameters were collected in `p`. */
export type Run = <R extends object>(sql: (p: Params) => string) => Promise<R[]>;

/** Runs the query for a view state against one dataset version. */
export async function queryView(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
  o: QueryOptions,
): Promise<ViewAnswer> {
  const q = await prepare(db, ds, dicts, f);
  // The parts of the answer are independent statements: they run side by side on the pool's connections.
  const [matches, drawn] = await Promise.all([matchesPart(q, o), windowPart(q, o)]);
  return { ...matches, ...drawn };
}

/** One half of the answer (AnswerPart in src/domain/viewAnswer.ts): a pan asks for the window's only. */
export async function queryPart(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
  o: QueryOptions,
  part: AnswerPart,
): Promise<MatchesAnswer | WindowAnswer> {
  const q = await prepare(db, ds, dicts, f);
  return part === 'matches' ? matchesPart(q, o) : windowPart(q, o);
}

/** A view's filters as SQL, ready for the statements of either half. */
interface Prepared {
  ctx: Ctx;
  ds: DatasetRecord;
  dicts: VersionDicts;
  active: DimKey[];
  stale: StaleValues;
  notices: string[];
  highlightTerms: string[];
}

async function prepare(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
): Promise<Prepared> {
  const t = datasetTables(ds);
  const { conds, stale, notices, highlightTerms, terms, termsWithout, spans, range } =
    await filterConditions(db, ds, dicts, f);
  const active = [...conds.keys()];
  const where: Where = (p, except) =>
    active
      .filter((k) => k !== except)
      .map((k) => `(${conds.get(k)!(p)})`)
      .join(' AND ') || 'true';
  const run: Run = async <R extends object>(sql: (p: Params) => string) => {
    const p = new Params();
    const text = sql(p);
    return (await db.query(text, p.values)).rows as R[];
  };
  const ctx: Ctx = {
    run,
    where,
    events: t.events,
    docs: t.docs,
    values: t.values,
    pairs: t.pairs,
    days: t.days,
    spans,
    dated: conds.has('date'),
    viewKey: '',
    profiled: daySpan(ds) <= MAX_PROFILE_DAYS,
    eventCount: ds.eventCount,
    laneDays: t.laneDays,
    inLaneRollup: (xd, xv, dim) => inLaneRollup(db, ds, xd, xv, dim),
    ...(ds.meta.extent ? { extent: ds.meta.extent } : {}),
  };
  const key = new Params();
  ctx.viewKey = [ds.version, ds.ingestedAt, where(key), JSON.stringify(key.values)].join('\u0000');
  ctx.profile = keptProfile(ctx.viewKey);
  // A word's rollups are their own tables, of the same shape.
  const tablesOf = (usable: RollupTerm[]) =>
    usable.some((x) => x.dim === ROLLUP_DIM.word)
      ? { pairs: t.wordPairs, days: t.wordDays }
      : { pairs: t.pairs, days: t.days };
  const usable = await usableTerms(db, ds, terms);
  if (usable) Object.assign(ctx, { terms: usable }, tablesOf(usable));
  if (active.length > 1)
    ctx.facetRollups = async (key) => {
      const rest = await usableTerms(db, ds, termsWithout(key), false);
      return rest && { terms: rest, pairs: tablesOf(rest).pairs };
    };
  // A filtered dimension's facet when the rest of the view is a date range: per value, from `days`.
  const other = FACET_DIM[active.find((k) => k !== 'date') ?? 'date'];
  const column = other === undefined ? undefined : ROLLUP_COLUMN[other];
  // (Those starting before its end less those ending by its start: a range whose ends are the wrong way round
  // matches the long events across it, which that rule does not count.)
  if (
    range &&
    range.from <= range.to &&
    active.length === 2 &&
    column &&
    (await hasRollups(db, ds))
  )
    ctx.rangeFacet = (key) =>
      key === 'date' || !active.includes(key)
        ? Promise.resolve(undefined)
        : rollupRangeCounts(
            run,
            { pairs: t.pairs, days: t.days, events: t.events },
            FACET_DIM[key]!,
            column,
            range,
          );
  return { ctx, ds, dicts, active, stale, notices, highlightTerms };
}

/** Count, facets (each without its own dimension's filter), histogram and a page of rows. */
async function matchesPart(q: Prepared, o: QueryOptions): Promise<MatchesAnswer> {
  const { ctx, ds, dicts, active } = q;
  if (ctx.terms) return rollupMatches(q, o, o.histogramRange ?? ds.meta.extent);
  const { run, where, events } = ctx;
  // A filtered dimension's facet, when the view's other filters are rollup terms: read from `pairs`.
  const fromRollups = async (key: DimKey) => {
    if (!active.includes(key)) return undefined;
    const ranged = await ctx.rangeFacet?.(key);
    if (ranged) return { byDim: new Map([[FACET_DIM[key]!, ranged]]) };
    const rest = await ctx.facetRollups?.(key);
    return rest && rollupCounts(run, rest.pairs, rest.terms);
  };
  const grouped = (col: string) => (w: string) =>
    `SELECT ${col} AS v, count(*) AS n FROM ${events} WHERE ${w} GROUP BY 1`;
  const unnested = (col: string) => (w: string) =>
    `SELECT x AS v, count(*) AS n FROM ${events}, unnest(${col}) x WHERE ${w} GROUP BY 1`;
  const range = o.histogramRange ?? ds.meta.extent;
  const bins = range ? histogramBounds(range, o.histogramBins ?? 120) : undefined;
  // Everything that reads the view's whole WHERE (the count, the facets of the dimensions it does not filter, the
  // histogram) comes from one scan of the matches, kept once (MATERIALIZED) and aggregated by each part: the
  // matches' rows are found and read once rather than once per part. A filtered dimension's facet leaves its own
  // filter out, so it has a statement of its own (or the rollups, above).
  const whole = active.length === 0 ? undefined : wholeScan(ctx, active, bins?.bounds);
  if (whole && ctx.profiled)
    void whole.then(
      (rows) => keepProfile(ctx.viewKey, profileOf(rows)),
      () => {},
    );
  const fromWhole = async (part: WholePart) => {
    const out = new Map<number, number>();
    for (const r of await whole!) if (r.k === part && r.v !== null) out.set(r.v, Number(r.n));
    return out;
  };
  const facet = async (
    key: DimKey,
    field: keyof FacetMaps,
    sql: (w: string) => string,
    name: (v: number) => string,
  ) => {
    if (active.every((k) => k === key)) return ds.meta.allFacets[field];
    if (!active.includes(key)) return namedCounts(await fromWhole(WHOLE[field]), name);
    const rest = await fromRollups(key);
    if (rest) return namedCounts(rest.byDim.get(FACET_DIM[key]!), name);
    const out: Record<string, number> = {};
    for (const r of await run<{ v: number | null; n: string }>((p) => sql(where(p, key))))
      if (r.v !== null) out[name(r.v)] = Number(r.n);
    return out;
  };
  const names = facetNames(dicts);
  const histogram = async (): Promise<ViewAnswer['histogram']> => {
    if (!range || !bins) return null;
    if (!whole) return histogramOf(ctx, range, o.histogramBins ?? 120);
    const nb = bins.bounds.length - 1;
    const counts = new Array<number>(nb).fill(0);
    for (const [k, n] of await fromWhole(WHOLE.histogram))
      counts[Math.min(nb - 1, Math.max(0, k))]! += n;
    return { bounds: bins.bounds, counts, max: Math.max(0, ...counts), unit: bins.unit };
  };
  const [count, actors, etypes, types, tags, places, prec, hist, rows] = await Promise.all([
    whole ? fromWhole(WHOLE.count).then((m) => m.get(0) ?? 0) : ds.eventCount,
    facet('actor', 'actors', unnested('actors'), names.actors),
    active.every((k) => k === 'etype')
      ? ds.meta.allFacets.etypes
      : active.includes('etype')
        ? fromRollups('etype').then((c) =>
            c
              ? patternsToTypes(c.byDim.get(ROLLUP_DIM.etypes))
              : run<{ v: number; n: string }>((p) => grouped('etypes')(where(p, 'etype'))).then(
                  bitsToTypes,
                ),
          )
        : fromWhole(WHOLE.etypes).then((m) =>
            bitsToTypes([...m].map(([v, n]) => ({ v, n: String(n) }))),
          ),
    facet('type', 'types', grouped('type'), names.types),
    facet('tag', 'tags', unnested('tags'), names.tags),
    facet('place', 'places', grouped('place'), names.places),
    facet('prec', 'prec', grouped('prec'), names.prec),
    histogram(),
    o.list === 'view' ? [] : listRows(ctx, o),
  ]);
  const facets = { actors, etypes, types, tags, places, prec };
  return matchesAnswer(q, { count, facets, histogram: hist, rows });
}

/** How each facet names its dimension's codes (entity types are named from their bit patterns). */
function facetNames(
  dicts: VersionDicts,
): Record<Exclude<keyof FacetMaps, 'etypes'>, (v: number) => string> {
  return {
    actors: (v) => dicts.entityIds[v]!,
    types: (v) => dicts.types[v]!,
    tags: (v) => dicts.tags[v]!,
    places: (v) => dicts.places[v]!,
    prec: (v) => PRECISIONS[v]!,
  };
}

/** The matches half's answer: its parts, and what reading the view's filters said (stale values, notices). */
function matchesAnswer(
  q: Prepared,
  parts: Pick<MatchesAnswer, 'count' | 'facets' | 'histogram' | 'rows'>,
): MatchesAnswer {
  return { ...parts, stale: q.stale, notices: q.notices, highlightTerms: q.highlightTerms };
}

/** The parts of the whole-WHERE scan's answer (its rows' `k`). */
const WHOLE = {
  count: 0,
  types: 1,
  places: 2,
  prec: 3,
  etypes: 4,
  actors: 5,
  tags: 6,
  histogram: 7,
  // The day profile (viewProfile.ts): matches by UTC day of start (v), of last millisecond (e1) and of end (e2).
  days: 8,
} as const;
type WholePart = (typeof WHOLE)[keyof typeof WHOLE];

/** A row of the whole scan: `e1` and `e2` only in its day profile's rows. */
interface WholeRow {
  k: WholePart;
  v: number | null;
  n: string;
  e1: number | null;
  e2: number | null;
}

/**
 * One statement over the view's matches, found once: the count (k 0, v 0), the counts by value of every dimension
 * the view does not filter (k by WHOLE), matches by start in the histogram's bins (k 7, v the bin), and by day
 * keys for the day profile (k 8).
 */
function wholeScan(ctx: Ctx, active: readonly DimKey[], bounds: number[] | undefined) {
  const { run, where, events } = ctx;
  return run<WholeRow>((p) => {
    const parts = [
      `SELECT ${WHOLE.count} AS k, 0 AS v, count(*) AS n, NULL::float8 AS e1, NULL::float8 AS e2 FROM m`,
    ];
    const single = [
      ['type', 'type', WHOLE.types],
      ['place', 'place', WHOLE.places],
      ['prec', 'prec', WHOLE.prec],
      ['etype', 'etypes', WHOLE.etypes],
    ] as const;
    for (const [key, col, k] of single)
      if (!active.includes(key))
        parts.push(`SELECT ${k}, ${col}::int, count(*), NULL, NULL FROM m GROUP BY ${col}`);
    if (!active.includes('actor'))
      parts.push(
        `SELECT ${WHOLE.actors}, x, count(*), NULL, NULL FROM m, unnest(m.actors) x GROUP BY x`,
      );
    if (!active.includes('tag'))
      parts.push(
        `SELECT ${WHOLE.tags}, x, count(*), NULL, NULL FROM m, unnest(m.tags) x GROUP BY x`,
      );
    if (bounds) {
      const nb = bounds.length - 1;
      parts.push(`SELECT ${WHOLE.histogram}, width_bucket(start_ms, ${p.add(bounds)}::float8[]) - 1, count(*),
                         NULL, NULL
                    FROM m WHERE start_ms >= ${p.add(bounds[0])}::float8 AND start_ms < ${p.add(bounds[nb])}::float8
                   GROUP BY 2`);
    }
    if (ctx.profiled) {
      // The day keys of the `days` rollup, per match.
      const { s, e1, e2 } = DAY_KEYS;
      parts.push(`SELECT ${WHOLE.days}, ${s}, count(*), ${e1}, ${e2} FROM m GROUP BY 2, 4, 5`);
    }
    return `WITH m AS MATERIALIZED (SELECT type, place, prec, etypes, actors, tags, start_ms, end_ms
                                     FROM ${events} WHERE ${where(p)})
            ${parts.join(' UNION ALL ')}`;
  });
}

/** A day profile keeps at most this many days per key: a span of about 270 years. */
const MAX_PROFILE_DAYS = 100_000;

/**
 * The most events a view's lane profiles scan to be made (DAY_KEYS by lane), and the fewest events-in-lanes a
 * bucket range must hold for them to be made rather than the range's events scanned.
 */
const LANE_PROFILE = { maxScanned: 4_000_000, minInRange: 200_000 } as const;

/** The dataset's extent in days. */
function daySpan(ds: DatasetRecord): number {
  const e = ds.meta.extent;
  return e ? (e.end - e.start) / MS_PER_DAY : 0;
}

/**
 * Each lane's day profile for a view with lanes, when day-aligned buckets are asked of enough of its events (a
 * quarter of the extent, or more events-in-lanes than LANE_PROFILE.minInRange): made once per view and lanes, and
 * kept, so that every pan's buckets come from them. Narrower bucket ranges of fewer events scan their own events.
 * A build past the statement timeout is kept as not made.
 */
async function laneProfiles(
  ctx: Ctx,
  lanes: SqlLanes,
  bounds: number[],
): Promise<DayProfile[] | undefined> {
  const kept = laneProfilesKept.get(laneKey(ctx, lanes));
  if (kept) return kept;
  const extent = ctx.extent;
  if (!extent) return undefined;
  const inLanes = lanes.lanes.reduce((n, l) => n + l.count, 0);
  const share = (bounds[bounds.length - 1]! - bounds[0]!) / Math.max(1, extent.end - extent.start);
  if (share < 1 / 4 && inLanes * share < LANE_PROFILE.minInRange) return undefined;
  return askLaneProfiles(ctx, lanes, inLanes);
}

/** A view's lanes' key: the view's and its lanes' (their values, in lane order). */
const laneKey = (ctx: Ctx, lanes: SqlLanes) =>
  `${ctx.viewKey}\u0000${lanes.lanes.map((l) => l.id).join('\u0000')}`;

/**
 * The lanes' profiles, made (or being made) once per view and lanes, if their scans read at most
 * LANE_PROFILE.maxScanned events (the view's `matches` or fewer); else undefined.
 */
async function askLaneProfiles(
  ctx: Ctx,
  lanes: SqlLanes,
  matches: number,
): Promise<DayProfile[] | undefined> {
  if (!ctx.profiled) return undefined;
  const key = laneKey(ctx, lanes);
  const kept = laneProfilesKept.get(key);
  if (kept) return kept;
  const parts = await laneParts(ctx, lanes, matches);
  const scanned = parts.reduce((n, x) => n + (x.kind === 'scan' ? x.events : 0), 0);
  if (scanned > LANE_PROFILE.maxScanned) return undefined;
  return laneProfilesKept.ask(key, () =>
    buildLaneProfiles(ctx, lanes, parts).catch((e: unknown) => {
      if ((e as { code?: string }).code === TIMED_OUT) return undefined;
      throw e;
    }),
  );
}

/** PostgreSQL's error code for a statement cancelled by statement_timeout. */
const TIMED_OUT = '57014';

/**
 * What a view's lanes' events are made of, each part added with a sign: rows of the `days` rollup (lane, dimension,
 * value), or of the `ldays` rollup (the same for one frequent actor's or tag's events, `xd`/`xv`), or the events a
 * condition scans, by lane. The view's own matches, scanned, unless the view is rollup terms and its lanes a
 * one-value dimension (type, place): then a term on every event or on the lanes' dimension is each lane's values'
 * rows of `days`, a term on a frequent actor or tag (included, or an excluded actor) its rows of `ldays`, and only
 * a term on another value scans (a rarer actor's events, rather than the corpus less them).
 */
type DaysKey = { lane: number; dim: number; val: number; xd?: number; xv?: number };
type LanePart =
  | { kind: 'days'; sign: 1 | -1; keys: DaysKey[] }
  | { kind: 'scan'; sign: 1 | -1; where: (p: Params) => string; events: number };

/** Dictionaries past this many values make each lane a sum of too many `days` rows: the matches are scanned. */
const MAX_LANE_DAYS_VALUES = 512;

async function laneParts(ctx: Ctx, lanes: SqlLanes, matches: number): Promise<LanePart[]> {
  const whole: LanePart[] = [
    { kind: 'scan', sign: 1, where: (p) => ctx.where(p), events: matches },
  ];
  const { group, top, other, none, codes } = lanes;
  if (!ctx.terms || group === 'actor' || codes > MAX_LANE_DAYS_VALUES) return whole;
  const G: number = ROLLUP_DIM[group];
  const D = ROLLUP_DIM;
  const rest = (keep: (c: number) => boolean) =>
    Array.from({ length: codes }, (_, c) => c).filter((c) => !top.includes(c) && keep(c));
  // The events of a key (`all`, or an actor or tag from `ldays`) by lane: each lane's values' rows; the none
  // lane's, the key's events less those of each value.
  const byValue = (total: { dim: number; val: number }, x?: { xd: number; xv: number }) => {
    const keys: DaysKey[] = top.map((v, lane) => ({ lane, dim: G, val: v, ...x }));
    if (other >= 0)
      keys.push(...rest(() => true).map((val) => ({ lane: other, dim: G, val, ...x })));
    if (none >= 0) {
      keys.push({ lane: none, ...total });
      for (let val = 0; val < codes; val++) keys.push({ lane: -1 - none, dim: G, val, ...x });
    }
    return keys;
  };
  return Promise.all(
    ctx.terms.map(async (t): Promise<LanePart> => {
      if (t.dim === D.all)
        return { kind: 'days', sign: t.sign, keys: byValue({ dim: D.all, val: 0 }) };
      if (t.dim === G && t.codes) {
        const held = (c: number) => t.codes!.includes(c);
        const keys = top.flatMap((v, lane) => (held(v) ? [{ lane, dim: G, val: v }] : []));
        if (other >= 0) keys.push(...rest(held).map((val) => ({ lane: other, dim: G, val })));
        return { kind: 'days', sign: t.sign, keys };
      }
      const one = t.codes?.length === 1 ? t.codes[0]! : undefined;
      if (
        (t.dim === D.actor || t.dim === D.tag) &&
        one !== undefined &&
        (await ctx.inLaneRollup(t.dim, one, G))
      ) {
        const x = { xd: t.dim, xv: one };
        return { kind: 'days', sign: t.sign, keys: byValue({ dim: t.dim, val: one }, x) };
      }
      // Only an exclusion has a negative term: its events are the corpus less the view's matches.
      const events = t.sign === 1 ? matches : Math.max(0, ctx.eventCount - matches);
      return { kind: 'scan', sign: t.sign, where: (p) => termWhere(t, p), events };
    }),
  );
}

/** A rollup term's events as a condition on the events table (`e`). */
function termWhere(t: RollupTerm, p: Params): string {
  const col = ROLLUP_COLUMN[t.dim];
  if (!col) return 'true';
  if (t.bits !== undefined) return `(e.${col.name} & ${p.add(t.bits)}::int) <> 0`;
  const codes = `${p.add(t.codes ?? [])}::int[]`;
  return col.array ? `e.${col.name} && ${codes}` : `e.${col.name} = ANY(${codes})`;
}

/**
 * How many lane profiles' parts were read from `days`, how many of those from `ldays` too, and how many scanned (the
 * integration test checks which).
 */
export const laneProfileParts = { days: 0, laneDays: 0, scans: 0 };

/** The `xd` of a key read from `days`; the others are read from `ldays` (an actor's or tag's events by lane value). */
const NOT_LANE_DAYS = -9;

/** The lanes' profiles from their parts, read side by side. */
async function buildLaneProfiles(
  ctx: Ctx,
  lanes: SqlLanes,
  parts: LanePart[],
): Promise<DayProfile[]> {
  const tallies = lanes.lanes.map(() => new DayTally());
  await Promise.all(
    parts.map(async (part) => {
      laneProfileParts[part.kind === 'scan' ? 'scans' : 'days']++;
      if (part.kind === 'scan') {
        const rows = await ctx.run<{ lane: number; s: number; e1: number; e2: number; n: string }>(
          (p) => lanes.laneDaysSql(p, part.where(p)),
        );
        for (const r of rows)
          tallies[r.lane]?.addKeys(
            Number(r.s),
            Number(r.e1),
            Number(r.e2),
            part.sign * Number(r.n),
          );
        return;
      }
      if (part.keys.length === 0) return;
      const fromLaneDays = part.keys.some((x) => x.xd !== undefined);
      if (fromLaneDays) laneProfileParts.laneDays++;
      const rows = await ctx.run<{ lane: number; days: string | null }>((p) => {
        const keys = part.keys;
        const xd = p.add(keys.map((x) => x.xd ?? NOT_LANE_DAYS));
        const xv = p.add(keys.map((x) => x.xv ?? 0));
        // Each key's running sums differenced back into its days' counts.
        const diffs = `cs - lag(cs, 1, 0::bigint) OVER w AS ns, c1 - lag(c1, 1, 0::bigint) OVER w AS n1,
                       c2 - lag(c2, 1, 0::bigint) OVER w AS n2, tiny, odd`;
        const laneDays = fromLaneDays
          ? `UNION ALL SELECT xd, xv, dim, val, d, ${diffs} FROM ${ctx.laneDays}
                WHERE (xd, xv, dim, val) IN (SELECT DISTINCT xd, xv, dim, val FROM k WHERE xd <> ${NOT_LANE_DAYS})
               WINDOW w AS (PARTITION BY xd, xv, dim, val ORDER BY d)`
          : '';
        // Summed by lane and day (the keys of lane -1 - k are taken away from lane k), each lane's days one text
        // (`d,s,e1,e2,tiny,odd;…`): tens of thousands of rows as a dozen, read back in a fraction of the time.
        return `SELECT lane, string_agg(concat_ws(',', d, ns, n1, n2, tiny, odd), ';') AS days FROM (WITH k (lane, xd, xv, dim, val) AS (SELECT * FROM unnest(${p.add(keys.map((x) => x.lane))}::int[],
                  ${xd}::int[], ${xv}::int[], ${p.add(keys.map((x) => x.dim))}::int[],
                  ${p.add(keys.map((x) => x.val))}::int[])),
                y AS (SELECT ${NOT_LANE_DAYS} AS xd, 0 AS xv, dim, val, d, ${diffs}
                        FROM ${ctx.days}
                       WHERE (dim, val) IN (SELECT DISTINCT dim, val FROM k WHERE xd = ${NOT_LANE_DAYS})
                      WINDOW w AS (PARTITION BY dim, val ORDER BY d)
                      ${laneDays})
                SELECT k.lane, y.d, sum(y.ns) AS ns, sum(y.n1) AS n1, sum(y.n2) AS n2, sum(y.tiny) AS tiny,
                       sum(y.odd) AS odd
                  FROM k JOIN y ON y.xd = k.xd AND y.xv = k.xv AND y.dim = k.dim AND y.val = k.val
                 GROUP BY 1, 2) byDay GROUP BY lane`;
      });
      for (const r of rows) {
        const lane = r.lane < 0 ? -1 - r.lane : r.lane;
        const sign = part.sign * (r.lane < 0 ? -1 : 1);
        const tally = tallies[lane];
        if (!tally || r.days === null) continue;
        for (const day of r.days.split(';')) {
          const [d, ns, n1, n2, tiny, odd] = day.split(',').map(Number) as [
            number,
            number,
            number,
            number,
            number,
            number,
          ];
          tally.addDay(d, {
            s: sign * ns,
            e1: sign * n1,
            e2: sign * n2,
            tiny: sign * tiny,
            odd: sign * odd,
          });
        }
      }
    }),
  );
  return tallies.map((t) => DayProfile.of(t));
}

/** The whole scan's day rows (or one lane's) as a day profile. */
function profileOf(rows: readonly WholeRow[]): DayProfile {
  return DayProfile.fromDayKeys(
    rows.flatMap((r) =>
      r.k === WHOLE.days && r.v !== null && r.e1 !== null && r.e2 !== null
        ? [{ s: Number(r.v), e1: Number(r.e1), e2: Number(r.e2), n: Number(r.n) }]
        : [],
    ),
  );
}

/**
 * The matches half from the rollups (rollups.ts): the count and facets from `pairs`, a day-aligned histogram from
 * `days`; the list's page still reads the events.
 */
async function rollupMatches(
  q: Prepared,
  o: QueryOptions,
  range: { start: number; end: number } | undefined,
): Promise<MatchesAnswer> {
  const { ctx, ds, dicts, active } = q;
  const terms = ctx.terms!;
  const counts = active.length === 0 ? undefined : rollupCounts(ctx.run, ctx.pairs, terms);
  const names = facetNames(dicts);
  const facet = async (key: DimKey, field: keyof FacetMaps): Promise<Record<string, number>> => {
    if (active.every((k) => k === key)) return ds.meta.allFacets[field];
    const byValue = (await counts!).byDim.get(FACET_DIM[key]!);
    return field === 'etypes' ? patternsToTypes(byValue) : namedCounts(byValue, names[field]);
  };
  const histogram = async (): Promise<ViewAnswer['histogram']> => {
    if (!range) return null;
    const { bounds, unit } = histogramBounds(range, o.histogramBins ?? 120);
    if (!dayAligned(bounds)) return histogramOf(ctx, range, o.histogramBins ?? 120);
    const counts = await rollupHistogram(fromDays(ctx.run, ctx.days, terms), bounds);
    return { bounds, counts, max: Math.max(0, ...counts), unit };
  };
  const [count, actors, etypes, types, tags, places, prec, hist, rows] = await Promise.all([
    counts ? counts.then((c) => c.count) : ds.eventCount,
    facet('actor', 'actors'),
    facet('etype', 'etypes'),
    facet('type', 'types'),
    facet('tag', 'tags'),
    facet('place', 'places'),
    facet('prec', 'prec'),
    histogram(),
    o.list === 'view' ? [] : listRows(ctx, o),
  ]);
  const facets = { actors, etypes, types, tags, places, prec };
  return matchesAnswer(q, { count, facets, histogram: hist, rows });
}

/** The window (given, or fitted to the matches), its lanes, and its items or count buckets. */
async function windowPart({ ctx, dicts }: Prepared, o: QueryOptions): Promise<WindowAnswer> {
  const lanes = o.group === 'none' ? null : await keptLanes(ctx, o.group, dicts);
  const window = o.window ?? (await fitWindow(ctx));
  // With the list's In view scope, the list's page is the window's matches, cut here beside the plan.
  const [plan, rows] = await Promise.all([
    window ? planItems(ctx, lanes, window, o.lod ?? DEFAULT_LOD) : null,
    o.list === 'view' ? (window ? listRows(ctx, o, window) : []) : undefined,
  ]);
  return {
    ...(rows ? { rows } : {}),
    ...(window ? { window } : {}),
    lanes: lanes?.lanes ?? null,
    plan,
  };
}

interface Ctx {
  run: Run;
  where: Where;
  /** The narrow table every filter reads; `docs` holds title, JSON and searchable text by `pos`. */
  events: string;
  docs: string;
  values: string;
  /** The rollup tables, and the view as their terms when its filters allow and the version has them. */
  pairs: string;
  days: string;
  terms?: RollupTerm[];
  /**
   * A filtered dimension's facet leaves its own filter out: the rest of the view as rollup terms and the pairs
   * table that sums them, if they allow.
   */
  facetRollups?: (key: DimKey) => Promise<{ terms: RollupTerm[]; pairs: string } | undefined>;
  /** A view of a date range and one other filter: that filter's facet by value (rollups.ts rollupRangeCounts). */
  rangeFacet?: (key: DimKey) => Promise<Map<number, number> | undefined>;
  spans: Spans;
  /** Whether the view has a date range. */
  dated: boolean;
  /** The view's identity (version and filters as SQL), and its day profile if one is kept (viewProfile.ts). */
  viewKey: string;
  profile?: DayProfile;
  /** Whether the dataset's span is short enough in days for the matches half to make a day profile. */
  profiled: boolean;
  extent?: { start: number; end: number };
  /** The dataset's events. */
  eventCount: number;
  /** The lane rollup's table, and whether it holds an actor's or tag's events by a lane dimension (rollups.ts). */
  laneDays: string;
  inLaneRollup: (xd: number, xv: number, dim: number) => Promise<boolean>;
}

/** The lanes of a grouping, as the browser's planLanes draws them, and how to find an event's lanes in SQL. */
interface SqlLanes {
  lanes: Lane[];
  /** A lateral subquery yielding each lane number of the event `e` (once each). */
  laneSql: (p: Params) => string;
  /** How many lane copies the event `e` is drawn as. */
  copiesSql: (p: Params) => string;
  /** The events a condition on `e` holds, counted by lane and DAY_KEYS (lane, s, e1, e2, n). */
  laneDaysSql: (p: Params, where: string) => string;
  group: Exclude<GroupBy, 'none'>;
  /** The values of the value lanes, in lane order; the other and none lanes' numbers (-1 if absent). */
  top: number[];
  other: number;
  none: number;
  /** How many values the grouped dimension's dictionary holds. */
  codes: number;
}

/**
 * A view's lanes depend on its filters and grouping, not on its window: planned once and kept by view (version
 * and filters) and grouping, so that a pan does not count them again.
 */
const lanesKept = new KeptAnswers<SqlLanes>(128);
const keptLanes = (ctx: Ctx, group: Exclude<GroupBy, 'none'>, dicts: VersionDicts) =>
  lanesKept.ask(`${ctx.viewKey}\u0000${group}`, () => planLanes(ctx, group, dicts));

async function planLanes(
  ctx: Ctx,
  group: Exclude<GroupBy, 'none'>,
  dicts: VersionDicts,
  maxLanes = 12,
): Promise<SqlLanes> {
  const { run, where, events, pairs, terms } = ctx;
  const multi = group === 'actor';
  const names = multi ? dicts.entityNames : group === 'type' ? dicts.types : dicts.places;
  const counts = new Map<number, number>();
  let noneCount = 0;
  // Lanes of a view the rollups cover: its counts per value. Type and place lanes: the rest have none (an event
  // holds one of each). Actor lanes: the events without actors are those of no entity type (every actor gives its
  // event a type bit); the rollups hold no actor against actor, so not under an actor filter.
  const summed =
    terms && (!multi || !terms.some((t) => t.dim === ROLLUP_DIM.actor))
      ? await rollupCounts(run, pairs, terms)
      : undefined;
  const rows: { v: number | null; n: string }[] = summed
    ? [...(summed.byDim.get(ROLLUP_DIM[group]) ?? [])].map(([v, n]) => ({ v, n: String(n) }))
    : await run<{ v: number | null; n: string }>((p) => {
        const w = where(p);
        return multi
          ? `SELECT x AS v, count(*) AS n FROM ${events}, unnest(actors) x WHERE ${w} GROUP BY 1
         UNION ALL SELECT NULL, count(*) FROM ${events} WHERE ${w} AND cardinality(actors) = 0`
          : `SELECT ${group} AS v, count(*) AS n FROM ${events} WHERE ${w} GROUP BY 1`;
      });
  if (summed && multi) {
    const none = summed.byDim.get(ROLLUP_DIM.etypes)?.get(0) ?? 0;
    if (none > 0) rows.push({ v: null, n: String(none) });
  } else if (summed) {
    let valued = 0;
    for (const r of rows) valued += Number(r.n);
    if (summed.count - valued > 0) rows.push({ v: null, n: String(summed.count - valued) });
  }
  for (const r of rows) {
    if (r.v === null) noneCount += Number(r.n);
    else counts.set(r.v, Number(r.n));
  }
  const used = [...counts.keys()].filter((v) => counts.get(v)! > 0);
  used.sort((a, b) => counts.get(b)! - counts.get(a)! || names[a]!.localeCompare(names[b]!));
  const top = used.slice(0, maxLanes);
  const rest = used.slice(maxLanes);
  const lanes: Lane[] = top.map((v) => ({
    id: multi ? `actor:${dicts.entityIds[v]!}` : `${group}:${names[v]!}`,
    label: names[v]!,
    count: counts.get(v)!,
    kind: 'value',
  }));
  const otherLane = rest.length > 0 ? lanes.length : -1;
  const noneLane = noneCount > 0 ? lanes.length + (otherLane >= 0 ? 1 : 0) : -1;
  // The "other" lane's events: summed for one-value lanes under rollup terms, else counted below (an event may
  // hold several of the other actors).
  const countOther = otherLane >= 0 && !(summed && !multi);
  if (otherLane >= 0 && !countOther) {
    let n = 0;
    for (const v of rest) n += counts.get(v)!;
    lanes.push(otherLaneOf(group, rest.length, n));
  } else if (countOther) lanes.push(otherLaneOf(group, rest.length, 0));
  if (noneLane >= 0) lanes.push(noneLaneOf(group, noneCount));
  // The lane of a value: its place among the top values, else the "other" lane.
  const laneOf = (p: Params, v: string) =>
    `COALESCE(array_position(${p.add(top)}::int[], ${v}) - 1, ${otherLane})`;
  const { s: ks, e1: k1, e2: k2 } = DAY_KEYS;
  const keys = `${ks} AS s, ${k1} AS e1, ${k2} AS e2`;
  const sql: SqlLanes = {
    lanes,
    group,
    top,
    other: otherLane,
    none: noneLane,
    codes: multi ? dicts.entityIds.length : names.length,
    // Actor lanes: an event in the lane of each top actor it holds, in the other lane if it holds any other, in
    // the none lane if it holds none (an event's actors are distinct).
    laneDaysSql: (p, where) => {
      if (!multi)
        return `SELECT lane, s, e1, e2, count(*) AS n
                  FROM (SELECT CASE WHEN e.${group} IS NULL THEN ${noneLane} ELSE ${laneOf(p, `e.${group}`)} END AS lane,
                               ${keys} FROM ${events} e WHERE ${where}) x
                 WHERE lane >= 0 GROUP BY 1, 2, 3, 4`;
      const t = p.add(top);
      const parts = [
        `SELECT array_position(${t}::int[], x) - 1 AS lane, s, e1, e2, count(*) AS n
           FROM m, unnest(m.actors) x WHERE x = ANY(${t}::int[]) GROUP BY 1, 2, 3, 4`,
      ];
      if (otherLane >= 0)
        parts.push(`SELECT ${otherLane}, s, e1, e2, count(*) FROM m
                     WHERE cardinality(actors) > 0 AND NOT (actors <@ ${t}::int[]) GROUP BY 2, 3, 4`);
      if (noneLane >= 0)
        parts.push(
          `SELECT ${noneLane}, s, e1, e2, count(*) FROM m WHERE cardinality(actors) = 0 GROUP BY 2, 3, 4`,
        );
      return `WITH m AS MATERIALIZED (SELECT e.actors, ${keys} FROM ${events} e WHERE ${where})
              ${parts.join(' UNION ALL ')}`;
    },
    laneSql: (p) =>
      multi
        ? `(SELECT DISTINCT ${laneOf(p, 'x')} AS lane FROM unnest(e.actors) x
            UNION ALL SELECT ${noneLane} WHERE cardinality(e.actors) = 0)`
        : `(SELECT CASE WHEN e.${group} IS NULL THEN ${noneLane} ELSE ${laneOf(p, `e.${group}`)} END AS lane)`,
    copiesSql: (p) =>
      multi
        ? `GREATEST(1, (SELECT count(DISTINCT ${laneOf(p, 'x')}) FROM unnest(e.actors) x))`
        : '1',
  };
  if (countOther)
    lanes[otherLane] = otherLaneOf(group, rest.length, await otherCount(ctx, sql, summed?.count));
  return sql;
}

/**
 * The events with a value outside the top lanes (for actors, those not wholly within the top: a long list of the
 * rest would make PostgreSQL probe its index once per value). When the lanes' profiles can be made, they count it:
 * the scan the first buckets would make anyway.
 */
async function otherCount(ctx: Ctx, lanes: SqlLanes, matches: number | undefined): Promise<number> {
  const { group, top, other } = lanes;
  const inLanes = lanes.lanes.reduce((n, l) => n + l.count, 0);
  const profiles = await askLaneProfiles(ctx, lanes, matches ?? inLanes);
  if (profiles) return profiles[other]!.total;
  const [r] = await ctx.run<{ n: string }>(
    (p) =>
      `SELECT count(*) AS n FROM ${ctx.events} WHERE ${ctx.where(p)} AND ${
        group === 'actor'
          ? `cardinality(actors) > 0 AND NOT (actors <@ ${p.add(top)}::int[])`
          : `${group} IS NOT NULL AND NOT (${group} = ANY(${p.add(top)}::int[]))`
      }`,
  );
  return Number(r!.n);
}

/** isDrawable in SQL: within what a JavaScript Date can represent. */
const DRAWABLE =
  'e.start_ms BETWEEN -8.64e15 AND 8.64e15 AND e.end_ms BETWEEN -8.64e15 AND 8.64e15';

/**
 * The window the app fits to when the link names none: the matches' drawable extent with a 5% margin, at least a
 * day (levelOfDetail's matchExtent and paddedWindow).
 */
async function fitWindow({ run, where, events }: Ctx) {
  const [r] = await run<{ lo: number | null; hi: number | null }>(
    (p) => `SELECT min(start_ms) FILTER (WHERE start_ms BETWEEN -8.64e15 AND 8.64e15) AS lo,
                   max(end_ms) FILTER (WHERE end_ms BETWEEN -8.64e15 AND 8.64e15) AS hi
            FROM ${events} WHERE ${where(p)}`,
  );
  if (!r || r.lo === null || r.hi === null || !(r.lo < r.hi)) return undefined;
  return paddedWindow({ start: r.lo, end: r.hi });
}

/** What the timeline draws for a window, by the browser's level-of-detail rule (levelOfDetail.ts planItems). */
async function planItems(
  ctx: Ctx,
  lanes: SqlLanes | null,
  window: { start: number; end: number },
  opts: LodOptions,
): Promise<ViewAnswer['plan']> {
  const { run, where, events, docs, spans } = ctx;
  // A view the rollups cover counts its window from them, and any other view from its day profile when its matches
  // half has made one (viewProfile.ts). Without lanes an event is one item; with lanes each is at least one, so a
  // count past what items can show means buckets without counting the items.
  const viewDays: DaySource | undefined = ctx.terms
    ? fromDays(run, ctx.days, ctx.terms)
    : ctx.profile?.source();
  const days = lanes ? undefined : viewDays;
  const max = opts.maxVisibleItems;
  const counted = viewDays && (await rollupWindowCount(run, events, viewDays, where, window));
  const [c] =
    counted !== undefined && (!lanes || counted > max)
      ? [{ n: counted, items: String(counted) }]
      : await run<{ n: number | string; items: string }>(
          (
            p,
          ) => `SELECT count(*) AS n, coalesce(sum(${lanes ? lanes.copiesSql(p) : '1'}), 0) AS items
            FROM ${events} e WHERE ${where(p)} AND ${overlap(window.start, window.end, spans, p)}`,
        );
  const visibleCount = Number(c!.n);
  if (Number(c!.items) <= max) {
    const span = Math.max(1, window.end - window.start);
    const cap = 2 * max;
    const collect = async (from: number, to: number) => {
      const rows = await run<{
        pos: number;
        id: string;
        title: string;
        start_ms: number;
        end_ms: number;
        doc: string;
        lane?: number;
      }>(
        // The window's events first, then their docs for the few found.
        (p) => `SELECT f.pos, f.id, d.title, f.start_ms, f.end_ms, d.doc${lanes ? ', f.lane' : ''}
                FROM (SELECT e.pos, e.id, e.start_ms, e.end_ms${lanes ? ', l.lane' : ''}
                      FROM ${events} e ${lanes ? `CROSS JOIN LATERAL ${lanes.laneSql(p)} l` : ''}
                      WHERE ${where(p)} AND ${overlap(from, to, spans, p)} AND ${DRAWABLE}
                      ORDER BY e.pos LIMIT ${cap + 1}) f
                JOIN ${docs} d ON d.pos = f.pos ORDER BY f.pos`,
      );
      if (rows.length > cap) return null;
      return rows.map((r): ServerEventItem => {
        const lane = lanes && r.lane !== undefined ? lanes.lanes[r.lane]?.id : undefined;
        return {
          kind: 'event',
          id: lane ? `e${r.pos}|${lane}` : `e${r.pos}`,
          position: r.pos,
          eventId: r.id,
          title: r.title,
          ...(lane ? { lane } : {}),
          shape: eventShape(JSON.parse(r.doc) as TimelineEvent),
          start: r.start_ms,
          end: r.end_ms,
        };
      });
    };
    const items =
      (await collect(window.start - span / 2, window.end + span / 2)) ??
      // As the browser's singleItems: a calendar date is drawn up to a day away from its UTC reading.
      (await collect(window.start - MS_PER_DAY, window.end + MS_PER_DAY)) ??
      [];
    return { mode: 'events', items, visibleCount };
  }
  const laneCount = lanes ? lanes.lanes.length : 1;
  const unit = bucketUnitFor(window, laneCount, opts);
  const bounds = bucketBounds(window, unit);
  const nb = bounds.length - 1;
  const b0 = bounds[0]!;
  const bN = bounds[nb]!;
  // Each event counts in every bucket from the one holding its start (or the first) to the one holding its last
  // millisecond (or the last): grouped by that run of buckets, then spread in a difference array.
  const perLane = lanes && dayAligned(bounds) ? await laneProfiles(ctx, lanes, bounds) : undefined;
  const sources = days ? [days] : perLane?.map((x) => x.source());
  const rows =
    sources && dayAligned(bounds)
      ? (await Promise.all(sources.map((src) => rollupBuckets(src, bounds)))).flatMap((ns, lane) =>
          ns.map((n, k) => ({ lane, f: k, l: k, n: String(n) })),
        )
      : await run<{ lane: number; f: number; l: number; n: string }>((p) => {
          const b = p.add(bounds);
          return `SELECT ${lanes ? 'l.lane' : '0'} AS lane,
                   width_bucket(GREATEST(e.start_ms, ${p.add(b0)}::float8), ${b}::float8[]) - 1 AS f,
                   width_bucket(LEAST(e.end_ms, ${p.add(bN)}::float8) - 1, ${b}::float8[]) - 1 AS l,
                   count(*) AS n
            FROM ${events} e ${lanes ? `CROSS JOIN LATERAL ${lanes.laneSql(p)} l` : ''}
            WHERE ${where(p)} AND ${overlap(b0, bN, spans, p)} GROUP BY 1, 2, 3`;
        });
  const diff = new Float64Array(laneCount * (nb + 1));
  for (const r of rows) {
    const f = Math.min(nb - 1, Math.max(0, r.f));
    const l = Math.min(nb - 1, Math.max(f, r.l));
    diff[r.lane * (nb + 1) + f]! += Number(r.n);
    diff[r.lane * (nb + 1) + l + 1]! -= Number(r.n);
  }
  const counts = new Float64Array(laneCount * nb);
  let maxCount = 0;
  for (let l = 0; l < laneCount; l++) {
    let sum = 0;
    for (let k = 0; k < nb; k++) {
      sum += diff[l * (nb + 1) + k]!;
      counts[l * nb + k] = sum;
      if (sum > maxCount) maxCount = sum;
    }
  }
  const items: ServerBucketItem[] = [];
  for (let l = 0; l < laneCount; l++) {
    const lane = lanes?.lanes[l]?.id;
    for (let k = 0; k < nb; k++) {
      const n = counts[l * nb + k]!;
      if (n === 0) continue;
      items.push({
        kind: 'bucket',
        id: `b|${lane ?? ''}|${bounds[k]!}|${bounds[k + 1]!}`,
        ...(lane ? { lane } : {}),
        start: bounds[k]!,
        end: bounds[k + 1]!,
        count: n,
        density: bucketDensity(n, maxCount),
      });
    }
  }
  return { mode: 'buckets', items, visibleCount, unit };
}

/** The density histogram: matching events by start, in the browser's calendar bins (histogram.ts). */
async function histogramOf(
  { run, where, events }: Ctx,
  range: { start: number; end: number },
  targetBins: number,
): Promise<ViewAnswer['histogram']> {
  const { bounds, unit } = histogramBounds(range, targetBins);
  const nb = bounds.length - 1;
  const rows = await run<{ k: number; n: string }>(
    (
      p,
    ) => `SELECT width_bucket(start_ms, ${p.add(bounds)}::float8[]) - 1 AS k, count(*) AS n FROM ${events}
            WHERE ${where(p)} AND start_ms >= ${p.add(bounds[0])}::float8 AND start_ms < ${p.add(bounds[nb])}::float8
            GROUP BY 1`,
  );
  const counts = new Array<number>(nb).fill(0);
  for (const r of rows) counts[Math.min(nb - 1, Math.max(0, r.k))]! += Number(r.n);
  return { bounds, counts, max: Math.max(0, ...counts), unit };
}

/** The list's sort columns; text is ordered by the browser's collator (English, base letters, numbers by value) in ICU. */
function sortColumn(key: SortKey, values: string): string | null {
  switch (key) {
    case 'date':
      return null;
    case 'title':
      return 'd.title';
    case 'actors':
      return 'd.actor_names';
    case 'type':
    case 'place':
      return `(SELECT v.value FROM ${values} v WHERE v.dim = '${key}' AND v.code = e.${key})`;
  }
}

/**
 * A page of the list in the chosen order; ties in position order, the whole order reversed when descending. With
 * a window, of the matches overlapping it (the list's In view scope).
 */
async function listRows(
  { run, where: whereView, events, docs, values, dated, spans }: Ctx,
  o: QueryOptions,
  window?: { start: number; end: number },
): Promise<ListRow[]> {
  if (o.limit <= 0) return [];
  const where = (p: Params) =>
    window ? `${whereView(p)} AND ${overlap(window.start, window.end, spans, p)}` : whereView(p);
  const dir = o.sort.descending ? 'DESC' : 'ASC';
  const col = sortColumn(o.sort.key, values);
  // Positions are in start order (then end, then id), so under a date range the page is cut by start, then
  // position: the same order, read from the range's starts in the start index rather than every position before
  // the range. Without a date range, the position index reads the first rows directly.
  const order = col
    ? `(${col}) IS NULL ${dir}, (${col}) COLLATE chronoscope.natural ${dir}, e.pos ${dir}`
    : dated || window
      ? `e.start_ms ${dir}, e.pos ${dir}`
      : `e.pos ${dir}`;
  // Sorted by a docs column (title, actors), the matches are joined to their docs before the page is cut;
  // otherwise the page is cut from the narrow table and only its rows' docs are read.
  const byDoc = o.sort.key === 'title' || o.sort.key === 'actors';
  const rows = await run<{ pos: number; doc: string }>((p) =>
    byDoc
      ? `SELECT e.pos, d.doc FROM (SELECT pos FROM ${events} WHERE ${where(p)}) e
         JOIN ${docs} d ON d.pos = e.pos ORDER BY ${order}
         LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}`
      : `SELECT f.pos, d.doc FROM (SELECT e.pos${col ? `, (${col}) AS sv` : ''} FROM ${events} e
           WHERE ${where(p)} ORDER BY ${order} LIMIT ${p.add(o.limit)} OFFSET ${p.add(o.offset)}) f
         JOIN ${docs} d ON d.pos = f.pos
         ORDER BY ${col ? `f.sv IS NULL ${dir}, f.sv COLLATE chronoscope.natural ${dir}, ` : ''}f.pos ${dir}`,
  );
  return rows.map((r) => ({ position: r.pos, event: JSON.parse(r.doc) as TimelineEvent }));
}

/** What j (dir 1) or k (dir -1) asks: the event to select next, from the selection or else from the window. */
export interface StepQuestion {
  /** The selected event's id, if any. */
  selected?: string;
  window?: { start: number; end: number };
  dir: 1 | -1;
}

/**
 * The event j or k selects among the view's matches, with the browser's rule (domain/windowNavigation.ts
 * stepFromWindow): from a selection in view (or any selection, without a window) the next or previous match in
 * time, wrapping at the ends; otherwise from the window, j the first match starting at or after its start, k the
 * last one starting before its end, wrapping when there is none. Positions are in time order, so each is one
 * indexed read of the first row in order; undefined when nothing matches.
 */
export async function stepEvent(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
  s: StepQuestion,
): Promise<ListRow | undefined> {
  const { ctx } = await prepare(db, ds, dicts, f);
  const { run, where, events, docs } = ctx;
  const dir = s.dir === 1 ? 'ASC' : 'DESC';
  const first = async (bound: (p: Params) => string, order: string) => {
    const rows = await run<{ pos: number; doc: string }>(
      (p) =>
        `SELECT f.pos, d.doc FROM (SELECT e.pos FROM ${events} e WHERE ${where(p)} AND ${bound(p)}
           ORDER BY ${order} LIMIT 1) f JOIN ${docs} d ON d.pos = f.pos`,
    );
    return rows[0] && { position: rows[0].pos, event: JSON.parse(rows[0].doc) as TimelineEvent };
  };
  // Wrapping: the first match in time, or the last.
  const end = () => first(() => 'true', `e.pos ${dir}`);
  const selected =
    s.selected === undefined
      ? undefined
      : (
          await run<{ pos: number; start_ms: number; end_ms: number }>(
            (p) =>
              `SELECT pos, start_ms, end_ms FROM ${events} WHERE id = ${p.add(pgText(s.selected!))}`,
          )
        )[0];
  const w = s.window;
  if (selected && (!w || (selected.start_ms < w.end && selected.end_ms > w.start)))
    return (
      (await first(
        (p) => `e.pos ${s.dir === 1 ? '>' : '<'} ${p.add(selected.pos)}`,
        `e.pos ${dir}`,
      )) ?? end()
    );
  if (!w) return end();
  return (
    (await first(
      (p) =>
        s.dir === 1
          ? `e.start_ms >= ${p.add(w.start)}::float8`
          : `e.start_ms < ${p.add(w.end)}::float8`,
      `e.start_ms ${dir}, e.pos ${dir}`,
    )) ?? end()
  );
}

/**
 * The view's matching events in time order, as stored (the event's JSON), batch after batch: each batch is one
 * indexed read of the next positions after the last one read, so no statement holds a transaction or a cursor
 * open between batches, and each stays within the statement timeout.
 */
export async function* matchingDocs(
  db: Pool | PoolClient,
  ds: DatasetRecord,
  dicts: VersionDicts,
  f: Filters,
  batch: number,
  /** Most events read in all. */
  max: number,
): AsyncGenerator<string[]> {
  const { ctx } = await prepare(db, ds, dicts, f);
  const { run, where, events, docs } = ctx;
  let last = -1;
  for (let left = max; left > 0;) {
    const n = Math.min(batch, left);
    const rows = await run<{ pos: number; doc: string }>(
      (p) =>
        `SELECT f.pos, d.doc FROM (SELECT e.pos FROM ${events} e WHERE ${where(p)} AND e.pos > ${p.add(last)}
           ORDER BY e.pos LIMIT ${p.add(n)}) f JOIN ${docs} d ON d.pos = f.pos ORDER BY f.pos`,
    );
    if (rows.length === 0) return;
    last = rows[rows.length - 1]!.pos;
    left -= rows.length;
    yield rows.map((r) => r.doc);
    if (rows.length < n) return;
  }
}
