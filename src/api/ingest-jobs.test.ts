import { describe, expect, it } from 'vitest';
import type { IngestProgress, IngestSummary } from '../pipeline/index.js';
import { CrosscheckError } from '../core/index.js';
import { IngestJobQueue, type IngestRunner } from './ingest-jobs.js';

const progress = (filesDone: number): IngestProgress => ({
  totalFiles: 2,
  totalBytes: 20,
  filesDone,
  bytesDone: filesDone * 10,
  documentsStored: filesDone,
  duplicates: 0,
  failures: 0,
  skippedFiles: 0,
  currentPath: 'a.txt',
  elapsedSeconds: 0.1,
});

const summary = (path: string): IngestSummary => ({
  runId: `run-for-${path}`,
  stored: 2,
  duplicates: 0,
  skippedFiles: 0,
  failures: [],
  files: 2,
  bytes: 20,
  seconds: 0.2,
});

/** A runner the test releases by hand, to look at a job while it runs. */
function gatedRunner() {
  const started: string[] = [];
  let release: () => void = () => {};
  const runner: IngestRunner = async (path, onProgress) => {
    started.push(path);
    onProgress(progress(1));
    await new Promise<void>((resolve) => (release = resolve));
    onProgress(progress(2));
    return summary(path);
  };
  return { runner, started, release: () => release() };
}

describe('IngestJobQueue', () => {
  it('runs jobs one at a time, reporting progress and then the summary', async () => {
    const gate = gatedRunner();
    const queue = new IngestJobQueue(gate.runner);
    const first = queue.enqueue(queue.newId(), '/up/a.zip', 'a.zip', 10);
    const second = queue.enqueue(queue.newId(), '/up/b.eml', 'b.eml', 10);
    expect(first.status).toBe('queued');

    await new Promise((resolve) => setImmediate(resolve));
    expect(gate.started).toEqual(['/up/a.zip']);
    expect(queue.get(first.id)).toMatchObject({ status: 'running', progress: { filesDone: 1 } });
    expect(queue.get(second.id)?.status).toBe('queued');

    gate.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.get(first.id)).toMatchObject({
      status: 'done',
      progress: { filesDone: 2 },
      summary: { runId: 'run-for-/up/a.zip' },
    });
    expect(gate.started).toEqual(['/up/a.zip', '/up/b.eml']);
    gate.release();
    await queue.idle();
    expect(queue.list().map((job) => job.fileName)).toEqual(['b.eml', 'a.zip']);
  });

  it('records a failed run with its error code and hint, and carries on with the next job', async () => {
    let calls = 0;
    const queue = new IngestJobQueue(async (path) => {
      calls++;
      if (calls === 1) {
        throw new CrosscheckError('STORE_FAILURE', 'disk full', { hint: 'Free some space.' });
      }
      return summary(path);
    });
    const failed = queue.enqueue(queue.newId(), '/up/a', 'a', 1);
    const next = queue.enqueue(queue.newId(), '/up/b', 'b', 1);
    await queue.idle();
    expect(queue.get(failed.id)).toMatchObject({
      status: 'failed',
      error: { code: 'STORE_FAILURE', message: 'disk full', hint: 'Free some space.' },
    });
    expect(queue.get(next.id)?.status).toBe('done');
  });

  it('forgets the oldest finished jobs beyond its limit', async () => {
    const queue = new IngestJobQueue(async (path) => summary(path), 2);
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      ids.push(queue.enqueue(queue.newId(), `/up/${name}`, name, 1).id);
      await queue.idle();
    }
    expect(queue.get(ids[0]!)).toBeNull();
    expect(queue.list().map((job) => job.fileName)).toEqual(['d', 'c', 'b']);
  });

  it('hands out copies, so callers cannot change a job', () => {
    const queue = new IngestJobQueue(async (path) => summary(path));
    const job = queue.enqueue(queue.newId(), '/up/a', 'a', 1);
    job.status = 'failed';
    expect(queue.get(job.id)?.status).not.toBe('failed');
  });
});
