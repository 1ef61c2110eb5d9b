import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the whole run's scratch files in one folder, removed when the run ends.
 * Tests, and the CLI processes and threads they start, make their throw-away stores, corpora and
 * queue files under os.tmpdir(), which reads TMPDIR; the test workers are started after this and
 * inherit it. Without it, every run left some sixty folders and files in /tmp.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
