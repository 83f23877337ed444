/**
 * The server against a real PostgreSQL: a throwaway cluster, the repository's fixtures ingested, the API queried
 * over HTTP and held to the browser engine's answers. `npm run test:server`; needs PostgreSQL's server programs
 * (Debian's postgresql package; .ci/run installs it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { loadDataset } from '../../src/data/read/loadDataset';
import { SORT_KEYS, type SortKey } from '../../src/domain/eventOrder';
import { GROUP_BYS } from '../../src/domain/lanes';
import { entityProfileAnswer } from '../../src/domain/entityProfile';
import { mapCells, mapWindow, type MapQuestion } from '../../src/domain/mapCells';
import { runQuery } from '../../src/domain/query';
import { stepRow } from '../../src/domain/viewAnswer';
import { overlapsWindow } from '../../src/domain/windowNavigation';
import { buildIndex, entityName } from '../../src/domain/buildIndex';
import { Bitset } from '../../src/domain/bitset';
import { ExportStream } from '../../src/domain/exportStream';
import { exportCsv, exportJson, exportJsonl } from '../../src/domain/exportView';
import { searchableText, words } from '../../src/domain/textSearch';
import { EQUIVALENT_SPELLINGS } from '../../src/domain/spellings';
import { ENTITY_TYPES, PRECISIONS, type Dataset, type TimelineEvent } from '../../src/domain/types';
import type { Bbox } from '../../src/domain/geo';
import {
  DEFAULT_VIEW,
  parseViewState,
  serialiseViewState,
  type ViewState,
} from '../../src/url/viewState';
import { apiPool } from '../db/pool';
import { rangeFacetAnswers, wordRollupAnswers } from '../db/rollups';
import { laneProfileParts } from '../db/queryView';
import { laneRollupSql, READER_ROLE, ROLLUP_DIM, rollupSql, SCHEMA, tables } from '../db/schema';
import { parseTokens } from '../http/access';
import { createApp, SERVER_MARK } from '../http/app';
import { ingest, INGEST_APPLICATION } from '../ingest/ingest';
import { syntheticDocument } from '../../bench/synthetic';
import { browserAnswer, browserEngine, type BrowserEngine } from './browserAnswer';
import { freePort, startCluster, type Cluster } from './pgCluster';

const TOKEN = 'integration-token-0123456789';
const NARROW = 'narrow-token-abcdefghijklmnop';

/** The fixtures served, by id: public or private, and the file read. */
/**
 * Synthetic events at times of day, a fifth without a type and a seventh without a place (type and place lanes then
 * have a none lane), a third with one more tag, an eleventh naming a town whose other spellings only an entity's
 * aliases give, written for the tests by before().
 */
const GAPS_DIR = mkdtempSync(join(tmpdir(), 'chronoscope-gaps-'));
function writeGaps(file: string) {
  const doc = JSON.parse(syntheticDocument(3_000, 5)) as {
    entities: Record<string, unknown>[];
    events: Record<string, unknown>[];
  };
  // One-word name and aliases: search treats them as one word (spellings.ts's entitySpellings).
  Object.assign(doc.entities[0]!, { name: 'Bakhmut', aliases: ['Artemivsk', 'Artemovsk'] });
  doc.events.forEach((e, i) => {
    if (i % 11 === 0) e.title = `${String(e.title)} near Bakhmut`;
    if (i % 5 === 0) delete e.type;
    if (i % 7 === 0) delete e.location;
    // A tag on a third of the events: enough for a tag's view to be drawn in buckets.
    if (i % 3 === 0) (e.tags as string[]).push('tag-common');
  });
  writeFileSync(file, JSON.stringify(doc));
}

const EXPORT_LIMIT = 3_000;

const FIXTURES = [
  {
    id: 'ucdp',
    file: 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
    public: true,
    runs: 60,
  },
  { id: 'acled', file: 'fixtures/files/acled-sample.csv', public: true, runs: 25 },
  { id: 'twain', file: 'fixtures/third-party/timelinejs/marktwain.json', public: true, runs: 25 },
  { id: 'hostile', file: 'e2e/fixtures/hostile.json', public: false, runs: 40 },
  { id: 'gaps', file: join(GAPS_DIR, 'gaps.json'), public: true, runs: 30 },
  // Stored as a version ingested before the word rollups (below): its text filters answer by scanning.
  {
    id: 'prewords',
    file: 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
    public: false,
    runs: 15,
  },
  // Stored as versions ingested before title, JSON and searchable text moved to their own table were (below),
  // and before the rollups: it answers by scanning.
  {
    id: 'legacy',
    file: 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
    public: false,
    runs: 20,
  },
] as const;

/** Rewrites an ingested version into the layout before the docs table: one wide events table, no `docs` flag. */
async function toLegacyLayout(id: string) {
  const { rows } = await admin.query(`SELECT version FROM ${SCHEMA}.datasets WHERE id = $1`, [id]);
  const p = `${SCHEMA}.d${String(rows[0].version)}_`;
  await admin.query(`
    ALTER TABLE ${p}events ADD COLUMN search text, ADD COLUMN title text, ADD COLUMN actor_names text,
      ADD COLUMN doc text;
    UPDATE ${p}events e SET search = d.search, title = d.title, actor_names = d.actor_names, doc = d.doc
      FROM ${p}docs d WHERE d.pos = e.pos;
    DROP TABLE ${p}docs, ${p}pairs, ${p}days, ${p}wpairs, ${p}wdays;
    UPDATE ${SCHEMA}.datasets SET meta = meta - 'docs' WHERE id = '${id}';`);
}

/** Rewrites an ingested version into one ingested before the word rollups. */
async function withoutWordRollups(id: string) {
  const { rows } = await admin.query(`SELECT version FROM ${SCHEMA}.datasets WHERE id = $1`, [id]);
  const p = `${SCHEMA}.d${String(rows[0].version)}_`;
  await admin.query(`DROP TABLE ${p}wpairs, ${p}wdays`);
}

let cluster: Cluster;
let base: string;
let closeServer: () => Promise<void>;
const engines = new Map<string, { dataset: Dataset; engine: BrowserEngine }>();
let admin: pg.Pool;
const quiet = () => {};

