/**
 * The Content-Security-Policy of the built app (see SECURITY.md): the build writes it into index.html, and the
 * server sends it as a header. It lives here, apart from vite.config.ts, so the server reads it without Vite.
 */
/**
 * Where datasets may be fetched from. By default any http(s) address, because `?data=` may name a dataset on any
 * site; a deployment that knows its data hosts narrows it at build time, e.g.
 * `CHRONOSCOPE_DATA_HOSTS="https://data.example.org" npm run build` (SECURITY.md).
 */
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const DATA_HOSTS = env?.CHRONOSCOPE_DATA_HOSTS?.trim() || 'http: https:';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // vis-timeline positions items with inline style attributes; no dataset text ever becomes markup or CSS.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // ?data= may name any http(s) URL, fetched with CORS (unless the deployment names its data hosts).
  `connect-src 'self' ${DATA_HOSTS}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
