/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './src/lib/contentSecurityPolicy';

/**
 * The Content-Security-Policy of the built app (SECURITY.md), injected only into the production build: the dev
 * server needs inline scripts for React Fast Refresh. The e2e suite runs against the build, so every end-to-end
 * test runs under this policy; the server (server/) sends the same policy as a header.
 */
export { CONTENT_SECURITY_POLICY };

function contentSecurityPolicy(): Plugin {
  return {
    name: 'chronoscope-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

/**
 * Headers only a server can send: no other site may frame the app (clickjacking); a meta tag cannot say this. The
 * preview server (which the e2e suite runs against) also sends the whole policy; deployments should do the same.
 */
const FRAME_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { headers: FRAME_HEADERS },
  preview: {
    headers: {
      ...FRAME_HEADERS,
      'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // moment, then vis-timeline's other dependencies, then vis-timeline: src/lib/loadVis.ts evaluates
            // the three chunks in three tasks.
            { name: 'moment', test: /node_modules[\\/]moment[\\/]/ },
            {
              name: 'vis-deps',
              test: /node_modules[\\/](vis-data|vis-util|uuid|xss|@egjs|propagating|keycharm|component-emitter|cssfilter)/,
            },
            { name: 'vis', test: /node_modules[\\/]vis-timeline[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