async function api(path: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init;
  const res = await fetch(`${base}${path}`, {
    ...rest,
    headers: {
      ...(rest.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(rest.headers ?? {}),
    },
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, unknown>, text };
}

const query = (id: string, body: unknown, token?: string) =>
  api(`/api/datasets/${id}/query`, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  });

before(async () => {
  cluster = startCluster(await freePort());
  admin = new pg.Pool({ connectionString: cluster.url, max: 2 });
  // The restart test below terminates idle connections; a pool without a listener would throw them at the process.
  admin.on('error', () => {});
  await admin.query(`CREATE ROLE ${READER_ROLE} LOGIN`);
  writeGaps(join(GAPS_DIR, 'gaps.json'));
  for (const f of FIXTURES) {
    await ingest({ source: f.file, id: f.id, public: f.public }, cluster.url, quiet, {
      progress: false,
    });
    if (f.id === 'legacy') await toLegacyLayout(f.id);
    if (f.id === 'prewords') await withoutWordRollups(f.id);
    const out = loadDataset(new Uint8Array(readFileSync(f.file)), f.file.split('/').pop()!);
    assert.ok(out.ok);
    engines.set(f.id, { dataset: out.dataset, engine: browserEngine(out.dataset) });
  }
  const readerUrl = cluster.url.replace(/\/\/[^@]+@/, `//${READER_ROLE}@`);
  const pool = apiPool(readerUrl);
  const server = createApp({
    pool,
    access: parseTokens(`${TOKEN} ${NARROW}=acled`),
    distDir: process.env.E2E_DIST ?? 'dist',
    log: quiet,
    // An export stops at its limit: lower than the UCDP fixture's 3,883 events, so that both ends are tested.
    limits: { perSecond: 10_000, burst: 10_000, maxExport: EXPORT_LIMIT },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () => new Promise<void>((r) => server.close(() => void pool.end().then(() => r())));
});

after(async () => {
  await closeServer?.();
  await admin?.end();
  cluster?.stop();
  rmSync(GAPS_DIR, { recursive: true, force: true });
});

/**
 * Boxes around the dataset's own places (its first 300), `min` to `max` degrees from the place on each axis,
 * clamped to the world; a fixed box where the dataset has no places.
 */
function boxesAround(dataset: Dataset, min: number, max: number): fc.Arbitrary<Bbox> {
  const points = dataset.events
    .map((e) => e.location)
    .filter((l) => l?.lat !== undefined && l.lon !== undefined)
    .slice(0, 300) as { lat: number; lon: number }[];
  const clamp = (x: number, m: number) => Math.max(-m, Math.min(m, x));
  return points.length
    ? fc
        .tuple(
          fc.constantFrom(...points),
          fc.double({ min, max, noNaN: true }),
          fc.double({ min, max, noNaN: true }),
        )
        .map(([pt, dx, dy]) => ({
          west: clamp(pt.lon - dx, 180),
          south: clamp(pt.lat - dy, 90),
          east: clamp(pt.lon + dx, 180),
          north: clamp(pt.lat + dy, 90),
        }))
    : fc.constant({ west: -10, south: -10, east: 10, north: 10 });
}

/** A random view state over a dataset's own values (with names it lacks, typos, prefixes and phrases). */
function viewStates(
  dataset: Dataset,
): fc.Arbitrary<{ view: ViewState; opts: Record<string, unknown> }> {
  const ids = dataset.entities.map((e) => e.id);
  const pick = <T>(xs: readonly T[], extra: T[] = []) =>
    xs.length + extra.length === 0
      ? fc.constant([] as T[])
      : fc.uniqueArray(fc.constantFrom(...xs, ...extra), { maxLength: 3 });
  const distinct = (f: (e: Dataset['events'][number]) => (string | undefined)[]) => [
    ...new Set(dataset.events.flatMap(f).filter((v): v is string => v !== undefined)),
  ];
  const types = distinct((e) => [e.type]);
  const tags = distinct((e) => e.tags);
  const places = distinct((e) => [e.location?.name]);
  // The titles' words, and the spellings search treats as one word (some in every fixture's text, most in none).
  const vocab = [
    ...new Set([
      ...EQUIVALENT_SPELLINGS.flat().slice(0, 20),
      'bakhmut',
      'artemivsk',
      ...dataset.events.slice(0, 400).flatMap((e) => words(e.title)),
    ]),
  ].slice(0, 320);
  const titles = dataset.events.slice(0, 200).map((e) => e.title);
  const word = fc.constantFrom(...(vocab.length ? vocab : ['x']));
  const term = fc.oneof(
    word,
    word.map((w) => w.slice(0, Math.max(1, Math.ceil(w.length / 2)))),
    word.map((w) => (w.length > 5 ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` : w)),
    fc.constantFrom('zzzz', 'a', '"', '%', '_', "'; drop table x; --"),
  );
  const phrase = fc
    .tuple(fc.constantFrom(...(titles.length ? titles : ['x'])), fc.nat(), fc.nat())
    .map(([t, a, b]) => {
      const ws = t.split(/\s+/);
      const s = a % ws.length;
      return `"${ws.slice(s, s + 1 + (b % 3)).join(' ')}"`;
    });
  const q = fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    {
      weight: 3,
      arbitrary: fc.array(term, { minLength: 1, maxLength: 2 }).map((t) => t.join(' ')),
    },
    { weight: 1, arbitrary: fc.tuple(term, phrase).map(([t, p]) => `${t} ${p}`) },
  );
  const ext = {
    start: Math.min(...dataset.events.map((e) => e.start).filter(Number.isFinite)),
    end: Math.max(...dataset.events.map((e) => e.end).filter(Number.isFinite)),
  };
  const clampDraw = (t: number) => Math.max(-8.64e15, Math.min(8.64e15, t));
  const span = Math.max(86_400_000, ext.end - ext.start);
  const time = fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((x) => Math.round(clampDraw(ext.start + x * span)));
  const isoDay = time.map((t) =>
    // A year, month or day, or a minute (a bound within a day: the date-range facets read its day's events).
    new Date(t).toISOString().slice(0, fc.sample(fc.constantFrom(4, 7, 10, 16), 1)[0]),
  );
  const window = fc
    .tuple(time, fc.double({ min: 1e-5, max: 1.2, noNaN: true }))
    .map(([s, w]) => ({ start: s, end: Math.round(clampDraw(s + Math.max(1000, w * span))) }))
    .filter((w) => w.start < w.end);
  // Area filters around the dataset's own places (and a few fixed ones: the antimeridian, its edges, the world).
  const aroundPoints = boxesAround(dataset, 0.01, 8);
  const bbox = fc.oneof(
    { weight: 4, arbitrary: aroundPoints },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { west: 170, south: -60, east: -170, north: 60 },
        { west: 179.5, south: -90, east: 180, north: 90 },
        { west: -180, south: 40, east: 40, north: 60 },
        { west: -180, south: -90, east: 180, north: 90 },
      ),
    },
  );
  return fc
    .record({
      actors: pick(ids, ['nobody-here']),
      xactors: pick(ids),
      match: fc.constantFrom('any', 'all' as const),
      etypes: fc.uniqueArray(fc.constantFrom(...ENTITY_TYPES), { maxLength: 2 }),
      types: pick(types, ['no-such-type']),
      tags: pick(tags),
      places: pick(places, ['Atlantis']),
      prec: fc.uniqueArray(fc.constantFrom(...PRECISIONS), { maxLength: 2 }),
      q,
      since: fc.option(isoDay, { nil: undefined, freq: 4 }),
      until: fc.option(isoDay, { nil: undefined, freq: 4 }),
      bbox: fc.option(bbox, { nil: undefined, freq: 3 }),
      group: fc.constantFrom(...GROUP_BYS),
      window: fc.option(window, { nil: undefined, freq: 3 }),
      sort: fc.constantFrom<SortKey>(...SORT_KEYS),
      descending: fc.boolean(),
      offset: fc.nat({ max: 40 }),
      limit: fc.nat({ max: 25 }),
      widthPx: fc.constantFrom(800, 1200, 1900),
    })
    .map((r) => {
      const view: ViewState = {
        ...DEFAULT_VIEW,
        actors: r.actors,
        xactors: r.xactors.filter((x) => !r.actors.includes(x)),
        match: r.match,
        etypes: r.etypes,
        types: r.types,
        tags: r.tags,
        places: r.places,
        prec: r.prec,
        q: r.q,
        group: r.group,
        ...(r.since ? { since: r.since } : {}),
        ...(r.until ? { until: r.until } : {}),
        ...(r.bbox ? { bbox: r.bbox } : {}),
        ...(r.window ? { from: r.window.start, to: r.window.end } : {}),
      };
      return {
        view,
        opts: {
          sort: { key: r.sort, descending: r.descending },
          offset: r.offset,
          limit: r.limit,
          widthPx: r.widthPx,
        },
      };
    });
}

/**
 * View states the rollups answer (server/db/rollups.ts): no filter, or one dimension of the kinds they sum (one
 * actor, one excluded actor, one tag, types, places, precisions, entity types), over any window, mostly without
 * lanes (lanes read the events), and the text, dates and area of the random views removed.
 */
const ROLLUP_DIMS = [
  'actor',
  'xactor',
  'tag',
  'types',
  'places',
  'prec',
  'etypes',
  'q',
  'dates',
] as const;

/**
 * Views filtered on the given rollup dimensions only (one value for actors and tags, as the rollups sum), taken
 * from a random view; sometimes with its lanes.
 */
function onlyDims(
  { view, opts }: { view: ViewState; opts: object },
  dims: readonly (typeof ROLLUP_DIMS)[number][],
  lanes: number,
  q: string,
) {
  const one = <T>(xs: T[]) => xs.slice(0, 1);
  const v: ViewState = {
    ...DEFAULT_VIEW,
    group: lanes === 0 ? view.group : 'none',
    ...(view.from !== undefined ? { from: view.from, to: view.to } : {}),
  };
  for (const dim of dims) {
    if (dim === 'actor') v.actors = one(view.actors);
    if (dim === 'xactor') v.xactors = one(view.xactors);
    if (dim === 'tag') v.tags = one(view.tags);
    if (dim === 'types') v.types = view.types;
    if (dim === 'places') v.places = view.places;
    if (dim === 'prec') v.prec = view.prec;
    if (dim === 'etypes') v.etypes = view.etypes;
    if (dim === 'q') v.q = q;
    // A date range and one rollup dimension: that dimension's facet comes from `days`.
    if (dim === 'dates') Object.assign(v, { since: view.since ?? '2015', until: view.until });
  }
  return { view: v, opts };
}

/** Views the rollups answer whole: no filter or one rollup dimension. */
function rollupViewStates(dataset: Dataset) {
  return fc
    .tuple(
      viewStates(dataset),
      fc.subarray([...ROLLUP_DIMS], { maxLength: 1 }),
      fc.nat(3),
      oneWordQueries(frequentWords(dataset)),
    )
    .map(([v, dims, lanes, q]) => onlyDims(v, dims, lanes, q));
}

/** Views on two rollup dimensions: each filtered dimension's facet is read from the rollups, the rest scans. */
function twoDimViewStates(dataset: Dataset) {
  return fc
    .tuple(
      viewStates(dataset),
      fc.subarray([...ROLLUP_DIMS], { minLength: 2, maxLength: 2 }),
      fc.nat(3),
      oneWordQueries(frequentWords(dataset)),
    )
    .map(([v, dims, lanes, q]) => onlyDims(v, dims, lanes, q));
}

/** The dataset's most frequent words (by events holding them, as the text index counts them), most frequent first. */
function frequentWords(dataset: Dataset, n = 30): string[] {
  const index = buildIndex(dataset, { measures: false });
  const counts = new Map<string, number>();
  for (const e of index.events)
    for (const w of new Set(words(searchableText(index, e))))
      counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([w]) => w);
}

/**
 * Text queries of one word that may stand for one rollup word: the word, a typo of it (two letters swapped), a
 * prefix of it, in any case; and some that cannot (two words, a phrase).
 */
function oneWordQueries(vocab: string[]): fc.Arbitrary<string> {
  const word = fc.constantFrom(...(vocab.length ? vocab : ['x']));
  return fc.oneof(
    { weight: 3, arbitrary: word },
    { weight: 1, arbitrary: word.map((w) => w.toUpperCase()) },
    {
      weight: 2,
      arbitrary: word.map((w) =>
        w.length > 5 ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` : w,
      ),
    },
    { weight: 2, arbitrary: word.map((w) => w.slice(0, Math.max(1, w.length - 1))) },
    { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`) },
    { weight: 1, arbitrary: word.map((w) => `"${w}"`) },
  );
}

/** The parts of an answer both engines must agree on (everything but the highlight terms and event bodies). */
function comparable(a: Record<string, unknown>) {
  const { rows, plan, ...rest } = a as {
    rows: { position: number; event: { id: string } }[];
    plan: { items: { id: string }[] } | null;
  };
  delete (rest as { highlightTerms?: unknown }).highlightTerms;
  return JSON.parse(
    JSON.stringify({
      ...rest,
      plan: plan
        ? { ...plan, items: [...plan.items].sort((x, y) => (x.id < y.id ? -1 : 1)) }
        : null,
      rows: rows.map((r) => [r.position, r.event.id]),
    }),
  ) as unknown;
}

/**
 * The API's answer to a view equals the browser engine's (`browserAnswer`) for the same link and options; with
 * `part: 'window'`, the window's half alone (as a pan asks, after the filter change's whole answer) equals the
 * browser's window, lanes and plan.
 */
async function assertAnswersAsBrowser(
  f: (typeof FIXTURES)[number],
  engine: Parameters<typeof browserAnswer>[0],
  view: ViewState,
  opts: object,
  part?: 'window',
) {
  const link = serialiseViewState(view);
  const res = await query(
    f.id,
    { view: link, ...opts, ...(part ? { parts: part } : {}) },
    f.public ? undefined : TOKEN,
  );
  assert.equal(res.status, 200, res.text);
  // The server reads the link with the app's own codecs: the reference reads the same link.
  const read = parseViewState(link).state;
  const o = opts as {
    sort: { key: SortKey; descending: boolean };
    offset: number;
    limit: number;
    widthPx: number;
  };
  const expected = browserAnswer(engine, read, {
    group: read.group,
    ...(read.from !== undefined ? { window: { start: read.from, end: read.to! } } : {}),
    lod: { maxVisibleItems: 100, widthPx: o.widthPx, minBucketPx: 56 },
    sort: o.sort,
    offset: o.offset,
    limit: o.limit,
    list: read.list,
  });
  const want = expected as unknown as Record<string, unknown>;
  if (part === 'window') {
    const { window, lanes, plan, rows } = want;
    // With the list In view, the window's half holds the list's page too.
    assert.deepEqual(
      comparable({ rows: [], ...res.body }),
      comparable({
        rows: read.list === 'view' ? rows : [],
        ...(window ? { window } : {}),
        lanes,
        plan,
      }),
      `${link} (the window's half)`,
    );
  } else assert.deepEqual(comparable(res.body), comparable(want), link);
  return res.body;
}

/** A pan after a filter change: the same filters, the window moved by a tenth of its width. */
function panned(view: ViewState): ViewState | undefined {
  if (view.from === undefined || view.to === undefined) return undefined;
  const shift = (view.to - view.from) / 10;
  return { ...view, from: view.from + shift, to: view.to + shift };
}

/** The words a fixture's current version has rollups for (none without the word rollup tables). */
async function rollupWordsOf(id: string): Promise<Set<string>> {
  const { rows } = await admin.query(`SELECT version FROM ${SCHEMA}.datasets WHERE id = $1`, [id]);
  const p = `${SCHEMA}.d${String(rows[0].version)}_`;
  const present = await admin.query('SELECT to_regclass($1) AS t', [`${p}wpairs`]);
  if (present.rows[0].t === null) return new Set();
  const found = await admin.query<{ word: string }>(
    `SELECT w.word FROM ${p}wpairs x JOIN ${p}words w ON w.code = x.va
      WHERE x.da = ${ROLLUP_DIM.word} AND x.db = ${ROLLUP_DIM.word}`,
  );
  return new Set(found.rows.map((r) => r.word));
}

describe('the API answers as the browser engine does', () => {
  for (const f of FIXTURES) {
    it(`${f.id}: random view states`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      await fc.assert(
        fc.asyncProperty(viewStates(dataset), async ({ view, opts }) => {
          await assertAnswersAsBrowser(f, engine, view, opts);
          // The pans that follow count from the view's day profile, which the answer above kept.
          const pan = panned(view);
          if (pan) await assertAnswersAsBrowser(f, engine, pan, opts, 'window');
          // With the list In view, the window's half cuts the list's page from the window's matches.
          if (pan)
            await assertAnswersAsBrowser(f, engine, { ...pan, list: 'view' }, opts, 'window');
        }),
        { numRuns: f.runs, seed: Number(process.env.SEED ?? 424242) },
      );
    });
  }

  for (const f of FIXTURES.filter((x) => x.id !== 'legacy')) {
    it(`${f.id}: views the rollups answer`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      await fc.assert(
        fc.asyncProperty(rollupViewStates(dataset), async ({ view, opts }) => {
          await assertAnswersAsBrowser(f, engine, view, opts);
          // The list In view: the page from the window's half, none from the matches' (which the rollups answer).
          if (view.from !== undefined)
            await assertAnswersAsBrowser(f, engine, { ...view, list: 'view' }, opts);
        }),
        { numRuns: f.runs, seed: Number(process.env.SEED ?? 424242) },
      );
    });
  }

  for (const f of FIXTURES.filter((x) => x.id !== 'legacy')) {
    it(`${f.id}: views on two rollup dimensions`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      await fc.assert(
        fc.asyncProperty(twoDimViewStates(dataset), async ({ view, opts }) => {
          await assertAnswersAsBrowser(f, engine, view, opts);
          // Their pans count from the view's day profile, kept by the answer above.
          const pan = panned(view);
          if (pan) await assertAnswersAsBrowser(f, engine, pan, opts, 'window');
        }),
        { numRuns: f.runs, seed: Number(process.env.SEED ?? 424242) },
      );
    });
  }

  it("pans after a filter change: buckets and counts from the view's and its lanes' day profiles, as the browser's", async () => {
    const f = FIXTURES[0];
    const { dataset, engine } = engines.get(f.id)!;
    // Two filtered dimensions (so the rollups do not answer) matching most events, drawn as day-aligned buckets;
    // with lanes of one value and of many; and a view the rollups answer, with lanes.
    const types = [...new Set(dataset.events.map((e) => e.type).filter((t) => t !== undefined))];
    const broad: ViewState = { ...DEFAULT_VIEW, prec: ['day', 'month'], types: types as string[] };
    const views: ViewState[] = [
      broad,
      { ...broad, group: 'type' },
      { ...broad, group: 'actor' },
      { ...DEFAULT_VIEW, types: [types[0] as string], group: 'actor' },
    ];
    for (const view of views) await pansAsBrowser(f, engine, view);
  });

  it("a date range and one other filter: that filter's facet from `days`, its bounds' own days from the events", async () => {
    const opts = { sort: { key: 'date', descending: false }, offset: 0, limit: 10, widthPx: 1200 };
    const before = rangeFacetAnswers.count;
    const ucdp = FIXTURES[0];
    const gapsFix = FIXTURES.find((f) => f.id === 'gaps')!;
    // Events at whole days (UCDP) and at times of day (the synthetic events): a bound within a day counts the
    // events starting on its last day before it, and ending on its first day by it.
    for (const { fixture, dataset, engine } of [
      { fixture: ucdp, ...engines.get(ucdp.id)! },
      { fixture: gapsFix, ...engines.get(gapsFix.id)! },
    ]) {
      const minute = (t: number) => new Date(t).toISOString().slice(0, 16);
      const first =
        dataset.events.find(
          (e) =>
            e.type !== undefined &&
            e.actors.length > 0 &&
            e.tags.length > 0 &&
            e.end % 86_400_000 !== 0,
        ) ??
        dataset.events.find(
          (e) => e.type !== undefined && e.actors.length > 0 && e.tags.length > 0,
        )!;
      const mid = dataset.events[Math.floor(dataset.events.length / 2)]!;
      const ranges = [
        { since: '2016', until: '2017-06' },
        // Starting just after the first event's end (on its day, when it ends within one) and ending on its start.
        { since: minute(first.end + 60_000), until: minute(first.end + 30 * 86_400_000) },
        { since: minute(first.start - 86_400_000), until: minute(first.start + 60_000) },
        { since: minute(mid.start + 7_200_000) },
        { until: minute(mid.start + 1_800_000) },
        // Within one day: an event may both start on its last day and end on its first.
        { since: minute(mid.start - 3_600_000), until: minute(mid.start + 3_600_000) },
      ];
      for (const r of ranges)
        for (const filter of [
          { types: [first.type!] },
          { actors: first.actors.slice(0, 1) },
          { xactors: first.actors.slice(0, 1) },
          { tags: first.tags.slice(0, 1) },
          { prec: ['day' as const, 'hour' as const] },
        ])
          await assertAnswersAsBrowser(fixture, engine, { ...DEFAULT_VIEW, ...r, ...filter }, opts);
    }
    assert.ok(rangeFacetAnswers.count > before, 'no facet was answered from `days`');
  });

  it("lanes of views the rollups answer: their profiles from `days` and `ldays`, scanning only a rarer value's term", async () => {
    const fixture = FIXTURES.find((f) => f.id === 'gaps')!;
    const { dataset, engine } = engines.get(fixture.id)!;
    const ranked = (pick: (e: (typeof dataset.events)[number]) => readonly string[]) => {
      const n = new Map<string, number>();
      for (const e of dataset.events) for (const v of pick(e)) n.set(v, (n.get(v) ?? 0) + 1);
      return [...n].sort((a, b) => b[1] - a[1]).map(([v]) => v);
    };
    const actors = ranked((e) => e.actors);
    const types = ranked((e) => (e.type === undefined ? [] : [e.type]));
    const tags = ranked((e) => e.tags);
    const before = { ...laneProfileParts };
    // Every event by type and by place (more values than lanes: an other lane too), two types by type, an
    // exclusion by type and by place (every event's rows less the excluded actor's: from `ldays` by type; scanned
    // by place, of more values than the lane rollup takes), a tag by actor (its matches scanned, an event in the
    // lane of each of its actors).
    const views: ViewState[] = [
      { ...DEFAULT_VIEW, group: 'type' },
      { ...DEFAULT_VIEW, group: 'place' },
      { ...DEFAULT_VIEW, types: types.slice(0, 2), group: 'type' },
      { ...DEFAULT_VIEW, types: types.slice(0, 14), group: 'type' },
      { ...DEFAULT_VIEW, xactors: actors.slice(0, 1), group: 'type' },
      { ...DEFAULT_VIEW, xactors: actors.slice(0, 1), group: 'place' },
      { ...DEFAULT_VIEW, tags: tags.slice(0, 1), group: 'actor' },
    ];
    for (const view of views) await pansAsBrowser(fixture, engine, view);
    assert.ok(laneProfileParts.days > before.days, 'no lane profile read from days');
    assert.ok(laneProfileParts.scans > before.scans, 'no lane profile scanned');
    // A frequent actor or tag (the lane rollup's keys) by type: from `ldays`; a rare actor's exclusion scans.
    const [laneDays, scans] = [laneProfileParts.laneDays, laneProfileParts.scans];
    for (const view of [
      { ...DEFAULT_VIEW, actors: actors.slice(0, 1), group: 'type' as const },
      { ...DEFAULT_VIEW, tags: tags.slice(0, 1), group: 'type' as const },
    ]) {
      await pansAsBrowser(fixture, engine, view);
    }
    assert.ok(laneProfileParts.laneDays >= laneDays + 2, 'a lane rollup key was not read');
    assert.equal(laneProfileParts.scans, scans, 'a lane rollup key was scanned');
    assert.ok(laneProfileParts.laneDays > before.laneDays + 2, 'an exclusion did not read `ldays`');
    await pansAsBrowser(fixture, engine, {
      ...DEFAULT_VIEW,
      xactors: actors.slice(-1),
      group: 'type',
    });
    assert.ok(laneProfileParts.scans > scans, "a rare actor's exclusion was not scanned");
  });

  /** A filter change at three widths from the start of the data, each followed by four pans of a tenth. */
  async function pansAsBrowser(
    f: (typeof FIXTURES)[number],
    engine: Parameters<typeof browserAnswer>[0],
    view: ViewState,
  ) {
    const { dataset } = engines.get(f.id)!;
    const starts = dataset.events.map((e) => e.start);
    const [lo, hi] = [Math.min(...starts), Math.max(...starts)];
    const opts = {
      sort: { key: 'date', descending: false },
      offset: 0,
      limit: 10,
      widthPx: 1200,
    };
    for (const share of [1, 0.4, 0.1]) {
      const width = (hi - lo) * share;
      let from = lo;
      await assertAnswersAsBrowser(f, engine, { ...view, from, to: from + width }, opts);
      for (let k = 0; k < 4; k++) {
        from += width / 10;
        await assertAnswersAsBrowser(
          f,
          engine,
          { ...view, from, to: from + width },
          opts,
          'window',
        );
      }
    }
  }

  it('a text query of one word standing for one rollup word is answered from the word rollups; others scan', async () => {
    const opts = { sort: { key: 'date', descending: false }, offset: 0, limit: 10, widthPx: 1200 };
    for (const f of FIXTURES) {
      const { dataset, engine } = engines.get(f.id)!;
      const rollupWords = await rollupWordsOf(f.id);
      const taken = { word: 0, typo: 0, prefix: 0 };
      const ask = async (view: ViewState) => {
        const before = wordRollupAnswers.count;
        const body = await assertAnswersAsBrowser(f, engine, view, opts);
        return { body, took: wordRollupAnswers.count - before };
      };
      for (const w of frequentWords(dataset, 12)) {
        const kinds = {
          word: w,
          typo: w.length > 5 ? `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}` : w,
          prefix: w.slice(0, Math.max(1, w.length - 1)),
        };
        for (const [kind, q] of Object.entries(kinds) as [keyof typeof taken, string][]) {
          const { body, took } = await ask({ ...DEFAULT_VIEW, q });
          // The path follows the server's own resolution: one indexed word, and one of the rollup words.
          const terms = body.highlightTerms as string[];
          const one = terms.length === 1 && rollupWords.has(terms[0]!);
          assert.equal(took, one ? 1 : 0, `${f.id}: q=${q} (${terms.join(', ')})`);
          taken[kind] += took;
        }
        // Two query words, a quoted word and text with another filter scan.
        for (const view of [
          { ...DEFAULT_VIEW, q: `${w} ${w}` },
          { ...DEFAULT_VIEW, q: `"${w}"` },
          { ...DEFAULT_VIEW, q: w, prec: [PRECISIONS[0]!] },
        ])
          assert.equal((await ask(view)).took, 0, `${f.id}: ${serialiseViewState(view)}`);
      }
      if (f.id === 'ucdp') {
        assert.ok(taken.word > 0 && taken.typo > 0 && taken.prefix > 0, JSON.stringify(taken));
      }
      if (f.id === 'prewords' || f.id === 'legacy') assert.equal(rollupWords.size, 0);
    }
  });

  it('equivalent spellings, built in and from entity aliases, find what the browser finds, as words and in phrases', async () => {
    const opts = { sort: { key: 'date', descending: false }, offset: 0, limit: 10, widthPx: 1200 };
    const counts = async (id: string, qs: string[]) => {
      const { engine } = engines.get(id)!;
      const f = FIXTURES.find((x) => x.id === id)!;
      const out: number[] = [];
      for (const q of qs)
        out.push(
          (
            (await assertAnswersAsBrowser(f, engine, { ...DEFAULT_VIEW, q }, opts)) as {
              count: number;
            }
          ).count,
        );
      return out;
    };
    // UCDP writes Kiev and Kyiv, Lugansk and Luhansk: each spelling finds both, as a word, a prefix and in a phrase.
    for (const id of ['ucdp', 'legacy']) {
      const [kyiv, kiev, kyi, phrase, lugansk, luhansk] = await counts(id, [
        'Kyiv',
        'kiev',
        'kyi',
        '"kiev city"',
        'lugansk',
        'Luhansk',
      ]);
      assert.ok(kyiv! > 0 && kyiv === kiev, `${id}: Kyiv ${kyiv}, Kiev ${kiev}`);
      assert.ok(kyi! < kyiv!, `${id}: the prefix kyi is not a spelling of Kiev (${kyi})`);
      assert.ok(phrase! > 0 && lugansk! > 0 && lugansk === luhansk, `${id}: ${phrase}, ${lugansk}`);
    }
    // The gaps fixture's entity "Bakhmut" (aliases Artemivsk, Artemovsk): its other names find titles naming Bakhmut.
    const [bakhmut, artemivsk, quoted] = await counts('gaps', [
      'bakhmut',
      'artemivsk',
      '"near artemovsk"',
    ]);
    assert.ok(
      bakhmut! > 0 && artemivsk === bakhmut && quoted! > 0,
      `${bakhmut} ${artemivsk} ${quoted}`,
    );
  });

  it('asked in halves (matches; window), answers the fields of the whole answer', async () => {
    const { dataset } = engines.get('ucdp')!;
    await fc.assert(
      fc.asyncProperty(viewStates(dataset), fc.boolean(), async ({ view: v, opts }, listInView) => {
        // The list In view: the window's half holds the page, the matches' half none.
        const view: ViewState = listInView ? { ...v, list: 'view' } : v;
        const body = { view: serialiseViewState(view), ...opts };
        const [whole, matches, drawn] = await Promise.all([
          query('ucdp', body),
          query('ucdp', { ...body, parts: 'matches' }),
          query('ucdp', { ...body, parts: 'window' }),
        ]);
        assert.equal(matches.status, 200, matches.text);
        assert.equal(drawn.status, 200, drawn.text);
        const w = whole.body;
        assert.deepEqual(Object.keys(matches.body).sort(), [
          'count',
          'facets',
          'highlightTerms',
          'histogram',
          'notices',
          'rows',
          'stale',
        ]);
        // With the list In view, the list's page is the window's (it moves with each pan), not the matches'.
        const inView = view.list === 'view';
        assert.deepEqual(
          Object.keys(drawn.body).sort(),
          [...(inView ? ['rows'] : []), 'lanes', 'plan', ...(w.window ? ['window'] : [])].sort(),
        );
        if (inView) assert.deepEqual(matches.body.rows, []);
        for (const k of Object.keys(matches.body))
          if (!(inView && k === 'rows')) assert.deepEqual(matches.body[k], w[k], k);
        for (const k of Object.keys(drawn.body)) assert.deepEqual(drawn.body[k], w[k], k);
      }),
      { numRuns: 15, seed: Number(process.env.SEED ?? 424242) },
    );
    assert.equal((await query('ucdp', { view: '', parts: 'all' })).status, 400);
    // A measure range is the browser's alone: refused by the query and the map rather than ignored.
    const ranged = await query('ucdp', { view: 'measure=best:10:' });
    assert.equal(ranged.status, 400);
    assert.equal(ranged.body.error, 'measures-unsupported');
    const mapped = await api('/api/datasets/ucdp/map', {
      method: 'POST',
      body: JSON.stringify({
        view: 'measure=best:10:',
        viewport: { west: -180, south: -90, east: 180, north: 90 },
        cell: 10,
      }),
    });
    assert.equal(mapped.status, 400);
    assert.equal(mapped.body.error, 'measures-unsupported');
  });

  it('an event by id, with its actors', async () => {
    const { dataset } = engines.get('ucdp')!;
    const e = dataset.events[17]!;
    const res = await api(`/api/datasets/ucdp/events/${encodeURIComponent(e.id)}`);
    assert.equal(res.status, 200);
    assert.equal((res.body.event as { title: string }).title, e.title);
    assert.deepEqual(
      (res.body.entities as { id: string }[]).map((x) => x.id).sort(),
      [...e.actors].sort(),
    );
    assert.equal((await api('/api/datasets/ucdp/events/no-such-event')).status, 404);
  });
});

/** A part of the world the map may show (the whole, a region around the dataset's places, across the antimeridian) and a grid. */
function mapQuestions(dataset: Dataset): fc.Arbitrary<Omit<MapQuestion, 'window'>> {
  const around = boxesAround(dataset, 0.05, 20);
  const viewport = fc.oneof(
    { weight: 3, arbitrary: around },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { west: -180, south: -90, east: 180, north: 90 },
        { west: 170, south: -60, east: -170, north: 60 },
      ),
    },
  );
  // The app's grid: 48 pixels at a whole zoom level (67.5° / 2^zoom), and a few odd sizes a client might send.
  const cell = fc.oneof(
    fc.integer({ min: 0, max: 14 }).map((z) => 67.5 / 2 ** z),
    fc.constantFrom(0.0001, 0.3, 7, 360),
  );
  return fc.record({ viewport, cell });
}

