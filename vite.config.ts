/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
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

/** The .ts tests that replace a module (vi.mock): they run isolated, so the replacement cannot reach other files. */
const MOCKS_MODULES = ['src', 'scripts', 'server'].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f.replaceAll('\\', '/')}`)
    .filter((f) => readFileSync(f, 'utf8').includes('vi.mock(')),
);

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
    globals: true,
    restoreMocks: true,
    // Logic runs in Node, in one module graph shared by its files (a fresh jsdom and module graph per file cost far
    // more than the tests themselves). Components get a DOM and a graph of their own per file, as do tests that
    // replace a module (vi.mock), which must not leak into other files. A .ts test that needs a DOM says
    // `@vitest-environment jsdom` at its top.
    projects: [
      {
        extends: true,
        test: {
          name: 'logic',
          environment: 'node',
          isolate: false,
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: [...MOCKS_MODULES],
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', ...MOCKS_MODULES],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
