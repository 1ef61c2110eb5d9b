/** The server settings a PostgreSQL benchmark figure depends on, as `SHOW` prints them. */
const REPORTED = ['server_version', 'shared_buffers', 'effective_cache_size', 'work_mem'] as const;

export type PostgresSettings = Record<(typeof REPORTED)[number], string>;

/**
 * The settings of the server a store location names, so a measured figure says what it was
 * measured on (the deployment guide's memory settings, or PostgreSQL's defaults).
 */
export async function postgresSettings(location: string): Promise<PostgresSettings> {
  // Imported on use, as in open.ts: store/index.ts exports this to every command.
  const [{ default: pg }, { parsePostgresLocation }] = await Promise.all([
    import('pg'),
    import('./postgres-store.js'),
  ]);
  const client = new pg.Client({
    connectionString: parsePostgresLocation(location).connectionString,
  });
  await client.connect();
  try {
    const settings = {} as PostgresSettings;
    for (const name of REPORTED) {
      const { rows } = await client.query<{ value: string }>(
        'SELECT current_setting($1) AS value',
        [name],
      );
      settings[name] = rows[0]!.value;
    }
    return settings;
  } finally {
    await client.end();
  }
}