describe('the map answers as the browser engine does', () => {
  /** Centroids are sums in another order: equal to nine decimals. */
  const comparableMap = (a: Record<string, unknown>) =>
    JSON.parse(
      JSON.stringify(a, (_k, v: unknown) =>
        typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(9)) : v,
      ),
    ) as unknown;
  for (const f of FIXTURES) {
    it(`${f.id}: random view states and viewports`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      await fc.assert(
        fc.asyncProperty(
          viewStates(dataset),
          fc.nat(3),
          mapQuestions(dataset),
          fc.boolean(),
          async ({ view: random }, keep, question, geowin) => {
            // Random filters mostly match little: most runs keep one of them, or none.
            const view: ViewState =
              keep === 0
                ? random
                : {
                    ...DEFAULT_VIEW,
                    ...(keep === 2 ? { types: random.types, places: random.places } : {}),
                    ...(keep === 3 ? { actors: random.actors, q: random.q } : {}),
                    ...(random.from !== undefined ? { from: random.from, to: random.to } : {}),
                  };
            const link = serialiseViewState({ ...view, geowin });
            const res = await api(`/api/datasets/${f.id}/map`, {
              method: 'POST',
              body: JSON.stringify({ view: link, ...question }),
              ...(f.public ? {} : { token: TOKEN }),
            });
            assert.equal(res.status, 200, res.text);
            const read = parseViewState(link).state;
            const r = runQuery(engine.index, engine.text, read);
            const window = mapWindow(read);
            const expected = mapCells(engine.index, r.matches, r.count, {
              ...question,
              ...(window ? { window } : {}),
            });
            const got: Record<string, unknown> = { ...res.body };
            delete got.notices;
            assert.deepEqual(
              comparableMap(got),
              comparableMap(expected as unknown as Record<string, unknown>),
              `${link} ${JSON.stringify(question)}`,
            );
          },
        ),
        { numRuns: f.runs, seed: Number(process.env.SEED ?? 424242) },
      );
    });
  }

  it('refuses a map question it cannot read, without saying more', async () => {
    for (const body of [
      { view: '', viewport: { west: 0, south: 10, east: 5, north: 0 }, cell: 1 },
      { view: '', viewport: { west: 0, south: 0, east: 5, north: 10 }, cell: 0 },
      { view: '', viewport: { west: 0, south: 0, east: 500, north: 10 }, cell: 1 },
      { view: '', viewport: { west: 0, south: 0, east: 5, north: 10 }, cell: 1, sql: 'x' },
    ]) {
      const res = await api('/api/datasets/ucdp/map', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.doesNotMatch(res.text, /select|postgres|syntax/i);
    }
  });

  it('counts the events in a drawn box as a count written the long way', async () => {
    const { dataset } = engines.get('ucdp')!;
    const box = { west: 35, south: 46, east: 40, north: 49 };
    const link = serialiseViewState({ ...DEFAULT_VIEW, bbox: box });
    const res = await api('/api/datasets/ucdp/map', {
      method: 'POST',
      body: JSON.stringify({
        view: link,
        viewport: { west: -180, south: -90, east: 180, north: 90 },
        cell: 1,
      }),
    });
    assert.equal(res.status, 200, res.text);
    const inBox = dataset.events.filter(
      (e) =>
        e.location?.lat !== undefined &&
        e.location.lon !== undefined &&
        e.location.lat >= box.south &&
        e.location.lat <= box.north &&
        e.location.lon >= box.west &&
        e.location.lon <= box.east,
    ).length;
    assert.ok(inBox > 0);
    assert.equal(res.body.placed, inBox);
    const cells = res.body.cells as { count: number }[];
    assert.equal(
      cells.reduce((s, c) => s + c.count, 0),
      inBox,
    );
  });
});

