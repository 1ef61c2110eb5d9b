import pg from 'pg';

/** The server benchmarks create their throw-away database on (an admin connection). */
export const BENCH_POSTGRES_URL =
  process.env.CROSSCHECK_BENCH_POSTGRES ??
  process.env.CROSSCHECK_TEST_POSTGRES ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  /** A store location for openStore. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A database `crosscheck_bench_<pid>` on the local server, dropped by `drop()`. The only SQL
 * outside src/store: creating and dropping a whole database is server administration the
 * Store interface has no business offering (the store's own tests do the same in
 * src/store/postgres/test-database.ts, which the bench stage may not import).
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `crosscheck_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
