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
    files: ['**/*.test.{ts,tsx}', 'src/test/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bench/bare.js'],
    languageOptions: { globals: { ...globals.browser, vis: 'readonly' } },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