const profile = (id: string, entityId: string, body: unknown, token?: string) =>
  api(`/api/datasets/${id}/entities/${encodeURIComponent(entityId)}/profile`, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  });

describe('entity profiles answer as the browser engine does', () => {
  for (const f of FIXTURES) {
    it(`${f.id}: random entities under random view states`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      const ids = dataset.entities.map((e) => e.id);
      // Mostly the dataset's entities (its busiest among them), sometimes an id it does not hold.
      const entity = fc.oneof(
        { weight: 6, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant('nobody') },
        { weight: 1, arbitrary: fc.constantFrom('no-such-entity', "x'; drop table y; --") },
      );
      const token = f.public ? undefined : TOKEN;
      let unknown = 0;
      let none = 0;
      let some = 0;
      await fc.assert(
        fc.asyncProperty(
          viewStates(dataset),
          fc.nat(3),
          entity,
          async ({ view: random }, keep, entityId) => {
            // Random filters mostly match little: most runs keep one of them, or none; one in four excludes the
            // entity itself, so it has no matching events.
            const view: ViewState =
              keep === 0
                ? random
                : keep === 1
                  ? { ...DEFAULT_VIEW, xactors: [entityId], types: random.types.slice(0, 1) }
                  : {
                      ...DEFAULT_VIEW,
                      ...(keep === 2 ? { types: random.types, since: random.since } : {}),
                      ...(keep === 3 ? { q: random.q, prec: random.prec } : {}),
                    };
            const link = serialiseViewState(view);
            const res = await profile(f.id, entityId, { view: link }, token);
            const read = parseViewState(link).state;
            const r = runQuery(engine.index, engine.text, read);
            const expected = entityProfileAnswer(engine.index, r.matches, entityId);
            if (!expected) {
              unknown++;
              assert.equal(res.status, 404, res.text);
              assert.equal(res.body.error, 'not-found');
              return;
            }
            assert.equal(res.status, 200, `${link} ${entityId} ${res.text}`);
            if (expected.count === 0) none++;
            else some++;
            assert.deepEqual(res.body, JSON.parse(JSON.stringify(expected)), `${link} ${entityId}`);
          },
        ),
        { numRuns: f.runs, seed: Number(process.env.SEED ?? 424242) },
      );
      // The property saw every kind of answer it is about (the seed is fixed, so this holds run to run).
      if (ids.length > 0) assert.ok(none > 0 && some > 0, `${none} empty, ${some} with events`);
      assert.ok(unknown > 0, 'no unknown entity was asked');
    });
  }

  it('the busiest actor of a type: its count is the facet count, its dates those of its events', async () => {
    const { dataset } = engines.get('ucdp')!;
    const type = dataset.events[0]!.type!;
    const link = serialiseViewState({ ...DEFAULT_VIEW, types: [type] });
    const answer = await query('ucdp', { view: link, limit: 0 });
    const facet = (answer.body.facets as { actors: Record<string, number> }).actors;
    const [top, n] = Object.entries(facet).sort((a, b) => b[1] - a[1])[0]!;
    const res = await profile('ucdp', top, { view: link });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.count, n);
    const starts = dataset.events
      .filter((e) => e.type === type && e.actors.includes(top))
      .map((e) => e.start);
    assert.equal(res.body.firstSeen, Math.min(...starts));
    assert.equal(res.body.lastSeen, Math.max(...starts));
  });

  it('keeps the access rules and refuses what it cannot read', async () => {
    const { dataset } = engines.get('hostile')!;
    const entityId = dataset.entities[0]?.id ?? 'x';
    for (const token of [undefined, 'wrong-token-but-long-enough']) {
      const known = await profile('hostile', entityId, { view: '' }, token);
      const unknown = await profile('no-such-dataset', entityId, { view: '' }, token);
      assert.equal(known.status, 401);
      assert.deepEqual(known.body, unknown.body);
    }
    assert.equal((await profile('hostile', entityId, { view: '' }, TOKEN)).status, 200);
    assert.equal((await profile('hostile', entityId, { view: '' }, NARROW)).status, 404);
    const ucdp = engines.get('ucdp')!.dataset.entities[0]!.id;
    for (const body of [{}, { view: 3 }, { view: '', sql: 'x' }, [], 'view'])
      assert.equal((await profile('ucdp', ucdp, body)).status, 400, JSON.stringify(body));
    assert.equal((await profile('ucdp', ucdp, { view: 'measure=best:10:' })).status, 400);
    const get = await api(`/api/datasets/ucdp/entities/${encodeURIComponent(ucdp)}/profile`);
    assert.equal(get.status, 405);
    assert.equal((await api(`/api/datasets/ucdp/entities/${ucdp}/nope`)).status, 404);
  });
});

