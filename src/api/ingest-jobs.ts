import { randomUUID } from 'node:crypto';
import { toCrosscheckError } from '../core/index.js';
import type { IngestProgress, IngestSummary } from '../pipeline/index.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJob {
  id: string;
  fileName: string;
  sizeBytes: number;
  status: JobStatus;
  createdAt: string;
  progress: IngestProgress | null;
  summary: IngestSummary | null;
  error: { code: string; message: string; hint: string | null } | null;
}

/** Runs one ingest of the given path, reporting progress as it goes. */
export type IngestRunner = (
  path: string,
  onProgress: (progress: IngestProgress) => void,
) => Promise<IngestSummary>;

/**
 * Uploaded files waiting to be ingested, run one at a time. One at a time because every run
 * writes to the same store: interleaving their batches would gain nothing and make progress
 * harder to read. Jobs live in memory: they are a view of work in progress, while the store's
 * run and failure log is the lasting record.
 */
export class IngestJobQueue {
  private readonly jobs = new Map<string, IngestJob>();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: IngestRunner,
    /** Finished jobs kept for polling; older ones are forgotten first. */
    private readonly keepFinished = 200,
  ) {}

  /** Creates a job id before the upload is saved, so the file can be stored under it. */
  newId(): string {
    return randomUUID();
  }

  enqueue(id: string, path: string, fileName: string, sizeBytes: number): IngestJob {
    const job: IngestJob = {
      id,
      fileName,
      sizeBytes,
      status: 'queued',
      createdAt: new Date().toISOString(),
      progress: null,
      summary: null,
      error: null,
    };
    this.jobs.set(id, job);
    this.tail = this.tail.then(() => this.run(job, path));
    this.forgetOldJobs();
    return { ...job };
  }

  get(id: string): IngestJob | null {
    const job = this.jobs.get(id);
    return job ? { ...job } : null;
  }

  /** Newest first. */
  list(): IngestJob[] {
    return [...this.jobs.values()].reverse().map((job) => ({ ...job }));
  }

  /** Resolves when every job queued so far has finished (for shutdown and tests). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(job: IngestJob, path: string): Promise<void> {
    job.status = 'running';
    try {
      job.summary = await this.runner(path, (progress) => {
        job.progress = progress;
      });
      job.status = 'done';
    } catch (error) {
      const failure = toCrosscheckError(error, 'STORE_FAILURE');
      job.error = { code: failure.code, message: failure.message, hint: failure.hint ?? null };
      job.status = 'failed';
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter(
      (job) => job.status === 'done' || job.status === 'failed',
    );
    for (const job of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) {
      this.jobs.delete(job.id);
    }
  }
}
