import { describe, expect, it } from 'vitest';
import type { QueueProgress } from '../../queue/index.js';
import { describeProgress } from './queue.js';

const NO_JOBS = { waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 };

function progressWith(analysis: Partial<QueueProgress['analysis']>): QueueProgress {
  return {
    counts: { ...NO_JOBS, completed: 40 },
    documentsStored: 5000,
    docsPerSecond: 0,
    etaSeconds: 300,
    etaExcludesAnalysis: false,
    analysis: {
      phase: 'running',
      counts: { ...NO_JOBS, active: 1 },
      etaSeconds: 300,
      step: null,
      last: null,
      ...analysis,
    },
    workers: 2,
    failed: [],
  };
}

describe('crosscheck queue status', () => {
  it('tells the running analysis’s last step, with its count and how far in it ended', () => {
    const step = {
      step: 'claims',
      done: 'statements matched',
      count: 1204,
      seconds: 719.5,
    } as const;
    expect(describeProgress(progressWith({ step }))).toContain(
      ' · analysis running — claims: statements matched (1,204), 12m in · ETA 5m',
    );
    const uncounted = { ...step, done: 'trimmed copies joined', count: null, seconds: 41.6 };
    expect(describeProgress(progressWith({ step: uncounted }))).toContain(
      ' · analysis running — claims: trimmed copies joined, 42s in · ETA',
    );
  });
});
