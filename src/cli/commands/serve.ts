import type { Command } from 'commander';
import type { Output } from '../context.js';
import { DEFAULT_RATE_LIMIT, DEFAULT_SEARCH_WORKERS } from '../declared-defaults.js';
import { lazyAction } from '../lazy-action.js';

export function registerServe(program: Command, output: Output): void {
  program
    .command('serve')
    .description('Serve the web workbench and the HTTP API over the store')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '4173')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--upload-dir <path>', 'where uploaded files are kept', '.crosscheck/uploads')
    .option('--max-upload-size <size>', 'largest upload accepted (e.g. 256MB)')
    .option(
      '--search-workers <n>',
      'SQLite: threads answering searches beside the server (0: none)',
      String(DEFAULT_SEARCH_WORKERS),
    )
    .option('--redis <url>', 'show the distributed workers’ progress (default: $CROSSCHECK_REDIS)')
    .option(
      '--multi-user',
      'accounts, API tokens, collections and an audit log (needs --home or a postgres:// --store)',
    )
    .option('--home <dir>', 'multi-user server home folder (SQLite)')
    .option(
      '--rate-limit <n>',
      'multi-user: requests per token (or per IP when anonymous) per window',
      String(DEFAULT_RATE_LIMIT.max),
    )
    .option(
      '--rate-window <seconds>',
      'multi-user: the rate-limit window',
      String(DEFAULT_RATE_LIMIT.timeWindow / 1000),
    )
    .option('--body-limit <size>', 'largest JSON request body (default 1MB)')
    .option(
      '--trust-proxy <proxies>',
      'behind a reverse proxy: "true", or its addresses/subnets, comma-separated',
    )
    .action(lazyAction(output, async () => (await import('../actions/serve.js')).serveWorkbench));
}
