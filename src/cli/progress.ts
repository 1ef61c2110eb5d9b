import cliProgress from 'cli-progress';
import type { AnalysisProgress, IngestProgress } from '../pipeline/index.js';
import type { Output } from './context.js';

function eta(p: IngestProgress): string {
  if (p.bytesDone === 0 || p.totalBytes === 0) return '–';
  const seconds = (p.elapsedSeconds / p.bytesDone) * (p.totalBytes - p.bytesDone);
  if (!Number.isFinite(seconds)) return '–';
  return seconds < 90 ? `${Math.round(seconds)}s` : `${Math.round(seconds / 60)}m`;
}

function rate(p: IngestProgress): string {
  return p.elapsedSeconds > 0 ? (p.documentsStored / p.elapsedSeconds).toFixed(0) : '0';
}

/**
 * A progress bar on a terminal; plain log lines (every few seconds) when output goes to a file
 * or a CI log, where redrawn bars turn into noise.
 */
export function createProgressReporter(output: Output, quiet: boolean) {
  if (quiet) return { update: () => {}, stop: () => {} };
  if (output.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format:
          'ingest [{bar}] {value}/{total} files | {docs} docs | {rate} docs/s | {failures} failed | ETA {eta}',
        hideCursor: true,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p: IngestProgress) {
        const payload = {
          docs: p.documentsStored,
          rate: rate(p),
          failures: p.failures,
          eta: eta(p),
        };
        if (!started) {
          bar.start(p.totalFiles, p.filesDone, payload);
          started = true;
        } else {
          bar.setTotal(p.totalFiles);
          bar.update(p.filesDone, payload);
        }
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastLine = 0;
  return {
    update(p: IngestProgress) {
      const now = Date.now();
      if (now - lastLine < 5000) return;
      lastLine = now;
      output.err(
        `ingest: ${p.filesDone}/${p.totalFiles} files, ${p.documentsStored} new documents, ` +
          `${p.duplicates} duplicates, ${p.failures} failed, ${rate(p)} docs/s, ETA ${eta(p)}`,
      );
    },
    stop() {},
  };
}

/**
 * One line per step of the analysis, as it ends: how long since it started, the memory in use
 * then, and what finished (`analyze   135.3 s    612 MB  resolution: entities recorded (40,572)`).
 * Plain lines on a terminal too: the steps are minutes apart, and two run at once.
 */
export function analysisProgressLine(p: AnalysisProgress): string {
  const count = p.count === undefined ? '' : ` (${p.count.toLocaleString('en-US')})`;
  const seconds = p.seconds.toFixed(1).padStart(8);
  const megabytes = String(Math.round(p.rss / 2 ** 20)).padStart(6);
  return `analyze ${seconds} s ${megabytes} MB  ${p.step}: ${p.done}${count}`;
}
