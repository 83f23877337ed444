import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';

/** Import directions of DESIGN.md: each zone may not import from the listed folders. */
const zones = [
  {
    target: './src/domain',
    from: [
      './src/app',
      './src/features',
      './src/data',
      './src/url',
      './src/state',
      './src/ui',
      './src/lib',
    ],
    message: 'domain/ is pure: it imports nothing from the app.',
  },
  {
    target: './src/url',
    from: ['./src/app', './src/features', './src/data', './src/state', './src/ui'],
    message: 'url/ knows only domain/ and lib/.',
  },
  {
    target: './src/data',
    from: ['./src/app', './src/features', './src/state', './src/ui'],
    message: 'data/ knows only domain/, url/ and lib/.',
  },
  // The thread boundary: data/worker runs in the loader worker, data/page on the page; data/read (bytes to a
  // dataset) runs in either, and in Node for the server's ingest. They talk only through data/loaderProtocol.ts.
  {
    target: './src/data/worker',
    from: ['./src/data/page', './src/url'],
    message:
      'worker code never imports page code; share through data/read or data/loaderProtocol.ts.',
  },
  {
    target: './src/data/page',
    from: './src/data/worker',
    message:
      'page code never imports worker code (it starts the worker by URL); share through data/read or data/loaderProtocol.ts.',
  },
  {
    target: './src/data/read',
    from: ['./src/data/page', './src/data/worker', './src/url'],
    message:
      'data/read runs on the page, in the worker and in Node: it knows only domain/ and lib/.',
  },
  {
    target: './src/ui',
    from: ['./src/app', './src/features', './src/data', './src/url', './src/state'],
    message: 'ui/ primitives have no app knowledge.',
  },
  {
    target: './src/state',
    from: ['./src/app', './src/features', './src/data', './src/ui'],
    message: 'state/ holds UI state only.',
  },
  { target: './src/features', from: ['./src/app'], message: 'features never import the shell.' },
];

/** Packages that bind code to React, the page or a rendering library: banned where the code must stay pure. */
const uiPackages = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'no React here.' },
  { group: ['zustand', 'zustand/*'], message: 'no zustand here.' },
  { group: ['@tanstack/*'], message: 'no TanStack here.' },
  { group: ['vis-*', 'vis-*/*', 'moment', 'moment/*'], message: 'no vis-timeline here.' },
];

/** A feature never imports another feature. */
const featureNames = [
  'timeline',
  'entities',
  'filters',
  'events',
  'details',
  'share',
  'import',
  'histogram',
  'help',
];
const featureZones = featureNames.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
  message:
    'a feature never imports another feature; lift the shared piece into ui/, domain/ or state/.',
}));

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'bench/.data', 'test-results', 'playwright-report', 'public'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...zones, ...featureZones] }],
      'import-x/no-cycle': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Dataset text is plain text: never inject HTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Build DOM with textContent, never innerHTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='outerHTML']",
          message: 'Build DOM with textContent, never outerHTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Build DOM with textContent.',
        },
      ],
    },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: uiPackages.map((p) => ({
            ...p,
            message: `domain/ is pure TypeScript: ${p.message}`,
          })),
        },
      ],
    },
  },
  {
    files: ['src/data/read/**/*.ts', 'src/data/worker/**/*.ts', 'src/data/loaderProtocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: uiPackages.map((p) => ({
            ...p,
            message: `this code runs off the page (worker, Node): ${p.message}`,
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'src/test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bench/bare.js'],
    languageOptions: { globals: { ...globals.browser, vis: 'readonly' } },
  },
  {
    files: [
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,mjs}',
      'server/**/*.ts',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
