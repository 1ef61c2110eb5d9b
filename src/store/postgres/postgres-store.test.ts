import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContract } from '../contract/index.js';
import { PostgresStore, parsePostgresLocation } from './postgres-store.js';
import {
  createTestDatabase,
  postgresAvailable,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from './test-database.js';

const available = await postgresAvailable();
if (!available && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; .ci/run must start it.`);
}

describe.runIf(available)('PostgresStore (real PostgreSQL)', () => {
  let database: TestDatabase;
  let counter = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const withSchema = (schema: string) => {
    const url = new URL(database.url);
    url.searchParams.set('schema', schema);
    return url.toString();
  };

  storeContract(() => PostgresStore.open(withSchema(`contract_${counter++}`)));

  it('keeps each schema separate', async () => {
    const a = await PostgresStore.open(withSchema('case_a'));
    const b = await PostgresStore.open(withSchema('case_b'));
    const run = await a.startRun(['x']);
    await a.writeBatch({
      runId: run.id,
      items: [],
      failures: [],
      completedFiles: [{ contentId: 'c'.repeat(64), path: 'x' }],
    });
    expect(await a.isFileCompleted('c'.repeat(64))).toBe(true);
    expect(await b.isFileCompleted('c'.repeat(64))).toBe(false);
    await a.close();
    await b.close();
  });

  it('opens the same new schema from two connections at once without a race', async () => {
    const url = withSchema('raced');
    const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    expect((await stores[0].stats()).documents).toBe(0);
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe('parsePostgresLocation', () => {
  it('takes the schema out of the URL and rejects unsafe names', () => {
    expect(parsePostgresLocation('postgres://u@h:5432/db?schema=case42')).toEqual({
      connectionString: 'postgres://u@h:5432/db',
      schema: 'case42',
    });
    expect(parsePostgresLocation('postgres://u@h/db').schema).toBe('crosscheck');
    expect(() => parsePostgresLocation('postgres://u@h/db?schema=a;drop')).toThrow(
      /Invalid schema/,
    );
  });
});
