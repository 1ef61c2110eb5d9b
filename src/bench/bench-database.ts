import { createScratchDatabase, type ScratchDatabase } from '../store/index.js';

/** The server benchmarks create their throw-away database on (an admin connection). */
export const BENCH_POSTGRES_URL =
  process.env.CROSSCHECK_BENCH_POSTGRES ??
  process.env.CROSSCHECK_TEST_POSTGRES ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = ScratchDatabase;

/** A database `crosscheck_bench_<pid>` on the local server, replaced if a crashed run left it. */
export function createBenchDatabase(): Promise<BenchDatabase> {
  return createScratchDatabase(BENCH_POSTGRES_URL, `crosscheck_bench_${process.pid}`, {
    replace: true,
  });
}
