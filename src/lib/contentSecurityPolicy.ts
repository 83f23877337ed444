/**
 * The Content-Security-Policy of the built app (see SECURITY.md): the build writes it into index.html, and the
 * server sends it as a header. It lives here, apart from vite.config.ts, so the server reads it without Vite.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // vis-timeline positions items with inline style attributes; no dataset text ever becomes markup or CSS.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // ?data= may name any http(s) URL, fetched with CORS.
  "connect-src 'self' http: https:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
