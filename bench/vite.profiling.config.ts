import { defineConfig, mergeConfig } from 'vite';
import base from '../vite.config';

/**
 * The app built with React's profiling renderer and unminified names, for bench/renderProfile.ts:
 * `npx vite build -c bench/vite.profiling.config.ts --outDir /tmp/dist-profiling`. Not for shipping.
 */
export default mergeConfig(
  base,
  defineConfig({
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { minify: false },
  }),
);
