import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { DATABASE_SETUP, POSTGRES_MIGRATIONS } from './migrations.js';
import { createScratchDatabase } from './scratch-database.js';

/**
 * A throw-away PostgreSQL database for one test file, on the server named by
 * CROSSCHECK_TEST_POSTGRES (default: the local server, as `.ci/run` starts it).
 */
export const TEST_POSTGRES_URL =
  process.env.CROSSCHECK_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `crosscheck_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  return createScratchDatabase(TEST_POSTGRES_URL, name);
}

/**
 * A throw-away database for the enclosing `describe`, created before its tests and dropped after,
 * with one client connected to it. Read its fields inside tests and hooks (they are set then).
 */
export function useTestDatabase(): { readonly database: TestDatabase; readonly client: pg.Client } {
  const handle = {} as { database: TestDatabase; client: pg.Client };
  beforeAll(async () => {
    handle.database = await createTestDatabase();
    handle.client = new pg.Client({ connectionString: handle.database.url });
    await handle.client.connect();
  });
  afterAll(async () => {
    await handle.client?.end();
    await handle.database?.drop();
  });
  return handle;
}

/**
 * A schema as an older release left it: the migrations up to `version` applied and recorded, none
 * after. The client's search_path is left on the schema, so a test can write rows into it the way
 * that release did before opening it with the current code (which applies the rest).
 */
export async function schemaAtVersion(
  client: pg.Client,
  schema: string,
  version: number,
  appliedAt: string,
): Promise<void> {
  await client.query(DATABASE_SETUP);
  await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public`);
  await client.query(`CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  for (const migration of POSTGRES_MIGRATIONS.filter((m) => m.version <= version)) {
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      appliedAt,
    ]);
  }
}
