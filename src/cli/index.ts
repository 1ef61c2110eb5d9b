import { CommanderError } from 'commander';
import { consoleOutput, type Output } from './context.js';
import { buildProgram } from './program.js';

/**
 * Runs the CLI and returns the process exit code: 0 success, 1 error, 2 ingest finished with
 * failures, 64 usage error.
 */
export async function main(argv: string[], output: Output = consoleOutput): Promise<number> {
  process.exitCode = undefined;
  const program = buildProgram(output);
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message (or help).
      return error.exitCode === 0 ? 0 : 64;
    }
    // Imported here, not up top, so that `--help` and usage errors never load it; any command
    // that could throw a CrosscheckError has loaded it already.
    const { CrosscheckError } = await import('../core/index.js');
    if (error instanceof CrosscheckError) {
      output.err(`crosscheck: ${error.describe()}`);
      return error.code === 'INVALID_ARGUMENT' || error.code === 'INVALID_QUERY' ? 64 : 1;
    }
    output.err(
      `crosscheck: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
