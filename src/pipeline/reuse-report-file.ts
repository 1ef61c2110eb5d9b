import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PassageGroup, ReusePair, StreamedReuseReport } from '../provenance/index.js';

/**
 * The two files a reuse report is handed over in, JSON Lines each: its pairs, written one at a
 * time as they are verified, and its passage groups, written at the end.
 *
 * The reuse thread hands its report over this way instead of posting it. A message is copied
 * whole, so a posted report was held three times at once (the thread's copy, the serialised
 * message, the receiver's copy). Through files, neither thread ever holds the pairs: at
 * 1,000,000 e-mails they were most of the reuse search's 2 GB of heap.
 */
export interface ReportFiles {
  pairs: string;
  passages: string;
}

export function reportFilesIn(dir: string): ReportFiles {
  return { pairs: join(dir, 'pairs.jsonl'), passages: join(dir, 'passages.jsonl') };
}

/** Lines gathered before each write: about a megabyte. */
const LINES_PER_WRITE = 2_000;

/** Writes a report's pairs as they come, then its passage groups; `close` in a `finally`. */
export class ReportFileWriter {
  private readonly fd: number;
  private readonly lines: string[] = [];

  /** Throws, naming the file, when it cannot be created. */
  constructor(private readonly files: ReportFiles) {
    this.fd = openSync(files.pairs, 'w');
  }

  pair(pair: ReusePair): void {
    this.lines.push(JSON.stringify(pair));
    if (this.lines.length === LINES_PER_WRITE) this.flush(this.fd);
  }

  /** Writes the last pairs and then the passage groups, a megabyte or so at a time. */
  finish(passages: readonly PassageGroup[]): void {
    this.flush(this.fd);
    const fd = openSync(this.files.passages, 'w');
    try {
      for (const passage of passages) {
        this.lines.push(JSON.stringify(passage));
        if (this.lines.length === LINES_PER_WRITE) this.flush(fd);
      }
      this.flush(fd);
    } finally {
      closeSync(fd);
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private flush(fd: number): void {
    if (this.lines.length === 0) return;
    writeSync(fd, `${this.lines.join('\n')}\n`);
    this.lines.length = 0;
  }
}

/**
 * The report `ReportFileWriter` wrote: the passage groups read now, the pairs read from their file
 * each time they are iterated, one at a time, so that a store records them without holding them.
 */
export function readReportFiles(files: ReportFiles): StreamedReuseReport {
  return {
    pairs: { [Symbol.iterator]: () => parsedLines<ReusePair>(files.pairs) },
    passages: [...parsedLines<PassageGroup>(files.passages)],
  };
}

function* parsedLines<T>(path: string): Generator<T> {
  // Written by this program a moment ago, on this machine: trusted as its own output.
  for (const line of linesOf(path)) yield JSON.parse(line) as T;
}

const CHUNK_BYTES = 1 << 20;

/**
 * The non-empty lines of a UTF-8 file, read synchronously a megabyte at a time. Hand-written: Node's
 * `readline` is asynchronous only, and a store writes the pairs inside a synchronous transaction
 * (better-sqlite3), which cannot wait for a promise. Lines are cut at the newline byte, which never
 * occurs inside a multi-byte UTF-8 sequence, so no character is split across chunks.
 */
function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let rest = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      const data = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk;
      const end = rest.length + read;
      let from = 0;
      for (let newline = data.indexOf(10, from); newline >= 0 && newline < end;) {
        if (newline > from) yield data.toString('utf8', from, newline);
        from = newline + 1;
        newline = data.indexOf(10, from);
      }
      // A copy: `chunk` is read into again.
      rest = Buffer.from(data.subarray(from, end));
    }
    if (rest.length > 0) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
