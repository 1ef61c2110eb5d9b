import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ReuseIndex,
  type PassageGroup,
  type ReuseOptions,
  type ReusePair,
  type StreamedReuseReport,
} from '../provenance/index.js';
import type { Store } from '../store/index.js';
import type { AnalysisEvent } from './analysis-progress.js';
import {
  readReportFiles,
  ReportFileWriter,
  reportFilesIn,
  type ReportFiles,
} from './reuse-report-file.js';

export interface ReuseSummary {
  documents: number;
  /** Candidate pairs the indexes proposed, and those aligned on their texts after the pre-check. */
  candidates: number;
  aligned: number;
  pairs: number;
  nearDuplicates: number;
  passageGroups: number;
  seconds: number;
}

export interface ReuseRunOptions {
  reuse?: ReuseOptions;
  /** Told as each part of the search ends. */
  report?: (event: AnalysisEvent) => void;
}

/** What a reuse search found, before it is recorded. */
export interface FoundReuse {
  report: StreamedReuseReport;
  summary: ReuseSummary;
}

/**
 * Finds reused passages and near-duplicates across the whole store, reading only. The index
 * keeps fingerprints only; texts are read back from the store for the candidate pairs.
 */
export async function findStoredReuse(
  store: Store,
  options: ReuseRunOptions = {},
): Promise<FoundReuse> {
  const pairs: ReusePair[] = [];
  const { passages, summary } = await streamStoredReuse(store, (pair) => pairs.push(pair), options);
  return { report: { pairs, passages }, summary };
}

/**
 * `findStoredReuse`, handing each pair to `onPair` as it is verified instead of keeping it: the
 * reuse thread writes them to a file as they come (reuse-report-file.ts).
 */
export async function streamStoredReuse(
  store: Store,
  onPair: (pair: ReusePair) => void,
  options: ReuseRunOptions = {},
): Promise<{ passages: PassageGroup[]; summary: ReuseSummary }> {
  const started = performance.now();
  const report = options.report ?? (() => {});
  const index = new ReuseIndex(options.reuse);
  const found = { pairs: 0, nearDuplicates: 0 };
  let passages: PassageGroup[];
  try {
    for await (const document of store.iterateDocuments({ batchSize: 1000 })) {
      index.add({ id: document.id, text: document.text, date: document.publishedAt });
    }
    report({ step: 'reuse', done: 'documents fingerprinted', count: index.size });
    // The candidates are counted when the first is asked for.
    const candidates = toldAtFirst(index.takeCandidates(), () =>
      report({ step: 'reuse', done: 'candidate pairs counted' }),
    );
    const verified = await index.verifyAsync(
      async (id) => (await store.getDocumentText(id)) ?? '',
      candidates,
      (pair) => {
        found.pairs += 1;
        if (pair.nearDuplicate) found.nearDuplicates += 1;
        onPair(pair);
      },
    );
    passages = verified.passages;
    report({ step: 'reuse', done: 'pairs verified', count: found.pairs });
  } finally {
    index.close();
  }
  const { candidates, aligned } = index.verification;
  return {
    passages,
    summary: {
      documents: index.size,
      candidates,
      aligned,
      ...found,
      passageGroups: passages.length,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/**
 * Finds reuse across the whole store and records it. The pairs go through a scratch file, as the
 * analysis's reuse thread hands them over (reuse-report-file.ts), so that neither the search nor
 * the store's recording ever holds them all: at 1,000,000 e-mails they are hundreds of MB.
 */
export async function runReuse(store: Store, options: ReuseRunOptions = {}): Promise<ReuseSummary> {
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'crosscheck-reuse-report-'));
  try {
    const files = reportFilesIn(scratch);
    const summary = await writeStoredReuse(store, files, options);
    await store.replaceReuse(readReportFiles(files));
    return { ...summary, seconds: secondsSince(started) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Finds reuse across the whole store and writes the report to `files`, pairs as they come. */
export async function writeStoredReuse(
  store: Store,
  files: ReportFiles,
  options: ReuseRunOptions = {},
): Promise<ReuseSummary> {
  const writer = new ReportFileWriter(files);
  try {
    const { passages, summary } = await streamStoredReuse(
      store,
      (pair) => writer.pair(pair),
      options,
    );
    writer.finish(passages);
    return summary;
  } finally {
    writer.close();
  }
}

/** `items`, calling `tell` once the first has come (or there turned out to be none). */
function* toldAtFirst<T>(items: Iterable<T>, tell: () => void): Generator<T> {
  let told = false;
  for (const item of items) {
    if (!told) tell();
    told = true;
    yield item;
  }
  if (!told) tell();
}

const secondsSince = (started: number): number => (performance.now() - started) / 1000;
