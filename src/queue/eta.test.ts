import { describe, expect, it } from 'vitest';
import { estimateEta } from './eta.js';

describe('the queue ETA', () => {
  it('counts the extraction job each queued ingest job still has to come', () => {
    // 6 queued jobs, 4 of them ingest jobs: 10 jobs to go at 2 jobs/s.
    expect(
      estimateEta({ queuedJobs: 6, ingestJobs: 4, jobsPerSecond: 2, analysisSeconds: 0 }),
    ).toEqual({ seconds: 5, excludesAnalysis: false });
  });

  it('adds the pending analysis when its duration can be estimated', () => {
    expect(
      estimateEta({ queuedJobs: 6, ingestJobs: 4, jobsPerSecond: 2, analysisSeconds: 30 }),
    ).toEqual({ seconds: 35, excludesAnalysis: false });
    // Jobs done, the analysis alone is left.
    expect(
      estimateEta({ queuedJobs: 0, ingestJobs: 0, jobsPerSecond: 0, analysisSeconds: 30 }),
    ).toEqual({ seconds: 30, excludesAnalysis: false });
  });

  it('says so when it cannot include a first analysis, and is unknown without a job rate', () => {
    expect(
      estimateEta({ queuedJobs: 3, ingestJobs: 3, jobsPerSecond: 1, analysisSeconds: null }),
    ).toEqual({ seconds: 6, excludesAnalysis: true });
    expect(
      estimateEta({ queuedJobs: 0, ingestJobs: 0, jobsPerSecond: 1, analysisSeconds: null }),
    ).toEqual({ seconds: null, excludesAnalysis: false });
    expect(
      estimateEta({ queuedJobs: 3, ingestJobs: 1, jobsPerSecond: 0, analysisSeconds: 0 }),
    ).toEqual({ seconds: null, excludesAnalysis: false });
    expect(
      estimateEta({ queuedJobs: 0, ingestJobs: 0, jobsPerSecond: 0, analysisSeconds: 0 }),
    ).toEqual({ seconds: 0, excludesAnalysis: false });
  });
});
