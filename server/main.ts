import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiPool } from './db/pool';
import { parseTokens } from './http/access';
import { createApp } from './http/app';

/** `npm run server`: the built app and the API on PORT (default 8080) against DATABASE_URL (docs/server.md). */
function main(): void {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Set DATABASE_URL to the PostgreSQL database to serve (postgres://user@host:port/db).',
    );
    process.exit(2);
  }
  let access;
  try {
    access = parseTokens(process.env.CHRONOSCOPE_TOKENS);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 8080);
  const distDir = resolve(process.env.CHRONOSCOPE_DIST ?? 'dist');
  if (!existsSync(resolve(distDir, 'index.html')))
    console.error(`No built app in ${distDir} (run npm run build); serving the API only.`);
  const log = (l: string) => console.error(`${new Date().toISOString()} ${l}`);
  const pool = apiPool(url, log);
  const server = createApp({ pool, access, distDir, log });
  server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
    const a = server.address();
    const where = typeof a === 'object' && a ? `${a.address}:${a.port}` : String(a);
    console.error(
      `Chronoscope server on http://${where} (${access.hasTokens ? 'private datasets need a token' : 'no tokens: public datasets only'}).`,
    );
  });
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