const step = (id: string, body: unknown, token?: string) =>
  api(`/api/datasets/${id}/step`, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  });

describe('j and k (the next match in time) answer as the browser engine does', () => {
  for (const f of FIXTURES) {
    it(`${f.id}: from random selections and windows under random view states`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      const ids = dataset.events.map((e) => e.id);
      const selected = fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 5, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('no-such-event', "x'; drop table y; --") },
      );
      const token = f.public ? undefined : TOKEN;
      const seen = { fromSelection: 0, fromWindow: 0, wrapped: 0, none: 0 };
      await fc.assert(
        fc.asyncProperty(
          viewStates(dataset),
          fc.nat(2),
          selected,
          fc.constantFrom(1 as const, -1 as const),
          async ({ view: random }, keep, selectedId, dir) => {
            // Random filters mostly match little: most runs keep the window and one filter, or none.
            const view: ViewState =
              keep === 0
                ? random
                : { ...DEFAULT_VIEW, ...(keep === 1 ? { types: random.types.slice(0, 1) } : {}) };
            const window =
              random.from !== undefined ? { start: random.from, end: random.to! } : undefined;
            const link = serialiseViewState(view);
            const res = await step(
              f.id,
              {
                view: link,
                dir,
                ...(selectedId !== undefined ? { selected: selectedId } : {}),
                ...(window ? { window } : {}),
              },
              token,
            );
            assert.equal(res.status, 200, `${link} ${res.text}`);
            const r = runQuery(engine.index, engine.text, parseViewState(link).state);
            const expected = stepRow(engine.index, r.matches, selectedId, window, dir);
            const row = res.body.row as { position: number; event: { id: string } } | null;
            assert.deepEqual(
              row && [row.position, row.event.id],
              expected ? [expected.position, expected.event.id] : null,
              `${link} from ${String(selectedId)} in ${JSON.stringify(window)} dir ${dir}`,
            );
            const from = selectedId === undefined ? undefined : engine.index.byId.get(selectedId);
            if (!expected) seen.none++;
            else if (from !== undefined && (!window || overlapsWindow(engine.index, from, window)))
              seen.fromSelection++;
            else seen.fromWindow++;
            if (expected && from !== undefined && (expected.position - from) * dir < 0)
              seen.wrapped++;
          },
        ),
        { numRuns: f.runs, seed: Number(process.env.SEED ?? 424242) },
      );
      // The property saw each way a step starts (the seed is fixed, so this holds run to run).
      if (ids.length > 0)
        assert.ok(seen.fromSelection > 0 && seen.fromWindow > 0, JSON.stringify(seen));
    });
  }

  it('keeps the access rules and refuses what it cannot read', async () => {
    for (const token of [undefined, 'wrong-token-but-long-enough']) {
      const known = await step('hostile', { view: '', dir: 1 }, token);
      const unknown = await step('no-such-dataset', { view: '', dir: 1 }, token);
      assert.equal(known.status, 401);
      assert.deepEqual(known.body, unknown.body);
    }
    assert.equal((await step('hostile', { view: '', dir: 1 }, TOKEN)).status, 200);
    for (const body of [
      {},
      { view: '', dir: 2 },
      { view: '', dir: 1, window: { start: 5, end: 1 } },
      { view: '', dir: 1, selected: 3 },
      { view: '', dir: 1, sql: 'x' },
      [],
    ])
      assert.equal((await step('ucdp', body)).status, 400, JSON.stringify(body));
    assert.equal((await api('/api/datasets/ucdp/step')).status, 405);
    // Nothing matches: no row, not an error.
    const none = await step('ucdp', { view: 'q=zzzzqqqq', dir: 1 });
    assert.equal(none.status, 200);
    assert.equal(none.body.row, null);
  });
});

