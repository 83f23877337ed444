import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildIndex } from '../../src/domain/buildIndex';
import { mappingFromParam } from '../../src/domain/csvMapping';
import { EMPTY_FILTERS } from '../../src/domain/filters';
import { READABLE_FORMATS, type FormatId } from '../../src/domain/formats';
import { runQuery } from '../../src/domain/query';
import type { ReadOptions } from '../../src/data/read/loadDataset';
import {
  DATASET_ID,
  SCHEMA,
  dropOrphanVersions,
  dropVersion,
  ensureCatalog,
  lockVersion,
  grantReader,
  tables,
  versionDdl,
  versionIndexes,
} from '../db/schema';
import {
  datasetMeta,
  entityRows,
  eventAndDocRows,
  facetMaps,
  jsonbSafe,
  pgText,
  valueRows,
  WordCodes,
  WordLists,
  wordRows,
} from './rows';
import { copyValueRollups, copyWordRollups, recordedWords, releaseEvents } from './rollupRows';
import { readDatasetFile } from './streamRead';

/** Exit codes: what went wrong, for scripts. */
export const EXIT = { ok: 0, fatal: 1, usage: 2, database: 3 } as const;

export interface IngestArgs {
  source: string;
  id: string;
  title?: string;
  format?: FormatId;
  mapping?: ReadOptions['mapping'];
  public: boolean;
}

export class UsageError extends Error {}

const USAGE =
  'usage: npm run ingest -- <file-or-url> --id <dataset-id> [--title "..."] [--fmt <format>] [--map \'<mapping json>\'] [--public]';

/** Reads the command line; throws UsageError with a sentence saying what is wrong. */
export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let source: string | undefined;
  const out: Partial<IngestArgs> = { public: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const value = () => {
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`${a} needs a value.\n${USAGE}`);
      return v;
    };
    if (a === '--id') out.id = value();
    else if (a === '--title') out.title = value();
    else if (a === '--fmt') {
      const f = value();
      if (!(READABLE_FORMATS as string[]).includes(f))
        throw new UsageError(
          `Unknown format "${f}"; expected one of ${READABLE_FORMATS.join(', ')}.`,
        );
      out.format = f as FormatId;
    } else if (a === '--map') {
      const m = mappingFromParam(value());
      if (!m) throw new UsageError('--map is not a column mapping Chronoscope can read.');
      out.mapping = m;
    } else if (a === '--public') out.public = true;
    else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.\n${USAGE}`);
    else if (source === undefined) source = a;
    else throw new UsageError(`One file or URL at a time (also got "${a}").\n${USAGE}`);
  }
  if (!source) throw new UsageError(`Which file or URL?\n${USAGE}`);
  if (!out.id) throw new UsageError(`--id is required.\n${USAGE}`);
  if (!DATASET_ID.test(out.id))
    throw new UsageError(
      `The id "${out.id}" is not allowed: lower-case letters, digits, ".", "_" and "-", at most 64, starting with a letter or digit.`,
    );
  return { ...out, source } as IngestArgs;
}

/**
 * The file to read: a local path as it is, or an http(s) URL downloaded to a temporary file first (streamed to disk,
 * so its size is bounded by the disk, not by memory). `done` removes what was downloaded.
 */
async function localSource(
  source: string,
): Promise<{ path: string; name: string; done: () => void }> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) {
    const url = new URL(source);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`Only http(s) URLs and files can be ingested, not ${url.protocol}`);
    const res = await fetch(url, { redirect: 'follow' });
    if (!res.ok || !res.body)
      throw new UsageError(`${source} answered ${res.status} ${res.statusText}.`);
    const dir = mkdtempSync(join(tmpdir(), 'chronoscope-ingest-'));
    const name = basename(url.pathname) || 'download';
    const path = join(dir, name);
    await pipeline(
      Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
      createWriteStream(path),
    );
    return { path, name, done: () => rmSync(dir, { recursive: true, force: true }) };
  }
  return { path: source, name: basename(source), done: () => {} };
}

/** Progress on a terminal (one line rewritten), or a line now and then when the output is a log. */
export function progressReporter(
  total: number,
  out: NodeJS.WriteStream = process.stderr,
  unit = 'events',
  scale = 1,
) {
  const tty = out.isTTY === true;
  let last = 0;
  const started = Date.now();
  return {
    tick(done: number, force = false) {
      const now = Date.now();
      if (!force && now - last < (tty ? 100 : 5000)) return;
      last = now;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
      const f = (x: number) => Math.floor(x / scale).toLocaleString('en');
      const line = `  ${unit} ${f(done)} / ${f(total)} (${pct}%), ${f(rate)}/s`;
      out.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
    },
    done() {
      if (tty) out.write('\n');
    },
  };
}

async function copyInto(
  client: pg.PoolClient,
  table: string,
  rows: Iterable<string>,
  onRow?: (n: number) => void,
) {
  let n = 0;
  const source = Readable.from(
    (function* () {
      // Batches of rows per chunk: one stream chunk per row costs more than the row itself.
      let batch = '';
      for (const r of rows) {
        batch += r;
        n++;
        if (batch.length > 1 << 16) {
          onRow?.(n);
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
      onRow?.(n);
    })(),
  );
  // FREEZE: the table was created in this transaction, so its rows can be written as already visible to all.
  await pipeline(source, client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FREEZE)`)));
}

