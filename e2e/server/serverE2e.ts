/** What the server e2e ingests and the token its server is given (test data, not a secret). */
export const SERVER_E2E = {
  publicId: 'ucdp-server',
  privateId: 'acled-private',
  token: 'e2e-token-0123456789abcdef',
};

/** The server the global setup started. */
export function serverBase(): string {
  const base = process.env.CHRONOSCOPE_E2E_BASE;
  if (!base)
    throw new Error('CHRONOSCOPE_E2E_BASE is not set: run with playwright.server.config.ts.');
  return base;
}
