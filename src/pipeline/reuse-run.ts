import { ReuseIndex, type ReuseOptions, type ReuseReport } from '../provenance/index.js';
import type { Store } from '../store/index.js';

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

/** What a reuse search found, before it is recorded. */
export interface FoundReuse {
  report: ReuseReport;
  summary: ReuseSummary;
}

/**
 * Finds reused passages and near-duplicates across the whole store, reading only. The index
 * keeps fingerprints only; texts are read back from the store for the candidate pairs.
 */
export async function findStoredReuse(
  store: Store,
  options: { reuse?: ReuseOptions } = {},
): Promise<FoundReuse> {
  const started = performance.now();
  const index = new ReuseIndex(options.reuse);
  let report: ReuseReport;
  try {
    for await (const document of store.iterateDocuments({ batchSize: 1000 })) {
      index.add({ id: document.id, text: document.text, date: document.publishedAt });
    }
    report = await index.verifyAsync(
      async (id) => (await store.getDocument(id))?.text ?? '',
      index.takeCandidates(),
    );
  } finally {
    index.close();
  }
  const { candidates, aligned } = index.verification;
  return {
    report,
    summary: {
      documents: index.size,
      candidates,
      aligned,
      pairs: report.pairs.length,
      nearDuplicates: report.pairs.filter((p) => p.nearDuplicate).length,
      passageGroups: report.passages.length,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/** Finds reuse across the whole store and records it. */
export async function runReuse(
  store: Store,
  options: { reuse?: ReuseOptions } = {},
): Promise<FoundReuse> {
  const started = performance.now();
  const found = await findStoredReuse(store, options);
  await store.replaceReuse(found.report);
  return { ...found, summary: { ...found.summary, seconds: secondsSince(started) } };
}

const secondsSince = (started: number): number => (performance.now() - started) / 1000;
