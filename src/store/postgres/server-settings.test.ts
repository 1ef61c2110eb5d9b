import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresSettings } from './server-settings.js';
import { postgresAvailable, TEST_POSTGRES_URL } from './test-database.js';

const available = await postgresAvailable();

describe.runIf(available)('postgresSettings (real PostgreSQL)', () => {
  it("reports the server's memory settings as SHOW prints them, whatever the schema", async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    const show = async (name: string) =>
      (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]![name];
    try {
      const url = new URL(TEST_POSTGRES_URL);
      url.searchParams.set('schema', 'case42');
      const settings = await postgresSettings(url.toString());
      expect(settings).toEqual({
        server_version: await show('server_version'),
        shared_buffers: await show('shared_buffers'),
        effective_cache_size: await show('effective_cache_size'),
        work_mem: await show('work_mem'),
      });
    } finally {
      await client.end();
    }
  });
});
