import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StageJob } from './stage-child.js';
import type { StageFigures } from './stage-figures.js';

const STAGE_CHILD = fileURLToPath(new URL('./stage-child.js', import.meta.url));

/**
 * Runs one stage in a fresh Node process (see stage-child.ts) and returns its figures. Its log
 * lines pass through to this process's stderr. `nodeArgs` lets a caller profile the child
 * (`--heap-prof`, `--max-old-space-size`).
 */
export function runStage(job: StageJob, nodeArgs: readonly string[] = []): Promise<StageFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', ...nodeArgs, STAGE_CHILD, JSON.stringify(job)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`The ${job.stage} stage failed (exit code ${code}); see the log above.`));
        return;
      }
      resolve(JSON.parse(last) as StageFigures);
    });
  });
}
