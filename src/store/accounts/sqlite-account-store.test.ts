import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { accountStoreContract } from './contract.js';
import { collectionStoreLocation, openAccountStore } from './server-home.js';
import { openSqliteAccountStore } from './sqlite-account-store.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-accounts-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite account store', () => {
  accountStoreContract(async () => {
    const file = join(dir, `control-${counter++}.sqlite`);
    const accounts = openSqliteAccountStore(file);
    return {
      accounts,
      raw: async (sql) => {
        const db = new Database(file);
        try {
          const statement = db.prepare(sql);
          return statement.reader
            ? (statement.all() as Record<string, unknown>[])
            : (statement.run(), []);
        } finally {
          db.close();
        }
      },
    };
  });

  it('keeps the control store and each collection in the server home', async () => {
    const home = join(dir, 'home');
    const accounts = await openAccountStore(home);
    await accounts.createUser({ username: 'ana' });
    await accounts.close();
    const again = await openAccountStore(home);
    expect(await again.getUser('ana')).not.toBeNull();
    await again.close();
    expect(collectionStoreLocation(home, 'case-1')).toBe(
      join(home, 'collections', 'case-1.sqlite'),
    );
    expect(() => collectionStoreLocation(home, '../control')).toThrow(/collection slug/);
  });
});
