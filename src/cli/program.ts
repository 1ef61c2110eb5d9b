import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerClaims } from './commands/claims.js';
import { registerCollections } from './commands/collections.js';
import { registerDemo } from './commands/demo.js';
import { registerEntities } from './commands/entities.js';
import { registerEval } from './commands/eval.js';
import { registerExport, registerImport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerFailures } from './commands/failures.js';
import { registerHypotheses } from './commands/hypotheses.js';
import { registerIngest } from './commands/ingest.js';
import { registerMark } from './commands/mark.js';
import { registerMigrate } from './commands/migrate.js';
import { registerQueue } from './commands/queue.js';
import { registerReuse } from './commands/reuse.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerCompact } from './commands/compact.js';
import { registerUsers } from './commands/users.js';
import { registerWorker } from './commands/worker.js';
import type { Output } from './context.js';

/**
 * Every command, declared: its arguments, options, defaults and help. A declaration (in
 * commands/) imports nothing heavy; its action (in actions/) is imported when the command runs, so
 * `crosscheck --help` or `crosscheck search` pays only for what it uses (lazy-loading.test.ts).
 */
export function buildProgram(output: Output): Command {
  const program = new Command('crosscheck')
    .description(
      'An OSINT workbench: ingest, extract, fuse and trace a pile of reporting and leaks',
    )
    .option(
      '--store <location>',
      'SQLite file or postgres:// URL (default: $CROSSCHECK_STORE or .crosscheck/store.sqlite)',
    )
    .showHelpAfterError()
    .exitOverride();
  registerIngest(program, output);
  registerExtract(program, output);
  registerFailures(program, output);
  registerSearch(program, output);
  registerStats(program, output);
  registerCompact(program, output);
  registerShow(program, output);
  registerMark(program, output);
  registerEval(program, output);
  registerReuse(program, output);
  registerClaims(program, output);
  registerEntities(program, output);
  registerHypotheses(program, output);
  registerExport(program, output);
  registerImport(program, output);
  registerMigrate(program, output);
  registerServe(program, output);
  registerDemo(program, output);
  registerUsers(program, output);
  registerCollections(program, output);
  registerAudit(program, output);
  registerWorker(program, output);
  registerQueue(program, output);
  return program;
}
