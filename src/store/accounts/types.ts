import type { TlpLevel } from '../../core/index.js';

/** What a member may do in a collection; each role includes the ones before it. */
export type Role = 'reader' | 'analyst' | 'admin';
export const ROLES: readonly Role[] = ['reader', 'analyst', 'admin'];

/** A person who signs in with API tokens. */
export interface Account {
  username: string;
  displayName: string;
  /** Server admins create collections and accounts; they see no case data by that alone. */
  serverAdmin: boolean;
  createdAt: string;
}

/** An API token as listed: never its secret, which exists only in the response that created it. */
export interface ApiToken {
  id: string;
  username: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One case: its own store, its own members. */
export interface Collection {
  slug: string;
  title: string;
  /** The marking of the collection as a whole (how it may be talked about), not of its documents. */
  tlp: TlpLevel;
  createdAt: string;
}

export interface Membership {
  username: string;
  collection: string;
  role: Role;
  /** The highest TLP marking of the documents this member may see. */
  clearance: TlpLevel;
  grantedAt: string;
}

export type AuditAction = 'read' | 'change' | 'export' | 'admin' | 'login-failed';
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'read',
  'change',
  'export',
  'admin',
  'login-failed',
];

export interface AuditEntry {
  id: number;
  at: string;
  /** Null when nobody could be identified (a failed login). */
  username: string | null;
  collection: string | null;
  action: AuditAction;
  method: string;
  /** The route pattern (`/api/documents/:id`). */
  route: string;
  /** What was asked for: the path and query as sent. */
  target: string;
  status: number;
}

export interface NewAccount {
  username: string;
  displayName?: string | undefined;
  serverAdmin?: boolean | undefined;
}

export interface NewCollection {
  slug: string;
  title?: string | undefined;
  tlp?: TlpLevel | undefined;
}

export interface Grant {
  collection: string;
  username: string;
  role: Role;
  /** Defaults to AMBER+STRICT: RED is only ever granted explicitly. */
  clearance?: TlpLevel | undefined;
}

export interface AuditQuery {
  collection?: string | undefined;
  /** Newest first; at most 1000. */
  limit?: number | undefined;
  /** Only entries older than this id (paging backwards). */
  beforeId?: number | undefined;
}

export const DEFAULT_COLLECTION_TLP: TlpLevel = 'AMBER';
export const DEFAULT_CLEARANCE: TlpLevel = 'AMBER+STRICT';
