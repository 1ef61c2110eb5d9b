import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { PassageGroup, ReusePair, ReuseReport } from '../provenance/index.js';

/** One line of a report file: a pair or a passage group, in the report's order. */
type ReportLine = { pair: ReusePair } | { passage: PassageGroup };

/** Lines gathered before each write: about a megabyte. */
const LINES_PER_WRITE = 2_000;

/**
 * Writes `report` to `path` as JSON Lines, emptying the report as it goes. The reuse thread hands
 * its report over this way instead of posting it: a message is copied whole, so a posted report
 * was held three times at once (the thread's copy, the serialised message, the receiver's copy),
 * a spike of 2 GB at 1,000,000 e-mails. Through a file the receiver reads it once the thread,
 * and its copy, are gone.
 */
export function writeReportFile(report: ReuseReport, path: string): void {
  const fd = openSync(path, 'w');
  try {
    const lines: string[] = [];
    const flush = (): void => {
      if (lines.length === 0) return;
      writeSync(fd, `${lines.join('\n')}\n`);
      lines.length = 0;
    };
    const add = (line: ReportLine): void => {
      lines.push(JSON.stringify(line));
      if (lines.length === LINES_PER_WRITE) flush();
    };
    for (const pair of report.pairs) add({ pair });
    report.pairs.length = 0;
    for (const passage of report.passages) add({ passage });
    report.passages.length = 0;
    flush();
  } finally {
    closeSync(fd);
  }
}

/** Reads back a report that `writeReportFile` wrote, one line at a time. */
export async function readReportFile(path: string): Promise<ReuseReport> {
  const report: ReuseReport = { pairs: [], passages: [] };
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text === '') continue;
    // Written by this program a moment ago, on this machine: trusted as its own output.
    const line = JSON.parse(text) as ReportLine;
    if ('pair' in line) report.pairs.push(line.pair);
    else report.passages.push(line.passage);
  }
  return report;
}
