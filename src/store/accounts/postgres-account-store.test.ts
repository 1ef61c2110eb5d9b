import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  postgresAvailable,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from '../postgres/test-database.js';
import { accountStoreContract } from './contract.js';
import { openPostgresAccountStore } from './postgres-account-store.js';
import { collectionStoreLocation } from './server-home.js';

const available = await postgresAvailable();
if (!available && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; .ci/run must start it.`);
}

describe.runIf(available)('PostgreSQL account store (real PostgreSQL)', () => {
  let database: TestDatabase;
  let counter = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  accountStoreContract(async () => {
    const schema = `control_${counter++}`;
    const accounts = await openPostgresAccountStore(database.url, schema);
    return {
      accounts,
      raw: async (sql) => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          await client.query(`SET search_path = ${schema}`);
          return (await client.query(sql)).rows as Record<string, unknown>[];
        } finally {
          await client.end();
        }
      },
    };
  });

  it('puts each collection in a c_<slug> schema of the same database', () => {
    const url = collectionStoreLocation('postgres://u@db.example/crosscheck?schema=x', 'case-42');
    expect(new URL(url).searchParams.get('schema')).toBe('c_case_42');
    expect(() => collectionStoreLocation('postgres://u@h/d', 'a"; DROP')).toThrow(/slug/);
  });
});
