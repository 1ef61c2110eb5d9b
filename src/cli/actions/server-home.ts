import { UsageError } from '../../core/index.js';
import { openAccountStore, type AccountStore } from '../../store/index.js';

/**
 * The multi-user server a command works on: `--home <dir>` (SQLite) or a `postgres://` URL in
 * `--store`, else $CROSSCHECK_HOME. Never a guess: an admin command run against the wrong
 * server would hand out access to the wrong cases.
 */
export function serverLocation(flags: {
  home?: string | undefined;
  store?: string | undefined;
}): string {
  if (flags.home) return flags.home;
  if (flags.store && /^postgres(ql)?:\/\//i.test(flags.store)) return flags.store;
  if (process.env.CROSSCHECK_HOME) return process.env.CROSSCHECK_HOME;
  throw new UsageError('INVALID_ARGUMENT', 'Name the multi-user server to work on', {
    hint: 'Pass --home <dir> (SQLite) or --store postgres://… (PostgreSQL), or set CROSSCHECK_HOME.',
  });
}

/** Opens the server's account store for one command and always closes it. */
export async function withAccounts<T>(
  flags: { home?: string | undefined; store?: string | undefined },
  action: (accounts: AccountStore, server: string) => Promise<T>,
): Promise<T> {
  const server = serverLocation(flags);
  const accounts = await openAccountStore(server);
  try {
    return await action(accounts, server);
  } finally {
    await accounts.close();
  }
}
