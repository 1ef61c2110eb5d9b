import { useSyncExternalStore } from 'react';

/*
 * Who is signed in to a multi-user server, and which collection they are working in.
 *
 * The API token lives in sessionStorage, not localStorage: newsroom machines are shared, and a
 * token in sessionStorage is forgotten when the tab closes, so the next person at the desk does
 * not inherit someone else's access to a case. Nothing here is ever written to localStorage or a
 * cookie.
 *
 * The collection is kept in the page's query string (`/?collection=case-42#/documents/…`), outside
 * the hash the router owns: every in-app link is a bare hash, so it keeps the query string, and a
 * copied link opens the same collection. sessionStorage remembers it for a reload without one.
 */

/** Embedded: the single-user server, no login. Multi-user: accounts, tokens, collections. */
export type ServerMode = 'embedded' | 'multi-user';

export interface Session {
  /** Null until the server has answered whether it needs a login. */
  mode: ServerMode | null;
  token: string | null;
  collection: string | null;
  /** Why the user is looking at the sign-in screen again (a rejected or revoked token). */
  notice: string | null;
}

const TOKEN_KEY = 'crosscheck.token';
const COLLECTION_KEY = 'crosscheck.collection';
const COLLECTION_PARAM = 'collection';

/** sessionStorage throws in some private modes and sandboxed frames: then nothing is kept. */
function readStored(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Kept in memory only: the user signs in again after a reload.
  }
}

function collectionInUrl(): string | null {
  return new URLSearchParams(window.location.search).get(COLLECTION_PARAM) || null;
}

let session: Session = {
  mode: null,
  token: readStored(TOKEN_KEY),
  collection: collectionInUrl() ?? readStored(COLLECTION_KEY),
  notice: null,
};
const listeners = new Set<() => void>();

function update(change: Partial<Session>): void {
  session = { ...session, ...change };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The back button can leave a page whose query string names another collection. */
window.addEventListener('popstate', () => {
  const inUrl = collectionInUrl();
  if (inUrl && inUrl !== session.collection) {
    writeStored(COLLECTION_KEY, inUrl);
    update({ collection: inUrl });
  }
});

export const currentSession = (): Session => session;

export function useSession(): Session {
  return useSyncExternalStore(subscribe, currentSession);
}

export const isMultiUser = (): boolean => session.mode === 'multi-user';

/** The token requests are sent with: none in embedded mode. */
export const activeToken = (): string | null => (isMultiUser() ? session.token : null);

export function setServerMode(mode: ServerMode): void {
  if (session.mode !== mode) update({ mode });
}

export function signIn(token: string): void {
  writeStored(TOKEN_KEY, token);
  update({ token, notice: null });
}

/** Forgets the token; `notice` says why, on the sign-in screen (nothing for a chosen sign-out). */
export function signOut(notice: string | null = null): void {
  writeStored(TOKEN_KEY, null);
  update({ token: null, notice });
}

/**
 * Switches the collection every request is about, and puts it in the address so links and
 * reloads keep it. `push`: a new history entry (the user chose it), or replace the current one
 * (the app picked a default).
 */
export function chooseCollection(slug: string, { push = true } = {}): void {
  writeStored(COLLECTION_KEY, slug);
  const url = new URL(window.location.href);
  if (url.searchParams.get(COLLECTION_PARAM) !== slug) {
    url.searchParams.set(COLLECTION_PARAM, slug);
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  if (session.collection !== slug) update({ collection: slug });
}

/**
 * The headers that say who is asking and about which collection: none in embedded mode, whose
 * server has no login and one store.
 */
export function sessionHeaders(): Record<string, string> {
  if (session.mode !== 'multi-user') return {};
  const headers: Record<string, string> = {};
  const token = activeToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (session.collection) headers['x-crosscheck-collection'] = session.collection;
  return headers;
}
