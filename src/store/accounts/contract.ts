import { afterEach, describe, expect, it } from 'vitest';
import type { AccountStore } from './account-store.js';

export interface AccountStoreUnderTest {
  accounts: AccountStore;
  /**
   * Runs SQL straight against the backend, bypassing the store: how the tests show that the
   * database itself (not just the code) refuses to rewrite the audit log, and that no token
   * secret is stored.
   */
  raw(sql: string): Promise<Record<string, unknown>[]>;
}

/** The behaviour every AccountStore must show, run against each backend. */
export function accountStoreContract(open: () => Promise<AccountStoreUnderTest>): void {
  describe('AccountStore contract', () => {
    const opened: AccountStore[] = [];
    const fresh = async () => {
      const subject = await open();
      opened.push(subject.accounts);
      return subject;
    };
    afterEach(async () => {
      for (const accounts of opened.splice(0)) await accounts.close();
    });

    it('creates accounts and refuses a taken or malformed username', async () => {
      const { accounts } = await fresh();
      const ana = await accounts.createUser({ username: 'ana', displayName: 'Ana Ruiz' });
      expect(ana).toMatchObject({ username: 'ana', displayName: 'Ana Ruiz', serverAdmin: false });
      await accounts.createUser({ username: 'root', serverAdmin: true });
      expect(await accounts.getUser('root')).toMatchObject({
        serverAdmin: true,
        displayName: 'root',
      });
      expect((await accounts.listUsers()).map((u) => u.username)).toEqual(['ana', 'root']);
      await expect(accounts.createUser({ username: 'ana' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(accounts.createUser({ username: '../etc' })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      expect(await accounts.getUser('nobody')).toBeNull();
    });

    it('issues tokens that authenticate until revoked, storing only a hash', async () => {
      const { accounts, raw } = await fresh();
      await accounts.createUser({ username: 'ana' });
      const { token, secret } = await accounts.createToken('ana', 'laptop');
      expect(secret).toMatch(/^cct_[0-9a-f]{16}_/);
      expect(token).toMatchObject({ username: 'ana', label: 'laptop', revokedAt: null });

      const signedIn = await accounts.authenticate(secret);
      expect(signedIn?.user.username).toBe('ana');
      expect(signedIn?.token.id).toBe(token.id);
      expect((await accounts.listTokens('ana'))[0]?.lastUsedAt).not.toBeNull();

      const stored = JSON.stringify(await raw('SELECT * FROM api_tokens'));
      expect(stored).toContain(token.id);
      expect(stored).not.toContain(secret.slice(-43));

      // Right id, wrong secret; malformed; unknown id.
      const forged = secret.slice(0, -4) + (secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      expect(await accounts.authenticate(forged)).toBeNull();
      expect(await accounts.authenticate('Bearer nonsense')).toBeNull();
      expect(await accounts.authenticate(`cct_0000000000000000_${secret.slice(-43)}`)).toBeNull();

      expect(await accounts.revokeToken(token.id, 'someone-else')).toBe(false);
      expect(await accounts.revokeToken(token.id, 'ana')).toBe(true);
      expect(await accounts.revokeToken(token.id)).toBe(false);
      expect(await accounts.authenticate(secret)).toBeNull();
      expect((await accounts.listTokens('ana'))[0]?.revokedAt).not.toBeNull();
      await expect(accounts.createToken('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('keeps collections with a TLP marking, AMBER unless told', async () => {
      const { accounts } = await fresh();
      expect(await accounts.createCollection({ slug: 'case-1' })).toMatchObject({
        slug: 'case-1',
        title: 'case-1',
        tlp: 'AMBER',
      });
      await accounts.createCollection({ slug: 'case-2', title: 'Port deals', tlp: 'RED' });
      expect(await accounts.getCollection('case-2')).toMatchObject({
        title: 'Port deals',
        tlp: 'RED',
      });
      expect((await accounts.listCollections()).map((c) => c.slug)).toEqual(['case-1', 'case-2']);
      await expect(accounts.createCollection({ slug: 'case-1' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      for (const slug of ['../x', 'A', 'a_b', 'x;DROP TABLE users', '', '-a']) {
        await expect(accounts.createCollection({ slug })).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
        });
      }
      await expect(
        accounts.createCollection({ slug: 'c3', tlp: 'PURPLE' as never }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('grants memberships with AMBER+STRICT clearance unless RED is given, and updates them', async () => {
      const { accounts } = await fresh();
      await accounts.createUser({ username: 'ana' });
      await accounts.createUser({ username: 'bo' });
      await accounts.createCollection({ slug: 'case-1' });
      await accounts.createCollection({ slug: 'case-2' });
      expect(
        await accounts.grant({ collection: 'case-1', username: 'ana', role: 'analyst' }),
      ).toMatchObject({ role: 'analyst', clearance: 'AMBER+STRICT' });
      await accounts.grant({ collection: 'case-2', username: 'ana', role: 'reader' });
      await accounts.grant({ collection: 'case-1', username: 'bo', role: 'reader' });
      await accounts.grant({
        collection: 'case-1',
        username: 'ana',
        role: 'admin',
        clearance: 'RED',
      });
      expect(await accounts.getMembership('ana', 'case-1')).toMatchObject({
        role: 'admin',
        clearance: 'RED',
      });
      expect((await accounts.listMemberships('ana')).map((m) => m.collection)).toEqual([
        'case-1',
        'case-2',
      ]);
      expect((await accounts.listMembers('case-1')).map((m) => m.username)).toEqual(['ana', 'bo']);
      expect(await accounts.getMembership('bo', 'case-2')).toBeNull();
      await expect(
        accounts.grant({ collection: 'nope', username: 'ana', role: 'reader' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        accounts.grant({ collection: 'case-1', username: 'nobody', role: 'reader' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        accounts.grant({ collection: 'case-1', username: 'bo', role: 'owner' as never }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await accounts.revokeMembership('case-1', 'bo')).toBe(true);
      expect(await accounts.getMembership('bo', 'case-1')).toBeNull();
    });

    it('appends audit entries, newest first, filtered by collection', async () => {
      const { accounts } = await fresh();
      const base = { method: 'GET', route: '/api/search', status: 200 };
      const first = await accounts.appendAudit({
        ...base,
        at: '2026-01-01T00:00:00.000Z',
        username: 'ana',
        collection: 'case-1',
        action: 'read',
        target: '/api/search?q=port',
      });
      await accounts.appendAudit({
        ...base,
        at: '2026-01-01T00:00:01.000Z',
        username: null,
        collection: null,
        action: 'login-failed',
        target: '/api/search',
        status: 401,
      });
      const third = await accounts.appendAudit({
        ...base,
        at: '2026-01-01T00:00:02.000Z',
        username: 'ana',
        collection: 'case-1',
        action: 'export',
        route: '/api/export',
        target: '/api/export?format=stix',
      });
      expect(third.id).toBeGreaterThan(first.id);
      const all = await accounts.listAudit();
      expect(all.map((e) => e.action)).toEqual(['export', 'login-failed', 'read']);
      expect(all[1]).toMatchObject({ username: null, collection: null, status: 401 });
      const mine = await accounts.listAudit({ collection: 'case-1' });
      expect(mine.map((e) => e.id)).toEqual([third.id, first.id]);
      expect(await accounts.listAudit({ collection: 'case-1', beforeId: third.id })).toEqual([
        first,
      ]);
      expect(await accounts.listAudit({ limit: 1 })).toHaveLength(1);
    });

    it('refuses, in the database itself, to update or delete audit entries', async () => {
      const { accounts, raw } = await fresh();
      const entry = await accounts.appendAudit({
        at: '2026-01-01T00:00:00.000Z',
        username: 'ana',
        collection: 'case-1',
        action: 'read',
        method: 'GET',
        route: '/api/stats',
        target: '/api/stats',
        status: 200,
      });
      await expect(
        raw(`UPDATE audit_log SET username = 'mallory' WHERE id = ${entry.id}`),
      ).rejects.toThrow(/append-only/);
      await expect(raw(`DELETE FROM audit_log WHERE id = ${entry.id}`)).rejects.toThrow(
        /append-only/,
      );
      expect(await accounts.listAudit()).toEqual([entry]);
    });
  });
}
