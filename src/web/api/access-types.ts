/**
 * The multi-user server's account routes as the browser sees them (src/api/auth/account-routes.ts:
 * `GET /api/me`, `GET /api/collections`). Written out, like the other wire types, because the UI
 * must not import server code.
 */

/** Traffic Light Protocol 2.0 markings, least restricted first (src/core/tlp.ts). */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export type Role = 'reader' | 'analyst' | 'admin';

export interface Account {
  username: string;
  displayName: string;
  serverAdmin: boolean;
  createdAt: string;
}

/** One collection open to the caller, with the caller's role and clearance in it. */
export interface Membership {
  collection: string;
  title: string;
  tlp: TlpLevel;
  role: Role;
  clearance: TlpLevel;
}

export interface MeResponse {
  user: Account;
  memberships: Membership[];
}

export function isTlpLevel(value: unknown): value is TlpLevel {
  return typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value);
}

/**
 * The TLP marking an API answer carries (a document, a search hit), or null when the server sends
 * none: an embedded server, or one whose document routes do not carry markings yet. Read
 * defensively rather than declared on the wire types, which must match the server's exactly.
 */
export function markingOf(value: object): TlpLevel | null {
  const tlp = (value as { tlp?: unknown }).tlp;
  return isTlpLevel(tlp) ? tlp : null;
}
