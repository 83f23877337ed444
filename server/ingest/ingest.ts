import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildIndex } from '../../src/domain/buildIndex';
import { mappingFromParam } from '../../src/domain/csvMapping';
import { EMPTY_FILTERS } from '../../src/domain/filters';
import { READABLE_FORMATS, type FormatId } from '../../src/domain/formats';
import { runQuery } from '../../src/domain/query';
import { loadAnyDataset, MAX_FILE_BYTES, type ReadOptions } from '../../src/data/read/loadDataset';
import {
  DATASET_ID,
  SCHEMA,
  dropVersion,
  ensureCatalog,
  grantReader,
  tables,
  versionDdl,
  versionIndexes,
} from '../db/schema';
import {
  datasetMeta,
  entityRows,
  eventRows,
  docRows,
  facetMaps,
  jsonbSafe,
  pgText,
  valueRows,
  wordRows,
  WordCodes,
} from './rows';

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

/** Reads the bytes of a file, or of an http(s) URL (no other scheme). */
async function readSource(source: string): Promise<{ bytes: Uint8Array; name: string }> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) {
    const url = new URL(source);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new UsageError(`Only http(s) URLs and files can be ingested, not ${url.protocol}`);
    const res = await fetch(url, { redirect: 'follow' });
    if (!res.ok) throw new UsageError(`${source} answered ${res.status} ${res.statusText}.`);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_FILE_BYTES)
      throw new UsageError(`${source} is larger than the ${MAX_FILE_BYTES / 2 ** 20} MB limit.`);
    return { bytes: new Uint8Array(await res.arrayBuffer()), name: basename(url.pathname) };
  }
  return { bytes: new Uint8Array(await readFile(source)), name: basename(source) };
}

/** Progress on a terminal (one line rewritten), or a line now and then when the output is a log. */
export function progressReporter(total: number, out: NodeJS.WriteStream = process.stderr) {
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
      const line = `  events ${Math.floor(done).toLocaleString('en')} / ${total.toLocaleString('en')} (${pct}%), ${rate.toLocaleString('en')}/s`;
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
  hooks: { beforeCommit?: () => Promise<void> | void; progress?: boolean } = {},
): Promise<IngestResult> {
  const { bytes, name } = await readSource(args.source);
  log(`Reading ${name} (${(bytes.length / 2 ** 20).toFixed(1)} MB)…`);
  const outcome = await loadAnyDataset(bytes, name, {
    ...(args.format ? { format: args.format } : {}),
    ...(args.mapping ? { mapping: args.mapping } : {}),
  });
  if (!outcome.ok) {
    const e = outcome.error;
    throw new FatalLoadError(`${e.message}${e.detail ? ` (${e.detail})` : ''}`);
  }
  const { dataset } = outcome;
  if (args.title) dataset.title = args.title;
  const errors = dataset.issues.filter((i) => i.severity === 'error');
  const warnings = dataset.issues.length - errors.length;
  log(
    `${outcome.format} (${outcome.encoding}): ${dataset.recordCount.toLocaleString('en')} records, ${dataset.events.length.toLocaleString('en')} events valid, ${errors.length.toLocaleString('en')} rejected, ${warnings.toLocaleString('en')} warnings.`,
  );
  for (const i of errors.slice(0, 5))
    log(
      `  rejected ${dataset.recordUnit === 'row' ? 'row' : '#'}${i.position}${i.id ? ` (${i.id})` : ''}: ${i.message}`,
    );
  if (errors.length > 5)
    log(`  … and ${errors.length - 5} more (stored with the dataset's metadata).`);
  if (dataset.events.length === 0) throw new FatalLoadError('No valid events: nothing to ingest.');

  const started = performance.now();
  const index = buildIndex(dataset);
  const meta = {
    ...datasetMeta(dataset, index, {
      format: outcome.format,
      encoding: outcome.encoding,
      bytes: outcome.bytes,
      source: name,
    }),
    allFacets: facetMaps(index, runQuery(index, undefined, EMPTY_FILTERS).facets),
  };

  log(`Indexed in memory (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await client.query(`SET client_min_messages = warning`);
    await ensureCatalog(client);
    const version = String(
      (await client.query(`SELECT nextval('${SCHEMA}.version_seq') AS v`)).rows[0].v,
    );
    const t = tables(version);
    await client.query('BEGIN');
    // Two ingests of one id queue here instead of racing to swap the pointer.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [args.id]);
    await client.query(versionDdl(version));
    const progress =
      hooks.progress === false ? { tick: () => {}, done: () => {} } : progressReporter(index.size);
    const dict = new WordCodes();
    let phase = performance.now();
    const took = () => {
      const s = ((performance.now() - phase) / 1000).toFixed(1);
      phase = performance.now();
      return `${s} s`;
    };
    // Each event is written twice (its narrow row, then its doc): progress counts half an event for each.
    await copyInto(client, t.events, eventRows(index, dict), (n) => progress.tick(n / 2));
    await copyInto(client, t.docs, docRows(index), (n) => progress.tick((index.size + n) / 2));
    progress.tick(index.size, true);
    progress.done();
    await copyInto(client, t.entities, entityRows(index));
    await copyInto(client, t.values, valueRows(index));
    await copyInto(client, t.words, wordRows(dict));
    log(`Copied the rows (${took()}); indexing…`);
    for (const ddl of versionIndexes(version)) await client.query(ddl);
    for (const table of Object.values(t)) await client.query(`ANALYZE ${table}`);
    log(`Indexed (${took()}).`);
    const previous = await client.query(
      `SELECT version FROM ${SCHEMA}.datasets WHERE id = $1 FOR UPDATE`,
      [args.id],
    );
    await client.query(
      `INSERT INTO ${SCHEMA}.datasets (id, version, title, public, event_count, meta)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, public = EXCLUDED.public,
         event_count = EXCLUDED.event_count, meta = EXCLUDED.meta, ingested_at = now()`,
      [args.id, version, pgText(dataset.title), args.public, index.size, jsonbSafe(meta)],
    );
    const old = previous.rows[0]?.version as string | undefined;
    if (old !== undefined) await client.query(dropVersion(old));
    await grantReader(client, version);
    await hooks.beforeCommit?.();
    await client.query('COMMIT');
    log(
      `Ingested "${dataset.title}" as ${args.id}${args.public ? ' (public)' : ''}: ${index.size.toLocaleString('en')} events${old !== undefined ? ', replacing the previous version' : ''}.`,
    );
    return { id: args.id, version, events: index.size, replaced: old !== undefined };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
    await pool.end();
  }
}

/** The file cannot be read as a dataset (the message says why, as the app's error panel would). */
export class FatalLoadError extends Error {}
