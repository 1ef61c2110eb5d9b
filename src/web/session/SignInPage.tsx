import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { MeResponse } from '../api/access-types';
import { signIn } from './session';

/**
 * The multi-user server's sign-in: paste an API token an admin created with
 * `crosscheck token create`. The token is checked against `GET /api/me` before it is kept.
 */
export function SignInPage({
  notice,
  onSignedIn,
}: {
  /** Why the user is here again (a revoked token), shown above the form. */
  notice: string | null;
  onSignedIn: (me: MeResponse) => void;
}) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) return;
    setBusy(true);
    setError(null);
    try {
      const me = await api.me(candidate);
      signIn(candidate);
      onSignedIn(me);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError(0, { code: 'INTERNAL', message: String(caught), hint: null }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in-page" tabIndex={-1}>
      <form className="panel sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in">
        <h1 id="sign-in">Sign in to Crosscheck</h1>
        {notice && (
          <p className="notice notice-error" role="alert" data-sign-in-notice>
            {notice}
          </p>
        )}
        <p className="muted">
          This server is shared: paste the API token an admin gave you (made with{' '}
          <code>crosscheck token create</code>). It is kept only in this tab and forgotten when the
          tab closes.
        </p>
        <label htmlFor="api-token">API token</label>
        <input
          id="api-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={error ? 'sign-in-error' : undefined}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <div className="notice notice-error" role="alert" id="sign-in-error">
            <p>{error.message}</p>
            {error.hint && <p className="notice-hint">{error.hint}</p>}
          </div>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
