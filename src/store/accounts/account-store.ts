import type {
  Account,
  ApiToken,
  AuditEntry,
  AuditQuery,
  Collection,
  Grant,
  Membership,
  NewAccount,
  NewCollection,
} from './types.js';

/**
 * Who may use a multi-user server and what they may see: accounts, API tokens, collections,
 * memberships and the audit log. Each collection's documents live in a Store of their own; this
 * is the control store beside them. Two implementations (SQLite, PostgreSQL) pass one contract.
 */
export interface AccountStore {
  readonly kind: 'sqlite' | 'postgres';

  // Accounts
  /** CONFLICT when the username is taken. */
  createUser(account: NewAccount): Promise<Account>;
  getUser(username: string): Promise<Account | null>;
  listUsers(): Promise<Account[]>;

  // Tokens
  /** The secret is in this answer only; the store keeps a salted scrypt hash. */
  createToken(username: string, label?: string): Promise<{ token: ApiToken; secret: string }>;
  /**
   * The account and token a presented secret belongs to, or null when it is malformed, unknown,
   * wrong or revoked. Records when the token was last used.
   */
  authenticate(secret: string): Promise<{ user: Account; token: ApiToken } | null>;
  listTokens(username: string): Promise<ApiToken[]>;
  /** False when no such live token exists (for that user, when one is named). */
  revokeToken(tokenId: string, username?: string): Promise<boolean>;

  // Collections and memberships
  /** CONFLICT when the slug is taken. */
  createCollection(collection: NewCollection): Promise<Collection>;
  getCollection(slug: string): Promise<Collection | null>;
  listCollections(): Promise<Collection[]>;
  /** Adds a member, or changes the role and clearance of an existing one. */
  grant(grant: Grant): Promise<Membership>;
  revokeMembership(collection: string, username: string): Promise<boolean>;
  getMembership(username: string, collection: string): Promise<Membership | null>;
  listMemberships(username: string): Promise<Membership[]>;
  listMembers(collection: string): Promise<Membership[]>;

  // Audit log (append-only: the database itself refuses updates and deletes)
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;

  close(): Promise<void>;
}
