import { CrosscheckError, StoreError, TlpLevelSchema, type TlpLevel } from '../../core/index.js';
import type { AccountStore } from './account-store.js';
import { newTokenSecret, parseToken, verifyTokenSecret } from './token-secret.js';
import {
  DEFAULT_CLEARANCE,
  DEFAULT_COLLECTION_TLP,
  type Account,
  type ApiToken,
  type AuditEntry,
  type AuditQuery,
  type Collection,
  type Grant,
  type Membership,
  type NewAccount,
  type NewCollection,
  type Role,
} from './types.js';
import {
  CollectionSlugSchema,
  LabelSchema,
  RoleSchema,
  TitleSchema,
  UsernameSchema,
  check,
} from './validate.js';

/** What differs between the backends: how a statement runs and how a duplicate key shows up. */
export interface AccountDriver {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs one statement with `?` placeholders and returns its rows. */
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  isUniqueViolation(error: unknown): boolean;
  close(): Promise<void>;
}

/** Last-used times are only written when this much older, so reads do not each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_AUDIT_LIMIT = 1000;

const str = (value: unknown) => String(value);
const strOrNull = (value: unknown) =>
  value === null || value === undefined ? null : String(value);

const toAccount = (row: Record<string, unknown>): Account => ({
  username: str(row.username),
  displayName: str(row.display_name),
  serverAdmin: Boolean(row.server_admin),
  createdAt: str(row.created_at),
});

const toToken = (row: Record<string, unknown>): ApiToken => ({
  id: str(row.id),
  username: str(row.username),
  label: str(row.label),
  createdAt: str(row.created_at),
  lastUsedAt: strOrNull(row.last_used_at),
  revokedAt: strOrNull(row.revoked_at),
});

const toCollection = (row: Record<string, unknown>): Collection => ({
  slug: str(row.slug),
  title: str(row.title),
  tlp: str(row.tlp) as TlpLevel,
  createdAt: str(row.created_at),
});

const toMembership = (row: Record<string, unknown>): Membership => ({
  username: str(row.username),
  collection: str(row.collection),
  role: str(row.role) as Role,
  clearance: str(row.clearance) as TlpLevel,
  grantedAt: str(row.granted_at),
});

const toAudit = (row: Record<string, unknown>): AuditEntry => ({
  id: Number(row.id),
  at: str(row.at),
  username: strOrNull(row.username),
  collection: strOrNull(row.collection),
  action: str(row.action) as AuditEntry['action'],
  method: str(row.method),
  route: str(row.route),
  target: str(row.target),
  status: Number(row.status),
});

const TOKEN_COLUMNS = 'id, username, label, created_at, last_used_at, revoked_at';

/**
 * The account store over either backend. The statements are plain enough (no full-text, no JSON)
 * to be the same SQL on SQLite and PostgreSQL, so one class serves both and the contract suite
 * checks them alike.
 */
export class SqlAccountStore implements AccountStore {
  readonly kind: 'sqlite' | 'postgres';

  constructor(private readonly driver: AccountDriver) {
    this.kind = driver.kind;
  }

  /** Every statement goes through here, so a backend failure always surfaces as a StoreError. */
  private async run(
    sql: string,
    params: unknown[] = [],
    conflict?: string,
  ): Promise<Record<string, unknown>[]> {
    try {
      return await this.driver.all(sql, params);
    } catch (error) {
      if (conflict !== undefined && this.driver.isUniqueViolation(error)) {
        throw new CrosscheckError('CONFLICT', conflict, {
          hint: 'Pick another name, or use the existing one.',
        });
      }
      throw new StoreError('STORE_FAILURE', `Account store query failed: ${String(error)}`, {
        cause: error,
      });
    }
  }

  private async insert(sql: string, params: unknown[], conflict: string): Promise<void> {
    await this.run(sql, params, conflict);
  }

  private async requireUser(username: string): Promise<void> {
    if (!(await this.getUser(username))) {
      throw new CrosscheckError('NOT_FOUND', `There is no account named ${username}`, {
        hint: 'Create it first with `crosscheck user add`.',
      });
    }
  }

  private async requireCollection(slug: string): Promise<void> {
    if (!(await this.getCollection(slug))) {
      throw new CrosscheckError('NOT_FOUND', `There is no collection named ${slug}`, {
        hint: 'Create it first with `crosscheck collection create`.',
      });
    }
  }

  async createUser(input: NewAccount): Promise<Account> {
    const username = check(UsernameSchema, input.username, 'username');
    const account: Account = {
      username,
      displayName: check(LabelSchema, input.displayName ?? '', 'display name') || username,
      serverAdmin: input.serverAdmin ?? false,
      createdAt: new Date().toISOString(),
    };
    await this.insert(
      'INSERT INTO users(username, display_name, server_admin, created_at) VALUES (?, ?, ?, ?)',
      [account.username, account.displayName, account.serverAdmin, account.createdAt],
      `The username ${account.username} is taken`,
    );
    return account;
  }

  async getUser(username: string): Promise<Account | null> {
    const [row] = await this.run('SELECT * FROM users WHERE username = ?', [username]);
    return row ? toAccount(row) : null;
  }

  async listUsers(): Promise<Account[]> {
    return (await this.run('SELECT * FROM users ORDER BY username')).map(toAccount);
  }

