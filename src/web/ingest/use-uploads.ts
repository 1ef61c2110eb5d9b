import { useCallback, useRef, useState } from 'react';
import { api } from '../api/client';
import type { IngestJob } from '../api/types';

export type UploadPhase = 'waiting' | 'uploading' | 'queued' | 'running' | 'done' | 'failed';

export interface Upload {
  key: string;
  name: string;
  sizeBytes: number;
  phase: UploadPhase;
  /** 0–1 while the bytes are being sent. */
  sent: number;
  job: IngestJob | null;
  error: Error | null;
}

const POLL_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Uploads files one after the other and follows each ingest job until it ends. Sequential
 * because the server ingests one job at a time anyway, and one upload at full speed finishes
 * sooner than several sharing the connection.
 */
export function useUploads(onJobFinished: () => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const queue = useRef(Promise.resolve());
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const follow = useCallback(
    async (key: string, job: IngestJob) => {
      let current = job;
      while (current.status === 'queued' || current.status === 'running') {
        await sleep(POLL_MS);
        current = await api.job(current.id);
        patch(key, { job: current, phase: current.status });
      }
      onJobFinished();
    },
    [patch, onJobFinished],
  );

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file): Upload & { file: File } => ({
        key: `upload-${++counter.current}`,
        name: file.name,
        sizeBytes: file.size,
        phase: 'waiting',
        sent: 0,
        job: null,
        error: null,
        file,
      }));
      setUploads((all) => [...added.map(({ file: _file, ...upload }) => upload), ...all]);
      for (const upload of added) {
        queue.current = queue.current.then(async () => {
          try {
            patch(upload.key, { phase: 'uploading' });
            const job = await api.upload(upload.file, (sent) => patch(upload.key, { sent }));
            patch(upload.key, { phase: job.status, job, sent: 1 });
            await follow(upload.key, job);
          } catch (error) {
            patch(upload.key, {
              phase: 'failed',
              error: error instanceof Error ? error : new Error(String(error)),
            });
          }
        });
      }
    },
    [patch, follow],
  );

  return { uploads, add };
}
