import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

const HOME_HELP = 'multi-user server home folder (or --store postgres://…)';
const userActions = () => import('../actions/users.js');

/** `crosscheck user …` and `crosscheck token …`: accounts and API tokens of a multi-user server. */
export function registerUsers(program: Command, output: Output): void {
  const user = program.command('user').description('Accounts of a multi-user server');
  user
    .command('add')
    .description('Create an account')
    .argument('<name>', 'user name (lowercase letters, digits, . _ -)')
    .option('--display-name <text>', 'the name shown in the workbench')
    .option('--admin', 'server admin: may create collections and accounts')
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await userActions()).addUser));
  user
    .command('list')
    .description('List the accounts')
    .option('--home <dir>', HOME_HELP)
    .option('--json', 'print JSON')
    .action(lazyAction(output, async () => (await userActions()).listUsers));

  const token = program.command('token').description('API tokens of a multi-user server');
  token
    .command('create')
    .description('Create an API token for a user and print its secret (shown this once only)')
    .argument('<user>', 'whose token')
    .option('--label <text>', 'what the token is for (e.g. laptop)')
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await userActions()).createToken));
  token
    .command('list')
    .description('List a user’s tokens (never their secrets)')
    .argument('<user>', 'whose tokens')
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await userActions()).listTokens));
  token
    .command('revoke')
    .description('Revoke a token at once')
    .argument('<id>', 'the token id (from `crosscheck token list`)')
    .option('--home <dir>', HOME_HELP)
    .action(lazyAction(output, async () => (await userActions()).revokeToken));
}
