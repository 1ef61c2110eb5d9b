import pg from 'pg';
import { quoteIdent } from './migrations.js';

/**
 * Connections to one PostgreSQL database, shared by every schema a process opens there. A
 * multi-user server keeps each collection in a schema of its own; a pool per schema (10
 * connections each) would pass the server's default limit of 100 connections at ten
 * collections. Each checkout points the connection at its schema (`search_path`), with one extra
 * round trip only when the connection last served another schema.
 */
export interface SchemaPool {
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** A connection set to this schema; release it as with pg.Pool. */
  connect(): Promise<pg.PoolClient>;
  /** This schema is done with the pool; the last one to leave closes its connections. */
  end(): Promise<void>;
}

/** Connections per database: the pool's queue absorbs bursts beyond it. */
export const CONNECTIONS_PER_DATABASE = 10;

interface Shared {
  pool: pg.Pool;
  users: number;
}

const shared = new Map<string, Shared>();
const schemaOf = new WeakMap<pg.PoolClient, string>();

export function schemaPool(connectionString: string, schema: string): SchemaPool {
  let entry = shared.get(connectionString);
  if (!entry) {
    const pool = new pg.Pool({ connectionString, max: CONNECTIONS_PER_DATABASE });
    // An idle client erroring (server restart) must not crash the process; the next query retries.
    pool.on('error', () => {});
    entry = { pool, users: 0 };
    shared.set(connectionString, entry);
  }
  const current = entry;
  current.users++;
  const { pool } = current;
  let ended = false;

  const connect = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (schemaOf.get(client) !== schema) {
      try {
        await client.query(`SET search_path TO ${quoteIdent(schema)}, public`);
      } catch (error) {
        client.release(error instanceof Error ? error : true);
        throw error;
      }
      schemaOf.set(client, schema);
    }
    return client;
  };

  return {
    connect,
    async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
      const client = await connect();
      try {
        return await client.query<R>(sql, params);
      } finally {
        client.release();
      }
    },
    async end() {
      if (ended) return;
      ended = true;
      if (--current.users > 0) return;
      shared.delete(connectionString);
      await pool.end();
    },
  };
}