/** An export's stream read as the app reads it: the events, and the end line. */
async function exported(id: string, view: string, token?: string) {
  const res = await api(`/api/datasets/${id}/export`, {
    method: 'POST',
    body: JSON.stringify({ view }),
    ...(token ? { token } : {}),
  });
  if (res.status !== 200) return { status: res.status, body: res.body, events: [], end: undefined };
  assert.match(res.headers.get('content-type') ?? '', /^application\/x-ndjson/);
  const lines = res.text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { e?: TimelineEvent; end?: { count: number; more: boolean } });
  const end = lines.pop()?.end;
  assert.ok(end, 'the stream has no end line');
  assert.ok(lines.every((l) => l.e));
  return { status: 200, body: undefined, events: lines.map((l) => l.e!), end };
}

describe('exports stream the matching events, as the browser engine exports them', () => {
  for (const f of FIXTURES) {
    it(`${f.id}: random view states, in time order, up to the server's limit`, async () => {
      const { dataset, engine } = engines.get(f.id)!;
      const plain = buildIndex(dataset, { measures: false });
      const token = f.public ? undefined : TOKEN;
      let capped = 0;
      let whole = 0;
      await fc.assert(
        fc.asyncProperty(viewStates(dataset), fc.boolean(), async ({ view }, unfiltered) => {
          const link = serialiseViewState(unfiltered ? DEFAULT_VIEW : view);
          const { status, events, end } = await exported(f.id, link, token);
          assert.equal(status, 200, link);
          const r = runQuery(engine.index, engine.text, parseViewState(link).state);
          const positions: number[] = [];
          r.matches.forEach((p) => void positions.push(p));
          const kept = positions.slice(0, EXPORT_LIMIT);
          assert.deepEqual(
            end,
            { count: kept.length, more: positions.length > EXPORT_LIMIT },
            link,
          );
          assert.deepEqual(
            events.map((e) => e.id),
            kept.map((p) => engine.index.events[p]!.id),
            link,
          );
          if (positions.length > EXPORT_LIMIT) capped++;
          else whole++;
          // Written by the app's stream writer, the file is byte for byte the file workspace's export.
          const matches = Bitset.of(plain.size, kept);
          const meta = { viewUrl: 'https://x/', source: `server:${f.id}`, exportedAt: 'now' };
          for (const format of ['json', 'jsonl', 'csv'] as const) {
            const out = new ExportStream(format, (id) => entityName(plain, id));
            const body = out.batch(events);
            const file =
              out.head({ ...plain.dataset, size: plain.size }, plain.entities, meta) +
              body +
              out.tail();
            const want =
              format === 'json'
                ? exportJson(plain, matches, meta)
                : format === 'jsonl'
                  ? exportJsonl(plain, matches, meta)
                  : exportCsv(plain, matches);
            assert.equal(file, want, `${link} ${format}`);
          }
        }),
        { numRuns: Math.min(f.runs, 15), seed: Number(process.env.SEED ?? 424242) },
      );
      if (f.id === 'ucdp') assert.ok(capped > 0 && whole > 0, `${capped} capped, ${whole} whole`);
    });
  }

  it('an export the client abandons frees its place: after three cut short, the next one answers', async () => {
    // Cut before any line arrives, and after the first. (written.test.ts holds the waits themselves.)
    for (const early of [true, false, true]) {
      const abort = new AbortController();
      const asked = fetch(`${base}/api/datasets/ucdp/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ view: '' }),
        signal: abort.signal,
      });
      if (early) {
        setTimeout(() => abort.abort(), 2);
        await asked.catch(() => undefined);
        continue;
      }
      const res = await asked;
      assert.equal(res.status, 200);
      await res.body!.getReader().read();
      abort.abort();
    }
    // The server notices the closes as it writes: a moment's 429 ("busy") at most, never for good.
    let status = 0;
    for (const t0 = Date.now(); Date.now() - t0 < 10_000;) {
      status = (await exported('ucdp', 'type=one-sided+violence')).status;
      if (status === 200) break;
      assert.equal(status, 429);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 200);
  });

  it('keeps the access rules and refuses what it cannot read', async () => {
    for (const token of [undefined, 'wrong-token-but-long-enough']) {
      const known = await exported('hostile', '', token);
      const unknown = await exported('no-such-dataset', '', token);
      assert.equal(known.status, 401);
      assert.deepEqual(known.body, unknown.body);
    }
    for (const body of [{}, { view: 3 }, { view: '', sql: 'x' }, []])
      assert.equal(
        (await api('/api/datasets/ucdp/export', { method: 'POST', body: JSON.stringify(body) }))
          .status,
        400,
      );
    assert.equal((await api('/api/datasets/ucdp/export')).status, 405);
    assert.equal((await exported('ucdp', 'measure=best:10:')).status, 400);
  });
});

describe('access', () => {
  it('lists only what the caller may read', async () => {
    const ids = async (token?: string) =>
      ((await api('/api/datasets', token ? { token } : {})).body.datasets as { id: string }[])
        .map((d) => d.id)
        .sort();
    assert.deepEqual(await ids(), ['acled', 'gaps', 'twain', 'ucdp']);
    assert.deepEqual(await ids(TOKEN), [
      'acled',
      'gaps',
      'hostile',
      'legacy',
      'prewords',
      'twain',
      'ucdp',
    ]);
    assert.deepEqual(await ids('wrong-token-but-long-enough'), ['acled', 'gaps', 'twain', 'ucdp']);
  });

  it('a private dataset answers 401 without a valid token, the same as an id that does not exist', async () => {
    for (const token of [undefined, 'wrong-token-but-long-enough', NARROW]) {
      const opts = token ? { token } : {};
      const known = await api('/api/datasets/hostile', opts);
      const unknown = await api('/api/datasets/no-such-dataset', opts);
      if (token === NARROW) {
        // A token that covers other datasets is known: the dataset it does not cover is "not found".
        assert.equal(known.status, 404);
        assert.deepEqual(known.body.error, unknown.body.error);
        continue;
      }
      assert.equal(known.status, 401);
      assert.equal(unknown.status, 401);
      assert.deepEqual(known.body, unknown.body);
      assert.equal((await query('hostile', { view: '' }, token)).status, 401);
    }
    const ok = await api('/api/datasets/hostile', { token: TOKEN });
    assert.equal(ok.status, 200);
    assert.equal((await api('/api/datasets/no-such-dataset', { token: TOKEN })).status, 404);
  });
});

describe('HTTP', () => {
  it('unknown /api/ paths are JSON 404s, never the app', async () => {
    for (const path of [
      '/api',
      '/api/',
      '/api/nope',
      '/api/datasets/ucdp/nope',
      '/api/datasets/ucdp/events/a/b',
    ]) {
      const res = await api(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(res.body.error, 'not-found');
    }
    assert.equal((await api('/api/datasets/ucdp/query')).status, 405);
  });

  it('serves the built app with the same CSP as the build, and hardening headers', async () => {
    const res = await api('/');
    assert.equal(res.status, 200);
    assert.match(res.text, /<div id="root">/);
    // Marked as served by the server, so the app offers the server's datasets (and only then asks for them).
    assert.ok(res.text.includes(SERVER_MARK));
    assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(res.text)));
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await api('/../../etc/passwd')).status, 404);
    assert.equal((await api('/%2e%2e/%2e%2e/etc/passwd')).status, 404);
  });

  it('hostile queries, steps and exports get a 4xx or an answer, never a 500 or SQL text', async () => {
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.record({ view: fc.string({ maxLength: 300 }) }),
      fc.record({
        view: fc.constantFrom(
          "q=')%3B DROP TABLE x%3B--",
          'actor=%00',
          'type=%27%27',
          'since=99999999',
          'q=%22%22%22',
        ),
        window: fc.record({ start: fc.double(), end: fc.double() }),
        offset: fc.integer(),
        limit: fc.integer(),
        sort: fc.record({ key: fc.string(), descending: fc.boolean() }),
      }),
    );
    // The same bodies, and some of their own, at every endpoint that reads a view: the query, j/k's step, the
    // export (its answer a stream of the dataset's events when it is read).
    const stepBody = fc.record(
      {
        view: fc.constantFrom("q=')%3B DROP TABLE x%3B--", 'actor=%00', 'q=%22%22%22', ''),
        selected: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("'; drop table y; --")),
        window: fc.record({ start: fc.double(), end: fc.double() }),
        dir: fc.oneof(fc.constantFrom(1, -1), fc.integer()),
      },
      { requiredKeys: ['view'] },
    );
    const endpoints = [
      { path: 'query', body: hostile },
      { path: 'step', body: fc.oneof(hostile, stepBody) },
      { path: 'export', body: hostile },
    ];
    for (const { path, body: bodies } of endpoints)
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const res = await api(`/api/datasets/ucdp/${path}`, {
            method: 'POST',
            body: JSON.stringify(body),
          });
          assert.ok(
            res.status === 200 || (res.status >= 400 && res.status < 500),
            `${path} ${res.status} ${res.text}`,
          );
          // Answers carry the dataset's own text; errors carry a sentence and nothing from the database.
          if (res.status !== 200) {
            assert.deepEqual(Object.keys(res.body).sort(), ['error', 'message']);
            assert.doesNotMatch(res.text, /syntax|relation|column|SELECT|postgres|\bat /i);
          }
        }),
        { numRuns: path === 'query' ? 150 : 60, seed: 7 },
      );
    const big = await query('ucdp', { view: 'q=' + 'x'.repeat(70_000) });
    assert.equal(big.status, 413);
    const notJson = await api('/api/datasets/ucdp/query', {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
  });

  it("refuses a measure range and ignores a sum, saying so (measures are the browser engine's only)", async () => {
    const ranged = await query('ucdp', { view: 'measure=best:100:' });
    assert.equal(ranged.status, 400);
    assert.match(String(ranged.body.message), /measure ranges/);
    const summed = await query('ucdp', { view: 'sum=best' });
    assert.equal(summed.status, 200);
    assert.ok((summed.body.notices as string[]).some((n) => /does not sum measures/.test(n)));
  });

  it('the database going away answers 503, and the server recovers without a restart', async () => {
    cluster.pause();
    try {
      const res = await api('/api/datasets');
      assert.equal(res.status, 503);
      assert.equal(res.body.error, 'unavailable');
    } finally {
      cluster.resume();
    }
    let status = 0;
    for (let k = 0; k < 20 && status !== 200; k++) {
      status = (await api('/api/datasets')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 200);
  });

  it("the API's role cannot write", async () => {
    const reader = new pg.Pool({
      connectionString: cluster.url.replace(/\/\/[^@]+@/, `//${READER_ROLE}@`),
    });
    try {
      await assert.rejects(reader.query(`DELETE FROM ${SCHEMA}.datasets`), /permission denied/);
    } finally {
      await reader.end();
    }
  });
});

