/**
 * Writes the corpus to a folder as it is generated. Documents go under `DIR/docs/` (e-mails as
 * `.eml` files or in mbox files, articles as `.txt`/`.html` files), so that `crosscheck ingest
 * DIR/docs` reads the documents and nothing else; `DIR/ground-truth.jsonl` lists every planted
 * pair (paths relative to `DIR/docs/`) and `DIR/manifest.json` the arguments and counts. Writes are synchronous and buffered: for small
 * files that is the fastest path in Node, and it keeps the output order (hence the bytes) fixed.
 */
import { closeSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../../core/index.js';
import {
  CorpusOptionsSchema,
  generateCorpusSync,
  type CorpusOptions,
  type GeneratedDocument,
} from './generate.js';
import { asctimeDate } from './text.js';

/** The sub-folder of the output folder that holds the documents. */
export const DOCS = 'docs';

export interface WriteCorpusOptions extends CorpusOptions {
  /** The output folder; created if missing. */
  out: string;
  /** Write into a folder that already has files (same-named files are replaced). */
  force?: boolean;
  /** Called every `progressEvery` documents and at the end. */
  onProgress?: (written: number, total: number) => void;
  progressEvery?: number;
}

export interface CorpusSummary {
  out: string;
  docs: number;
  emails: number;
  articles: number;
  intel: number;
  spanish: number;
  withAttachment: number;
  planted: number;
  files: number;
  bytes: number;
}

/** Appends to one file through a large buffer, flushing synchronously. */
class BufferedFile {
  private readonly fd: number;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(data: Buffer | string): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.chunks.push(buf);
    this.size += buf.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    writeSync(this.fd, Buffer.concat(this.chunks, this.size));
    this.chunks.length = 0;
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export async function writeCorpus(options: WriteCorpusOptions): Promise<CorpusSummary> {
  const resolved = CorpusOptionsSchema.parse(options);
  const out = options.out;
  mkdirSync(out, { recursive: true });
  if (!options.force && readdirSync(out).length > 0) {
    throw new UsageError('INVALID_ARGUMENT', `The output folder is not empty: ${out}`, {
      file: out,
      hint: 'Choose an empty or new folder, or pass --force to write over it.',
    });
  }
  const summary: CorpusSummary = {
    out,
    docs: 0,
    emails: 0,
    articles: 0,
    intel: 0,
    spanish: 0,
    withAttachment: 0,
    planted: 0,
    files: 0,
    bytes: 0,
  };
  const madeDirs = new Set<string>();
  const ensureDir = (file: string): void => {
    const dir = dirname(file);
    if (!madeDirs.has(dir)) {
      mkdirSync(join(out, DOCS, dir), { recursive: true });
      madeDirs.add(dir);
    }
  };
  const truth = new BufferedFile(join(out, 'ground-truth.jsonl'));
  let box: { file: string; writer: BufferedFile } | null = null;
  const every = options.progressEvery ?? 10_000;

  const write = (doc: GeneratedDocument): void => {
    if (doc.container === 'mbox') {
      if (box?.file !== doc.file) {
        box?.writer.close();
        ensureDir(doc.file);
        box = { file: doc.file, writer: new BufferedFile(join(out, DOCS, doc.file)) };
        summary.files++;
      }
      const from = `From ${doc.sender ?? 'MAILER-DAEMON'} ${asctimeDate(new Date(doc.date))}\n`;
      box.writer.write(from);
      box.writer.write(doc.bytes);
      box.writer.write('\n');
      summary.bytes += from.length + doc.bytes.length + 1;
    } else {
      ensureDir(doc.file);
      writeFileSync(join(out, DOCS, doc.file), doc.bytes);
      summary.files++;
      summary.bytes += doc.bytes.length;
    }
  };

  try {
    for (const doc of generateCorpusSync(resolved)) {
      write(doc);
      summary.docs++;
      if (doc.kind === 'email') summary.emails++;
      else summary.articles++;
      if (doc.intel) summary.intel++;
      if (doc.language === 'es') summary.spanish++;
      if (doc.attachment) summary.withAttachment++;
      for (const pair of doc.plants) {
        truth.write(JSON.stringify(pair) + '\n');
        summary.planted++;
      }
      if (summary.docs % every === 0) {
        options.onProgress?.(summary.docs, resolved.docs);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    (box as { writer: BufferedFile } | null)?.writer.close();
    truth.close();
  }
  if (summary.docs % every !== 0) options.onProgress?.(summary.docs, resolved.docs);
  const manifest = {
    generator: 'crosscheck corpus',
    version: 1,
    options: resolved,
    counts: { ...summary, out: undefined },
    layout: {
      eml: 'docs/mail/<shard>/<id>.eml, one RFC 5322 message per file (CRLF)',
      mbox: 'docs/mbox/box-<n>.mbox, mboxrd, LF; a message is addressed as box-<n>.mbox#<1-based index>',
      articles: 'docs/articles/<shard>/<id>.txt|.html',
      groundTruth:
        'ground-truth.jsonl: one planted pair per line, paths relative to docs/; a is earlier, b re-prints; origin is where the passage first appeared',
      reuse:
        'every planted pair shares a run of at least 32 words (folded, brackets dropped); documents are built from templates, so unrelated documents share 20-word runs by chance now and then but 30-word runs almost never: score reuse detection at 30 words',
    },
  };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return summary;
}
