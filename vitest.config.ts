import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['e2e/support/scratch-tmpdir.ts'],
    // Native modules (better-sqlite3) and child processes are safer in forks than threads.
    pool: 'forks',
    // The JSON report lets .ci/run print one plain `N passed, N failed` line for CI.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
  },
});