describe('ingest', () => {
  const versionTables = async () =>
    Number(
      (
        await admin.query(
          `SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'd%\\_events'`,
          [SCHEMA],
        )
      ).rows[0].n,
    );
  const eventCount = async (id: string) =>
    (await admin.query(`SELECT event_count FROM ${SCHEMA}.datasets WHERE id = $1`, [id])).rows[0]
      ?.event_count as number | undefined;

  it('writes from memory the rollups (`pairs`, `days`, `ldays`) that the SQL over its events table builds, row for row', async () => {
    let laneRows = 0;
    for (const f of FIXTURES.filter((x) => x.id !== 'legacy')) {
      const { rows } = await admin.query(
        `SELECT version, event_count FROM ${SCHEMA}.datasets WHERE id = $1`,
        [f.id],
      );
      const version = String(rows[0].version);
      const t = tables(version);
      const sql = { pairs: `${t.pairs}_sql`, days: `${t.days}_sql`, laneDays: `${t.laneDays}_sql` };
      for (const statement of [
        ...rollupSql(version, sql),
        ...laneRollupSql(version, Number(rows[0].event_count), sql.laneDays),
      ])
        await admin.query(statement);
      try {
        for (const [written, built] of [
          [t.pairs, sql.pairs],
          [t.days, sql.days],
          [t.laneDays, sql.laneDays],
        ] as const) {
          const differ = await admin.query(
            `SELECT count(*)::int AS n FROM ((TABLE ${written} EXCEPT ALL TABLE ${built})
               UNION ALL (TABLE ${built} EXCEPT ALL TABLE ${written})) x`,
          );
          const size = await admin.query(`SELECT count(*)::int AS n FROM ${built}`);
          // A dataset without frequent actors or tags, or without types, has no lane rollup rows.
          if (written === t.laneDays) laneRows += size.rows[0].n as number;
          else assert.ok(size.rows[0].n > 0, `${f.id}: ${built} has rows`);
          assert.equal(differ.rows[0].n, 0, `${f.id}: ${written} differs from the SQL's rows`);
        }
      } finally {
        await admin.query(`DROP TABLE IF EXISTS ${sql.pairs}, ${sql.days}, ${sql.laneDays}`);
      }
    }
    assert.ok(laneRows > 0, 'no fixture has lane rollup rows');
  });

  it('a failed re-ingest leaves the previous version whole; a good one replaces it and drops the old tables', async () => {
    await ingest(
      { source: 'fixtures/files/acled-sample.csv', id: 'swap', public: true },
      cluster.url,
      quiet,
      { progress: false },
    );
    const before = await eventCount('swap');
    const tablesBefore = await versionTables();
    const first = await query('swap', { view: '' });
    await assert.rejects(
      ingest(
        {
          source: 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
          id: 'swap',
          public: true,
        },
        cluster.url,
        quiet,
        {
          progress: false,
          beforeCommit: () => {
            throw new Error('interrupted');
          },
        },
      ),
      /interrupted/,
    );
    assert.equal(await eventCount('swap'), before);
    assert.equal(await versionTables(), tablesBefore);
    assert.deepEqual((await query('swap', { view: '' })).body, first.body);

    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/ingest/main.ts', 'e2e/fixtures/not-json.json', '--id', 'swap'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: cluster.url },
      },
    );
    assert.equal(cli.status, 1, cli.stderr);
    assert.match(cli.stderr, /Not ingested/);
    assert.equal(await eventCount('swap'), before);

    const usage = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/ingest/main.ts', 'x.json'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: cluster.url },
      },
    );
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--id is required/);

    const good = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/ingest/main.ts',
        'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
        '--id',
        'swap',
        '--title',
        'Swapped',
      ],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: cluster.url } },
    );
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stderr, /3,883 events valid/);
    assert.equal(await eventCount('swap'), 3883);
    assert.equal(await versionTables(), tablesBefore);
    // Not --public this time: the dataset is private now.
    assert.equal((await api('/api/datasets/swap')).status, 401);
    assert.equal((await api('/api/datasets/swap', { token: TOKEN })).body.title, 'Swapped');
  });

  it('a file past the whole-file limit streams in (JSON); a format read whole is refused past it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronoscope-large-'));
    try {
      const file = join(dir, 'synthetic.json');
      writeFileSync(file, syntheticDocument(5_000, 13));
      // A limit far below the file's size stands in for the app's 256 MB.
      const wholeFileLimit = 64 * 1024;
      const result = await ingest({ source: file, id: 'large', public: true }, cluster.url, quiet, {
        progress: false,
        wholeFileLimit,
      });
      assert.equal(result.events, 5_000);
      const answer = await query('large', { view: '' });
      assert.equal(answer.status, 200);
      assert.equal((answer.body as { count: number }).count, 5_000);
      await assert.rejects(
        ingest(
          {
            source: 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv',
            id: 'large',
            public: true,
          },
          cluster.url,
          quiet,
          { progress: false, wholeFileLimit },
        ),
        /read as a stream only in/,
      );
      assert.equal(await eventCount('large'), 5_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an ingest killed while indexing leaves the previous version whole; the next ingest removes its tables', async () => {
    const before = await eventCount('swap');
    const tablesBefore = await versionTables();
    const first = await api('/api/datasets/swap', { token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'chronoscope-killed-'));
    try {
      const file = join(dir, 'synthetic.json');
      writeFileSync(file, syntheticDocument(40_000, 11));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/ingest/main.ts', file, '--id', 'swap'],
        { env: { ...process.env, DATABASE_URL: cluster.url }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // The rows are in, unpublished: kill it as a power cut would, with no chance to clean up.
        if (/Copied the rows/.test(stderr)) child.kill('SIGKILL');
      });
      await exited;
      assert.match(stderr, /Copied the rows/);
      assert.doesNotMatch(stderr, /Ingested/);
      // Its backends end when they notice the client is gone (after the statement they were running).
      for (let k = 0; k < 120; k++) {
        const { rows } = await admin.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`,
          [INGEST_APPLICATION],
        );
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.equal(await eventCount('swap'), before);
      assert.deepEqual(await api('/api/datasets/swap', { token: TOKEN }), first);
      assert.equal(await versionTables(), tablesBefore + 1, 'the killed ingest left its tables');

      const logs: string[] = [];
      await ingest(
        { source: 'fixtures/files/acled-sample.csv', id: 'swap', public: true },
        cluster.url,
        (l) => logs.push(l),
        { progress: false },
      );
      assert.match(logs.join('\n'), /Removed the unfinished tables of 1 interrupted ingest/);
      assert.equal(await versionTables(), tablesBefore);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
