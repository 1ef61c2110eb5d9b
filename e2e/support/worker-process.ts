import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startCli } from '../cli-helpers.js';

export interface WorkerProcess {
  child: ChildProcess;
  /** Every line the worker has printed so far, stdout and stderr interleaved as they came. */
  lines: string[];
  exited: Promise<number | null>;
  /** Resolves on the next line (from now) that matches. */
  next: (pattern: RegExp) => Promise<RegExpMatchArray>;
}

/** A `crosscheck worker` child process, with its output lines kept and watched. */
export function startWorkerProcess(args: string[]): WorkerProcess {
  const child = startCli(['worker', ...args]);
  const lines: string[] = [];
  const watchers: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    for (const watcher of [...watchers]) {
      const match = watcher.pattern.exec(line);
      if (match) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(match);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    lines,
    exited,
    next: (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve) => watchers.push({ pattern, resolve })),
  };
}

export function killAll(children: ChildProcess[]): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
}
