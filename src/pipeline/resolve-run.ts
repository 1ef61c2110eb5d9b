import { EntityResolver, toResolveDocument, type AnalystDecisions } from '../resolve/index.js';
import type { RecordedEntityDecision, Store } from '../store/index.js';
import type { AnalysisEvent } from './analysis-progress.js';

export interface ResolutionSummary {
  entities: number;
  mentions: number;
  merges: number;
  /** Analysts' decisions that no longer match anything (reported, never dropped silently). */
  unappliedDecisions: number;
  /**
   * The recorded id of the decision behind each of those (a merge may leave more than one of its
   * keys unapplied), so a clearance-restricted reader can be told only of the ones they may see.
   */
  unappliedDecisionIds: number[];
  seconds: number;
}

/** Recorded decisions, oldest first, as the resolver takes them. */
export function toAnalystDecisions(recorded: RecordedEntityDecision[]): AnalystDecisions {
  const decisions: Required<AnalystDecisions> = { merges: [], splits: [], renames: [] };
  for (const d of recorded) {
    if (d.kind === 'merge') decisions.merges.push(d.decision);
    else if (d.kind === 'split') decisions.splits.push(d.decision);
    else decisions.renames.push(d.decision);
  }
  return decisions;
}

/**
 * Merges every extracted mention into canonical entities across the corpus, applying the
 * analysts' recorded decisions last (they always win), and records the result. Streams documents;
 * the resolver keeps state per distinct name, not per document.
 */
export async function runResolution(
  store: Store,
  report: (event: AnalysisEvent) => void = () => {},
): Promise<ResolutionSummary> {
  const started = performance.now();
  const recorded = await store.listEntityDecisions();
  // The resolver names an unapplied decision by kind and place in its kind's list, as given.
  const ids: Record<RecordedEntityDecision['kind'], number[]> = {
    merge: [],
    split: [],
    rename: [],
  };
  for (const d of recorded) ids[d.kind].push(d.id);
  const resolver = new EntityResolver(toAnalystDecisions(recorded));
  let mentions = 0;
  let documents = 0;
  for await (const document of store.iterateExtractedDocuments({
    batchSize: 500,
    fields: ['mentions'],
  })) {
    const found = document.extraction.extraction.mentions;
    if (found.length === 0) continue;
    mentions += found.length;
    documents += 1;
    resolver.add(toResolveDocument(document, found));
  }
  report({ step: 'resolution', done: 'documents with names read', count: documents });
  // Entities and mention links are built as the store writes them, never held whole.
  const resolution = resolver.finishStreaming();
  await store.replaceResolution(resolution);
  report({ step: 'resolution', done: 'entities recorded', count: resolution.entityCount });
  return {
    entities: resolution.entityCount,
    mentions,
    merges: resolution.merges.length,
    unappliedDecisions: resolution.unappliedDecisions.length,
    unappliedDecisionIds: resolution.unappliedDecisions.map(({ kind, index }) => ids[kind][index]!),
    seconds: (performance.now() - started) / 1000,
  };
}
