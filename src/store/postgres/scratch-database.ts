export interface ScratchDatabase {
  /** A store location for openStore. */
  url: string;
  drop(): Promise<void>;
}

/** One statement on an administrative connection to the server (not to any case's database). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  // Imported on use, as in open.ts: store/index.ts exports this to every command.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A whole database to throw away (the tests' and the benchmarks'), created on the server
 * `serverUrl` names and dropped by `drop()`, connections and all. `name` is ours, never a
 * user's: it is checked, then written into the statement (database names cannot be parameters).
 */
export async function createScratchDatabase(
  serverUrl: string,
  name: string,
  options: { replace?: boolean } = {},
): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`Not a scratch database name: ${name}`);
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (options.replace) await drop();
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop };
}
