import type pg from 'pg';
import { StoreError } from '../../core/index.js';
import { numberPlaceholders } from '../analysis-sql.js';
import { ACCOUNT_TABLES, AUDIT_COLUMNS } from './schema-sql.js';
import { SqlAccountStore } from './sql-account-store.js';

export const CONTROL_SCHEMA = 'crosscheck_control';

/** Never edit a released migration: add one. */
const MIGRATIONS = [
  {
    version: 1,
    name: 'accounts, tokens, collections, memberships, append-only audit log',
    sql: `
      ${ACCOUNT_TABLES}
      CREATE TABLE audit_log (
        id BIGSERIAL PRIMARY KEY,
        ${AUDIT_COLUMNS}
      );
      CREATE INDEX audit_log_collection ON audit_log(collection, id);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only';
      END
      $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
];

async function migrate(client: pg.PoolClient, schema: string): Promise<void> {
  const lock = `crosscheck:${schema}`;
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS account_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM account_migrations',
    );
    const current = rows[0]?.v ?? 0;
    const latest = MIGRATIONS.at(-1)!.version;
    if (current > latest) {
      throw new StoreError(
        'STORE_SCHEMA',
        `The account schema "${schema}" is at version ${current}, newer than this Crosscheck knows (${latest})`,
        { hint: 'Upgrade Crosscheck.' },
      );
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO account_migrations VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
  }
}

/**
 * Opens the control store in its own schema of the server's database. The schema name is
 * fixed here, never taken from input, so it is safe to write into the statements.
 */
export async function openPostgresAccountStore(
  connectionString: string,
  schema: string = CONTROL_SCHEMA,
): Promise<SqlAccountStore> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError('STORE_FAILURE', `Invalid schema name "${schema}"`, {
      hint: 'Use lowercase letters, digits and underscores.',
    });
  }
  const url = new URL(connectionString);
  url.searchParams.delete('schema');
  // Imported on use, as in ../open.ts: the accounts' index is loaded by commands that never
  // touch PostgreSQL.
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({
    connectionString: url.toString(),
    max: 5,
    options: `-c search_path="${schema}"`,
  });
  pool.on('error', () => {});
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    await migrate(client, schema);
    client.release();
  } catch (error) {
    client?.release();
    await pool.end();
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'STORE_FAILURE',
      `Cannot open the PostgreSQL account store: ${String(error)}`,
      {
        hint: 'Check that PostgreSQL is running, the URL is right, and the user may create schemas.',
        cause: error,
      },
    );
  }
  return new SqlAccountStore({
    kind: 'postgres',
    all: async (sql, params = []) => (await pool.query(numberPlaceholders(sql), params)).rows,
    isUniqueViolation: (error) =>
      typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505',
    close: () => pool.end(),
  });
}
