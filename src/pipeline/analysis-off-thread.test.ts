import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import type { AnalysisProgress } from './analysis-progress.js';
import { runAnalysis, runAnalysisOffThread } from './analyze.js';
import { runExtraction } from './extract-run.js';
import { runIngest } from './ingest-run.js';

const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');
/** Threads run compiled JavaScript: `npm test` builds dist/ first. */
const THREAD_FILE = resolve(import.meta.dirname, '../../dist/pipeline/analysis-thread.js');

/** Runs `work` and counts how often a 5 ms timer fired on this thread meanwhile. */
async function timerTurnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => (turns += 1), 5);
  try {
    const result = await work();
    return { result, turns };
  } finally {
    clearInterval(timer);
  }
}

describe('runAnalysisOffThread', () => {
  let dir: string;
  let extracted: string;

  beforeAll(async () => {
    if (!existsSync(THREAD_FILE)) throw new Error(`${THREAD_FILE} is missing: run npm run build`);
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-analysis-thread-'));
    extracted = join(dir, 'extracted.sqlite');
    const store = await openStore(extracted);
    await runIngest(store, [SEEDS], { ingest: defaultIngestOptions(), parseWorkers: 0 });
    await runExtraction(store, { workers: 0 });
    await store.close();
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('analyses as the calling thread would, records it, and leaves this thread free', async () => {
    const hereFile = join(dir, 'here.sqlite');
    const thereFile = join(dir, 'there.sqlite');
    copyFileSync(extracted, hereFile);
    copyFileSync(extracted, thereFile);
    const here = await openStore(hereFile);
    const there = await openStore(thereFile);
    try {
      const newsHere: AnalysisProgress[] = [];
      const newsThere: AnalysisProgress[] = [];
      const inline = await timerTurnsDuring(() =>
        runAnalysis(here, { onProgress: (p) => newsHere.push(p) }),
      );
      const offThread = await timerTurnsDuring(() =>
        runAnalysisOffThread(there, {
          threadFile: THREAD_FILE,
          onProgress: (p) => newsThere.push(p),
        }),
      );
      const withoutTimes = (summary: typeof inline.result) => ({
        resolution: { ...summary.resolution, seconds: 0 },
        reuse: { ...summary.reuse, seconds: 0 },
        claims: { ...summary.claims, seconds: 0 },
      });
      expect(inline.result.claims.clusters).toBeGreaterThan(0);
      expect(withoutTimes(offThread.result)).toEqual(withoutTimes(inline.result));
      // Written by the thread's connection, read through this one.
      expect((await there.listResolvedEntities()).total).toBe(inline.result.resolution.entities);
      expect((await there.listClaimClusters()).total).toBe(inline.result.claims.clusters);
      // The same news from either thread (resolution's and the reuse search's may interleave).
      const told = (news: AnalysisProgress[]) =>
        news.map(({ step, done, count }) => `${step}: ${done} (${count ?? '-'})`).sort();
      expect(told(newsThere)).toEqual(told(newsHere));
      expect(told(newsHere)).toContain(
        `resolution: entities recorded (${inline.result.resolution.entities})`,
      );
      expect(told(newsHere)).toContain(
        `claims: clusters recorded (${inline.result.claims.clusters})`,
      );
      expect(newsThere.at(-1)!.rss).toBeGreaterThan(0);
      // On this thread SQLite's synchronous calls starve the timers; off it they keep firing.
      expect(inline.turns).toBe(0);
      expect(offThread.turns).toBeGreaterThan(0);
    } finally {
      await here.close();
      await there.close();
    }
  }, 120_000);

  it('analyses on the calling thread a store no other thread can open', async () => {
    const memory = await openStore(':memory:');
    try {
      const summary = await runAnalysisOffThread(memory, { threadFile: THREAD_FILE });
      expect(summary.reuse.documents).toBe(0);
    } finally {
      await memory.close();
    }
  });
});
