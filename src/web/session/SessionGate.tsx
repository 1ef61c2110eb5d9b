import { useEffect, useState, type ReactNode } from 'react';
import type { MeResponse, Membership } from '../api/access-types';
import { api, ApiError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { SignInPage } from './SignInPage';
import { chooseCollection, setServerMode, signOut, useSession } from './session';

/** The signed-in user of a multi-user server, in the collection every screen is about. */
export interface SignedIn {
  me: MeResponse;
  current: Membership;
}

type Probe =
  | { status: 'checking' }
  | { status: 'embedded' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: MeResponse }
  | { status: 'error'; error: Error };

/**
 * Asks the server whether it needs a login before showing anything: `GET /api/me` is a 404 on the
 * embedded server (no such route: the workbench opens as it always has), a 401 on a multi-user
 * one until a valid token is sent (the sign-in screen), else the account and its collections.
 */
export function SessionGate({ children }: { children: (signedIn: SignedIn | null) => ReactNode }) {
  const session = useSession();
  const [probe, setProbe] = useState<Probe>({ status: 'checking' });
  const signedOut = session.mode === 'multi-user' && session.token === null;

  useEffect(() => {
    if (signedOut) {
      setProbe({ status: 'signed-out' });
      return;
    }
    const controller = new AbortController();
    const token = session.token;
    api.me(token, controller.signal).then(
      (me) => {
        setServerMode('multi-user');
        setProbe({ status: 'signed-in', me });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          setServerMode('embedded');
          setProbe({ status: 'embedded' });
        } else if (error instanceof ApiError && error.status === 401) {
          setServerMode('multi-user');
          // A token kept from earlier in this tab that the server no longer takes (revoked).
          if (token) signOut(`You were signed out: ${error.message}. Sign in again.`);
          setProbe({ status: 'signed-out' });
        } else {
          setProbe({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      },
    );
    return () => controller.abort();
  }, [session.token, signedOut]);

  const memberships = probe.status === 'signed-in' ? probe.me.memberships : [];
  const current =
    memberships.find((m) => m.collection === session.collection) ?? memberships[0] ?? null;
  const named = session.collection;
  // The collection in the address is not (or no longer) open to this user: open their first one.
  useEffect(() => {
    if (current && current.collection !== named)
      chooseCollection(current.collection, { push: false });
  }, [current, named]);

  switch (probe.status) {
    case 'checking':
      return (
        <main id="main" className="muted" tabIndex={-1}>
          Connecting to the Crosscheck server…
        </main>
      );
    case 'error':
      return (
        <main id="main" tabIndex={-1}>
          <ErrorNotice title="The workbench cannot start" error={probe.error} />
        </main>
      );
    case 'embedded':
      return children(null);
    case 'signed-out':
      return (
        <SignInPage
          notice={session.notice}
          onSignedIn={(me) => setProbe({ status: 'signed-in', me })}
        />
      );
    case 'signed-in':
      if (!current) return <NoCollection me={probe.me} />;
      // Rendered once the session's collection is the one shown, so no request goes out without it.
      if (current.collection !== named) return null;
      return children({ me: probe.me, current });
  }
}

function NoCollection({ me }: { me: MeResponse }) {
  return (
    <main id="main" tabIndex={-1}>
      <div className="notice">
        <h1>No collection yet</h1>
        <p>
          You are signed in as <strong>{me.user.displayName}</strong>, but no collection is open to
          you. Ask an admin to add you:{' '}
          <code>
            crosscheck collection grant &lt;collection&gt; {me.user.username} --role reader
          </code>
          .
        </p>
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      </div>
    </main>
  );
}
