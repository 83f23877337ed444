import pg from 'pg';

/** Limits on every statement the API runs (docs/server.md). */
export const DB_LIMITS = { statementTimeoutMs: 10_000, connectTimeoutMs: 3_000, maxConnections: 8 };

/**
 * The API's connection pool: every session read-only and every statement under a timeout, whatever role it
 * connects as (the operator should still give it a read-only role). A lost connection is dropped from the pool and
 * the next request connects again, so the server recovers on its own when the database comes back.
 */
export function apiPool(connectionString: string, log: (l: string) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: DB_LIMITS.maxConnections,
    connectionTimeoutMillis: DB_LIMITS.connectTimeoutMs,
    statement_timeout: DB_LIMITS.statementTimeoutMs,
    // work_mem: a view's matches are kept once per answer and aggregated by each part (queryView.ts wholeScan);
    // held in memory up to this, past it they spill to a temporary file. jit: compiling a statement's expressions
    // costs a quarter of a second up front, more than it saves on statements meant to answer within one.
    // random_page_cost: the default (4) prices a page read out of order as a spinning disk's; read from memory or
    // SSD, as the API's tables are, that steered a date range with a type through the start index (every event of
    // the range, the table being in start order) rather than the type's own (the 1M benchmark's first answer of
    // that view 451–474 → 177–211 ms; docs/server.md).
    options:
      '-c default_transaction_read_only=on -c work_mem=32MB -c jit=off -c random_page_cost=1.1',
    application_name: 'chronoscope-api',
  });
  // An idle connection that dies (the database restarted) must not crash the process.
  pool.on('error', (e) => log(`database connection lost: ${e.message}`));
  return pool;
}
