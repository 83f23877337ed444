import { EXIT, FatalLoadError, ingest, parseIngestArgs, UsageError } from './ingest';

/** `npm run ingest -- <file-or-url> --id <id> …`: see docs/server.md. */
async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  let args;
  try {
    args = parseIngestArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return EXIT.usage;
  }
  if (!url) {
    console.error(
      'Set DATABASE_URL to the PostgreSQL database to ingest into (postgres://user@host:port/db).',
    );
    return EXIT.usage;
  }
  try {
    await ingest(args, url);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return EXIT.usage;
    }
    if (e instanceof FatalLoadError) {
      console.error(
        `Not ingested: ${e.message} The previous version of "${args.id}", if any, is unchanged.`,
      );
      return EXIT.fatal;
    }
    const message = e instanceof Error ? e.message : String(e);
    console.error(
      `Not ingested: database error: ${message}. The previous version of "${args.id}", if any, is unchanged.`,
    );
    return EXIT.database;
  }
}

process.exitCode = await main();
