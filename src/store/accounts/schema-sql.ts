import { TLP_LEVELS } from '../../core/index.js';
import { AUDIT_ACTIONS, ROLES } from './types.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The tables both backends share, written in the SQL they both accept. */
export const ACCOUNT_TABLES = `
  CREATE TABLE users (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    server_admin BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users(username),
    label TEXT NOT NULL,
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX api_tokens_username ON api_tokens(username);
  CREATE TABLE collections (
    slug TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    tlp TEXT NOT NULL CHECK (tlp IN (${list(TLP_LEVELS)})),
    created_at TEXT NOT NULL
  );
  CREATE TABLE memberships (
    username TEXT NOT NULL REFERENCES users(username),
    collection TEXT NOT NULL REFERENCES collections(slug),
    role TEXT NOT NULL CHECK (role IN (${list(ROLES)})),
    clearance TEXT NOT NULL CHECK (clearance IN (${list(TLP_LEVELS)})),
    granted_at TEXT NOT NULL,
    PRIMARY KEY (username, collection)
  );
  CREATE INDEX memberships_collection ON memberships(collection);
`;

/** The audit columns; the id column and the append-only triggers differ per backend. */
export const AUDIT_COLUMNS = `
    at TEXT NOT NULL,
    username TEXT,
    collection TEXT,
    action TEXT NOT NULL CHECK (action IN (${list(AUDIT_ACTIONS)})),
    method TEXT NOT NULL,
    route TEXT NOT NULL,
    target TEXT NOT NULL,
    status INTEGER NOT NULL
`;
