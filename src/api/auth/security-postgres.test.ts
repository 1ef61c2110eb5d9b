import { describe } from 'vitest';
import { createTestDatabase, postgresAvailable, TEST_POSTGRES_URL } from '../../store/testing.js';
import { multiUserSecuritySuite } from './test-helpers.js';

const available = await postgresAvailable();
if (!available && process.env.CI) {
  throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL}; .ci/run must start it.`);
}

describe.runIf(available)('multi-user server over PostgreSQL (real server)', () => {
  multiUserSecuritySuite(async () => {
    const database = await createTestDatabase();
    return { server: database.url, drop: () => database.drop() };
  });
});