/**
 * Fills two tables at once from one producer of row pairs, each through its own connection's COPY: PostgreSQL
 * parses one table's rows on one core while the next rows are built here. Waits whenever either connection is
 * behind, so memory holds a few batches, not the tables.
 */
async function copyPairs(
  into: [client: pg.PoolClient, table: string][],
  rows: Iterable<readonly string[]>,
  onRows: (n: number) => void,
) {
  const streams = into.map(([client, table]) =>
    client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FREEZE)`)),
  );
  const done = streams.map((s) => finished(s));
  // A failed COPY rejects its stream's promise; the loop below stops at the next batch.
  let failed: unknown;
  done.forEach((p) => p.catch((e: unknown) => (failed ??= e)));
  const batches = streams.map(() => '');
  let n = 0;
  const flush = async (k: number) => {
    const s = streams[k]!;
    if (!s.write(batches[k]!)) await Promise.race([once(s, 'drain'), done[k]]);
    batches[k] = '';
  };
  for (const pair of rows) {
    for (let k = 0; k < pair.length; k++) batches[k] += pair[k]!;
    n++;
    if ((n & 255) === 0) {
      if (failed) break;
      for (let k = 0; k < batches.length; k++) if (batches[k]!.length > 1 << 16) await flush(k);
      onRows(n);
    }
  }
  if (failed) {
    streams.forEach((s) => s.destroy());
    throw failed;
  }
  streams.forEach((s, k) => s.end(batches[k]));
  await Promise.all(done);
  onRows(n);
}

/** The ingest's connections name themselves, for pg_stat_activity (and the tests). */
export const INGEST_APPLICATION = 'chronoscope-ingest';

/** Memory for each index build: sorts of a large table stay in memory instead of spilling to disk. */
const MAINTENANCE_WORK_MEM = '512MB';

export interface IngestResult {
  id: string;
  version: string;
  events: number;
  replaced: boolean;
}

/**
 * Reads a file through the app's own importers and validation and writes it into PostgreSQL in one transaction:
 * new tables filled with COPY, indexed, the catalog pointed at them, the previous version's tables dropped.
 */
export async function ingest(
  args: IngestArgs,
  databaseUrl: string,
  log: (line: string) => void = (l) => console.error(l),
  hooks: {
    beforeCommit?: () => Promise<void> | void;
    progress?: boolean;
    /** The largest file of a format that does not stream (read whole); the app's limit by default. */
    wholeFileLimit?: number;
    /** Logs how long each index and ANALYZE took. */
    timings?: boolean;
  } = {},
): Promise<IngestResult> {
  const source = await localSource(args.source);
  const { name } = source;
  let outcome;
  const readStart = performance.now();
  try {
    const size = statSync(source.path).size;
    log(`Reading ${name} (${(size / 2 ** 20).toFixed(1)} MB)…`);
    const reading =
      hooks.progress === false
        ? undefined
        : progressReporter(size, process.stderr, 'MB read', 2 ** 20);
    outcome = await readDatasetFile(source.path, name, {
      ...(args.format ? { format: args.format } : {}),
      ...(args.mapping ? { mapping: args.mapping } : {}),
      ...(hooks.wholeFileLimit ? { wholeFileLimit: hooks.wholeFileLimit } : {}),
      ...(reading ? { onBytes: (b: number) => reading.tick(b) } : {}),
    });
    reading?.done();
  } finally {
    source.done();
  }
  if (!outcome.ok) {
    const e = outcome.error;
    throw new FatalLoadError(`${e.message}${e.detail ? ` (${e.detail})` : ''}`);
  }
  const { dataset } = outcome;
  if (args.title) dataset.title = args.title;
  const errors = dataset.issues.filter((i) => i.severity === 'error');
  const warnings = dataset.issues.length - errors.length;
  log(
    `${outcome.format} (${outcome.encoding}): ${dataset.recordCount.toLocaleString('en')} records, ${dataset.events.length.toLocaleString('en')} events valid, ${errors.length.toLocaleString('en')} rejected, ${warnings.toLocaleString('en')} warnings (read and validated in ${((performance.now() - readStart) / 1000).toFixed(1)} s).`,
  );
  for (const i of errors.slice(0, 5))
    log(
      `  rejected ${dataset.recordUnit === 'row' ? 'row' : '#'}${i.position}${i.id ? ` (${i.id})` : ''}: ${i.message}`,
    );
  if (errors.length > 5)
    log(`  … and ${errors.length - 5} more (stored with the dataset's metadata).`);
  if (dataset.events.length === 0) throw new FatalLoadError('No valid events: nothing to ingest.');

  let started = performance.now();
  // The server does not offer measures (a measure range is refused): their columns are not built.
  const index = buildIndex(dataset, { measures: false });
  log(`Built the index in memory (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  started = performance.now();
  const meta = {
    ...datasetMeta(dataset, index, {
      format: outcome.format,
      encoding: outcome.encoding,
      bytes: outcome.bytes,
      source: name,
    }),
    allFacets: facetMaps(index, runQuery(index, undefined, EMPTY_FILTERS).facets),
  };

  log(`Counted the facets (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  let phase = performance.now();
  const took = () => {
    const s = ((performance.now() - phase) / 1000).toFixed(1);
    phase = performance.now();
    return `${s} s`;
  };
  // Two connections: the events and the docs are copied side by side (PostgreSQL parses one table's rows while
  // the other's are built here), and the indexes are built two at a time.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    application_name: INGEST_APPLICATION,
  });
  const [a, b] = [await pool.connect(), await pool.connect()];
  let version: string | undefined;
  let result: IngestResult;
  try {
    for (const c of [a, b]) {
      await c.query(`SET client_min_messages = warning`);
      await c.query(`SET maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
    }
    await ensureCatalog(a);
    // Tables of ingests that died before finishing (nobody holds their version any more) go first.
    const orphans = await dropOrphanVersions(a);
    if (orphans.length > 0)
      log(`Removed the unfinished tables of ${orphans.length} interrupted ingest(s).`);
    version = String((await a.query(`SELECT nextval('${SCHEMA}.version_seq') AS v`)).rows[0].v);
    // Held by this session until the end: while it is, no other ingest takes this version's tables for orphans.
    await lockVersion(a, version);
    const t = tables(version);
    const ddl = versionDdl(version);
    const progress =
      hooks.progress === false ? { tick: () => {}, done: () => {} } : progressReporter(index.size);
    const dict = new WordCodes();
    const lists = new WordLists(index.size);
    // Each table is created in the transaction that fills it, so COPY may FREEZE its rows.
    await Promise.all([a.query('BEGIN'), b.query('BEGIN')]);
    await a.query(ddl.events + ddl.entities + ddl.values + ddl.words);
    await b.query(ddl.docs);
    await copyPairs(
      [
        [a, t.events],
        [b, t.docs],
      ],
      eventAndDocRows(index, dict, lists),
      (n) => progress.tick(n),
    );
    await copyInto(a, t.entities, entityRows(index));
    await copyInto(a, t.values, valueRows(index));
    // Filled while the event rows were written.
    await copyInto(a, t.words, wordRows(dict));
    releaseEvents(dataset, index);
    // The rollups (rollupRows.ts): every value's, and the frequent words' from the same codes, in this transaction.
    await copyValueRollups(a, version, index, log);
    await copyWordRollups(a, version, index, recordedWords(lists, dict.codes.size), log);
    await Promise.all([a.query('COMMIT'), b.query('COMMIT')]);
    progress.tick(index.size, true);
    progress.done();
    log(`Copied the rows (${took()}); indexing…`);
    // Any order is right (versionIndexes' statements each need only the filled tables); this one keeps both
    // connections busy: the large tables' statistics first (they have no expression index to wait for), then the
    // constraints (which lock their table), then the GIN builds, the longest, then the rest; the small tables'
    // statistics last, after their expression indexes.
    const rank = (sql: string) =>
      sql.startsWith('ALTER TABLE') ? 0 : /USING gin/i.test(sql) ? 1 : 2;
    const statements = [
      `ANALYZE ${t.events}`,
      `ANALYZE ${t.docs}`,
      ...versionIndexes(version)
        .map((sql, k) => ({ sql, k }))
        .sort((x, y) => rank(x.sql) - rank(y.sql) || x.k - y.k)
        .map((x) => x.sql),
      `ANALYZE ${t.entities}`,
      `ANALYZE ${t.values}`,
      `ANALYZE ${t.words}`,
      `ANALYZE ${t.pairs}`,
      `ANALYZE ${t.days}`,
    ];
    const timings: string[] = [];
    const worker = async (c: pg.PoolClient) => {
      for (let sql = statements.shift(); sql !== undefined; sql = statements.shift()) {
        const t0 = performance.now();
        await c.query(sql);
        timings.push(
          `${((performance.now() - t0) / 1000).toFixed(1)} s ${sql.replace(/\s+/g, ' ').slice(0, 90)}`,
        );
      }
    };
    await Promise.all([worker(a), worker(b)]);
    log(`Indexed (${took()}).`);
    if (hooks.timings) for (const line of timings) log(`  ${line}`);
    await a.query('BEGIN');
    // Two ingests of one id queue here instead of racing to swap the pointer.
    await a.query('SELECT pg_advisory_xact_lock(hashtext($1))', [args.id]);
    const previous = await a.query(
      `SELECT version FROM ${SCHEMA}.datasets WHERE id = $1 FOR UPDATE`,
      [args.id],
    );
    await a.query(
      `INSERT INTO ${SCHEMA}.datasets (id, version, title, public, event_count, meta)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, public = EXCLUDED.public,
         event_count = EXCLUDED.event_count, meta = EXCLUDED.meta, ingested_at = now()`,
      [args.id, version, pgText(dataset.title), args.public, index.size, jsonbSafe(meta)],
    );
    const old = previous.rows[0]?.version as string | undefined;
    if (old !== undefined) await a.query(dropVersion(old));
    await grantReader(a, version);
    await hooks.beforeCommit?.();
    await a.query('COMMIT');
    log(
      `Ingested "${dataset.title}" as ${args.id}${args.public ? ' (public)' : ''}: ${index.size.toLocaleString('en')} events${old !== undefined ? ', replacing the previous version' : ''} (${took()} to publish).`,
    );
    result = { id: args.id, version, events: index.size, replaced: old !== undefined };
  } catch (e) {
    // The two connections may be anywhere (inside a COPY, a transaction): closing them rolls back whatever was
    // open and releases the version's lock. The new version's tables were never published: a fresh connection
    // removes those already committed (or the next ingest will).
    a.release(true);
    b.release(true);
    if (version !== undefined) {
      const c = await pool.connect().catch(() => undefined);
      await c?.query(dropVersion(version)).catch(() => {});
      c?.release();
    }
    await pool.end();
    throw e;
  }
  a.release();
  b.release();
  await pool.end();
  return result;
}

/** The file cannot be read as a dataset (the message says why, as the app's error panel would). */
export class FatalLoadError extends Error {}
