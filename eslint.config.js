// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The pipeline, in the order data flows. A stage may import only the stages before it, and only
 * through their index.ts (test support through testing.ts, which the build leaves out, so
 * production code importing it fails to build): `core` is shared by all; `pipeline` wires the stages; `queue` spreads
 * pipeline jobs over worker processes (Redis); `bench` measures
 * everything, so it sits last.
 */
const STAGES = [
  'core',
  'ingest',
  'extract',
  'resolve',
  'provenance',
  'assess',
  'store',
  'pipeline',
  'queue',
  'export',
  'api',
  'cli',
  'bench',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One rule set per stage: later stages are off limits, earlier ones only via their index. */
const stageRules = STAGES.map((stage, position) => {
  const later = STAGES.slice(position + 1);
  const patterns = [
    {
      regex: `^(\\.\\./)+(${STAGES.filter((s) => s !== stage).join('|')})/(?!(index|testing)\\.js$).+`,
      message:
        'Import another stage through its index.js (or, in tests, its testing.js), not its internals.',
    },
  ];
  if (later.length > 0) {
    patterns.push({
      regex: `^(\\.\\./)+(${later.map(escape).join('|')})(/|$)`,
      message: `The ${stage} stage may not import a later stage (${later.join(', ')}): data flows one way.`,
    });
  }
  return {
    files: [`src/${stage}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'src/web/dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...stageRules,
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
