import type { Pool } from 'pg';
import type { FacetMaps } from '../ingest/rows';
import type { Period, ValidationIssue } from '../../src/domain/types';
import { SCHEMA } from './schema';

/** A dataset's metadata as the catalog keeps it (server/ingest/rows.ts datasetMeta). */
export interface DatasetMeta {
  title: string;
  description?: string;
  attribution?: string;
  format: string;
  formatId: string;
  encoding: string;
  bytes: number;
  source: string;
  recordCount: number;
  recordUnit?: 'row';
  periods: Period[];
  issueCounts: { errors: number; warnings: number };
  issues: ValidationIssue[];
  extent?: { start: number; end: number };
  undrawable: number;
  shortSpan: number;
  entityCount: number;
  /** Versions ingested before the events table had lat/lon lack it: the area filter then says so. */
  coordinates?: boolean;
  /** Versions ingested since title, JSON and searchable text moved to their own table (schema.ts `docs`). */
  docs?: boolean;
  /** False where a version is known to lack the rollup tables; otherwise their presence is checked (rollups.ts). */
  rollups?: boolean;
  allFacets: FacetMaps;
}

export interface DatasetRecord {
  id: string;
  version: string;
  title: string;
  public: boolean;
  eventCount: number;
  ingestedAt: string;
  meta: DatasetMeta;
}

interface Row {
  id: string;
  version: string;
  title: string;
  public: boolean;
  event_count: number;
  ingested_at: Date;
  meta: DatasetMeta;
}

const toRecord = (r: Row): DatasetRecord => ({
  id: r.id,
  version: String(r.version),
  title: r.title,
  public: r.public,
  eventCount: r.event_count,
  ingestedAt: r.ingested_at.toISOString(),
  meta: r.meta,
});

/** Every dataset in the catalog (none when nothing was ever ingested). */
export async function listDatasets(db: Pool): Promise<DatasetRecord[]> {
  const exists = await db.query(`SELECT to_regclass('${SCHEMA}.datasets') AS t`);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await db.query<Row>(
    `SELECT id, version, title, public, event_count, ingested_at, meta FROM ${SCHEMA}.datasets ORDER BY title, id`,
  );
  return rows.map(toRecord);
}

export async function getDataset(db: Pool, id: string): Promise<DatasetRecord | undefined> {
  const exists = await db.query(`SELECT to_regclass('${SCHEMA}.datasets') AS t`);
  if (!exists.rows[0]?.t) return undefined;
  const { rows } = await db.query<Row>(
    `SELECT id, version, title, public, event_count, ingested_at, meta FROM ${SCHEMA}.datasets WHERE id = $1`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}
