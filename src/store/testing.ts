/**
 * Test support other stages' tests may use (ESLint allows `store/testing.js` beside
 * `store/index.js`); the build leaves it out, so production code cannot depend on it.
 */
export {
  createTestDatabase,
  postgresAvailable,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from './postgres/test-database.js';