  async createToken(username: string, label = ''): Promise<{ token: ApiToken; secret: string }> {
    await this.requireUser(username);
    const fresh = await newTokenSecret();
    const token: ApiToken = {
      id: fresh.id,
      username,
      label: check(LabelSchema, label, 'token label'),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.run(
      'INSERT INTO api_tokens(id, username, label, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [token.id, username, token.label, fresh.salt, fresh.hash, token.createdAt],
    );
    return { token, secret: fresh.secret };
  }

  async authenticate(secret: string): Promise<{ user: Account; token: ApiToken } | null> {
    const parsed = parseToken(secret);
    if (!parsed) return null;
    const [row] = await this.run(
      `SELECT ${TOKEN_COLUMNS}, salt, hash FROM api_tokens WHERE id = ?`,
      [parsed.id],
    );
    if (!row || row.revoked_at !== null) return null;
    if (!(await verifyTokenSecret(parsed, { salt: str(row.salt), hash: str(row.hash) }))) {
      return null;
    }
    const user = await this.getUser(str(row.username));
    if (!user) return null;
    const token = toToken(row);
    const now = new Date();
    if (
      token.lastUsedAt === null ||
      now.getTime() - Date.parse(token.lastUsedAt) >= LAST_USED_RESOLUTION_MS
    ) {
      token.lastUsedAt = now.toISOString();
      await this.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [
        token.lastUsedAt,
        token.id,
      ]);
    }
    return { user, token };
  }

  async listTokens(username: string): Promise<ApiToken[]> {
    const rows = await this.run(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE username = ? ORDER BY created_at, id`,
      [username],
    );
    return rows.map(toToken);
  }

  async revokeToken(tokenId: string, username?: string): Promise<boolean> {
    const rows = await this.run(
      `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL${
        username === undefined ? '' : ' AND username = ?'
      } RETURNING id`,
      [new Date().toISOString(), tokenId, ...(username === undefined ? [] : [username])],
    );
    return rows.length > 0;
  }

  async createCollection(input: NewCollection): Promise<Collection> {
    const collection: Collection = {
      slug: check(CollectionSlugSchema, input.slug, 'collection slug'),
      title: check(TitleSchema, input.title ?? input.slug, 'collection title'),
      tlp: check(TlpLevelSchema, input.tlp ?? DEFAULT_COLLECTION_TLP, 'TLP level'),
      createdAt: new Date().toISOString(),
    };
    await this.insert(
      'INSERT INTO collections(slug, title, tlp, created_at) VALUES (?, ?, ?, ?)',
      [collection.slug, collection.title, collection.tlp, collection.createdAt],
      `The collection ${collection.slug} already exists`,
    );
    return collection;
  }

  async getCollection(slug: string): Promise<Collection | null> {
    const [row] = await this.run('SELECT * FROM collections WHERE slug = ?', [slug]);
    return row ? toCollection(row) : null;
  }

  async listCollections(): Promise<Collection[]> {
    return (await this.run('SELECT * FROM collections ORDER BY slug')).map(toCollection);
  }

  async grant(grant: Grant): Promise<Membership> {
    const membership: Membership = {
      username: grant.username,
      collection: grant.collection,
      role: check(RoleSchema, grant.role, 'role'),
      clearance: check(TlpLevelSchema, grant.clearance ?? DEFAULT_CLEARANCE, 'clearance'),
      grantedAt: new Date().toISOString(),
    };
    await this.requireUser(grant.username);
    await this.requireCollection(grant.collection);
    await this.run(
      `INSERT INTO memberships(username, collection, role, clearance, granted_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (username, collection)
       DO UPDATE SET role = excluded.role, clearance = excluded.clearance,
                     granted_at = excluded.granted_at`,
      [
        membership.username,
        membership.collection,
        membership.role,
        membership.clearance,
        membership.grantedAt,
      ],
    );
    return membership;
  }

  async revokeMembership(collection: string, username: string): Promise<boolean> {
    const rows = await this.run(
      'DELETE FROM memberships WHERE collection = ? AND username = ? RETURNING username',
      [collection, username],
    );
    return rows.length > 0;
  }

  async getMembership(username: string, collection: string): Promise<Membership | null> {
    const [row] = await this.run(
      'SELECT * FROM memberships WHERE username = ? AND collection = ?',
      [username, collection],
    );
    return row ? toMembership(row) : null;
  }

  async listMemberships(username: string): Promise<Membership[]> {
    const rows = await this.run(
      'SELECT * FROM memberships WHERE username = ? ORDER BY collection',
      [username],
    );
    return rows.map(toMembership);
  }

  async listMembers(collection: string): Promise<Membership[]> {
    const rows = await this.run(
      'SELECT * FROM memberships WHERE collection = ? ORDER BY username',
      [collection],
    );
    return rows.map(toMembership);
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const [row] = await this.run(
      `INSERT INTO audit_log(at, username, collection, action, method, route, target, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        entry.at,
        entry.username,
        entry.collection,
        entry.action,
        entry.method,
        entry.route,
        entry.target,
        entry.status,
      ],
    );
    if (!row) throw new StoreError('STORE_FAILURE', 'The audit entry was not written');
    return { id: Number(row.id), ...entry };
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.collection !== undefined) {
      where.push('collection = ?');
      params.push(query.collection);
    }
    if (query.beforeId !== undefined) {
      where.push('id < ?');
      params.push(query.beforeId);
    }
    const limit = Math.max(1, Math.min(query.limit ?? 100, MAX_AUDIT_LIMIT));
    const rows = await this.run(
      `SELECT * FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toAudit);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
