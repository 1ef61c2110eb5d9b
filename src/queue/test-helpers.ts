import { randomBytes } from 'node:crypto';
import { checkRedis } from './connection.js';
import type { QueueMonitor, QueueProgress } from './monitor.js';

/** The local Redis the tests use (`.ci/run` starts it); CROSSCHECK_TEST_REDIS overrides. */
export const TEST_REDIS_URL = process.env.CROSSCHECK_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** True when Redis answers; under CI a missing Redis is an error, not a skip. */
export async function redisAvailable(): Promise<boolean> {
  try {
    await checkRedis(TEST_REDIS_URL);
    return true;
  } catch (error) {
    if (process.env.CI) throw error;
    return false;
  }
}

/** A key prefix no other test run uses, so parallel runs never see each other's jobs. */
export function uniquePrefix(label: string): string {
  return `cc-test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Polls until nothing is waiting, running or delayed (retries and the analysis included). */
export async function waitForDrain(
  monitor: QueueMonitor,
  timeoutMs = 45_000,
): Promise<QueueProgress> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await monitor.progress();
    const { waiting, active, delayed, completed, failed } = progress.counts;
    const analysing = ['waiting', 'running'].includes(progress.analysis.phase);
    if (waiting + active + delayed === 0 && completed + failed > 0 && !analysing) return progress;
    if (Date.now() > deadline) {
      throw new Error(`The queue did not drain in time: ${JSON.stringify(progress.counts)}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}
