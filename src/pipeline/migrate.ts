import type { MarkedIngestItem, Store, StoredDocument } from '../store/index.js';
import { runAnalysis } from './analyze.js';

export interface MigrationCounts {
  documents: number;
  /** Document–origin and parent–child links. */
  origins: number;
  links: number;
  extractions: number;
  failures: number;
  grades: number;
  entityDecisions: number;
  hypotheses: number;
  marks: number;
  /** Documents marked above TLP:CLEAR (markings are copied with the documents). */
  marked: number;
}

export interface MigrationReport {
  source: MigrationCounts;
  target: MigrationCounts;
  /** Every count matches: nothing was lost. */
  complete: boolean;
  seconds: number;
}

const BATCH = 200;

/**
 * The items that recreate one stored document, under its TLP marking: each origin once, each
 * parent link once.
 */
function itemsFor(
  document: StoredDocument,
  parents: Awaited<ReturnType<Store['getLinks']>>['parents'],
): MarkedIngestItem[] {
  const { origins, ingestedAt: _ingestedAt, tlp, ...parsed } = document;
  const first = origins[0] ?? '';
  const items: MarkedIngestItem[] = origins.map((origin) => ({
    document: { ...parsed, origin },
    parent: null,
    tlp,
  }));
  for (const link of parents) {
    items.push({
      document: { ...parsed, origin: first },
      parent: { parentId: link.parentId, relation: link.relation, name: link.name },
      tlp,
    });
  }
  return items;
}

async function count(store: Store): Promise<MigrationCounts> {
  const counts: MigrationCounts = {
    documents: 0,
    origins: 0,
    links: 0,
    extractions: 0,
    failures: (await store.listFailures({ limit: 100_000 })).length,
    grades: (await store.listAnalystGrades()).length,
    entityDecisions: (await store.listEntityDecisions()).length,
    hypotheses: (await store.listHypotheses()).length,
    marks: (await store.listHypothesisMarks()).length,
    marked: 0,
  };
  for await (const document of store.iterateDocuments({ batchSize: 500 })) {
    counts.documents++;
    if (document.tlp !== 'CLEAR') counts.marked++;
    counts.origins += document.origins.length;
    counts.links += (await store.getLinks(document.id)).parents.length;
    if (await store.getExtraction(document.id)) counts.extractions++;
  }
  return counts;
}

/**
 * Copies a whole case from one store to another (SQLite ↔ PostgreSQL): documents with every
 * origin and attachment link, extraction results as stored, the ingest log, and every analyst
 * decision (grades, entity decisions, hypotheses and marks). Derived results (entities, reuse,
 * claim clusters) are recomputed on the target from what was copied, then both stores are
 * counted: the report says whether anything was lost.
 */
export async function migrateStore(source: Store, target: Store): Promise<MigrationReport> {
  const started = performance.now();
  const targetWasEmpty = (await target.stats()).documents === 0;
  const run = await target.startRun([`migrated from a ${source.kind} store`]);
  let items: MarkedIngestItem[] = [];
  const flush = async () => {
    if (items.length === 0) return;
    await target.writeBatch({ runId: run.id, items, failures: [], completedFiles: [] });
    items = [];
  };
  for await (const document of source.iterateDocuments({ batchSize: 500 })) {
    items.push(...itemsFor(document, (await source.getLinks(document.id)).parents));
    if (items.length >= BATCH) await flush();
  }
  await flush();

  let extractions = [];
  for await (const document of source.iterateDocuments({ batchSize: 500 })) {
    const stored = await source.getExtraction(document.id);
    if (stored)
      extractions.push({
        documentId: stored.documentId,
        extractorVersion: stored.extractorVersion,
        extraction: stored.extraction,
      });
    if (extractions.length >= BATCH) {
      await target.writeExtractions(extractions);
      extractions = [];
    }
  }
  if (extractions.length) await target.writeExtractions(extractions);

  const failures = await source.listFailures({ limit: 100_000 });
  for (let i = 0; i < failures.length; i += BATCH) {
    await target.writeBatch({
      runId: run.id,
      items: [],
      failures: failures
        .slice(i, i + BATCH)
        .map(({ runId: _runId, at: _at, ...failure }) => failure),
      completedFiles: [],
    });
  }
  for (const { id: _id, ...grade } of await source.listAnalystGrades())
    await target.addAnalystGrade(grade);
  for (const { id: _id, ...decision } of await source.listEntityDecisions())
    await target.addEntityDecision(decision);
  // Hypotheses get new ids on the target; marks follow them.
  const hypothesisIds = new Map<string, string>();
  for (const { id, ...hypothesis } of await source.listHypotheses()) {
    hypothesisIds.set(id, (await target.addHypothesis(hypothesis)).id);
  }
  for (const { id: _id, ...mark } of await source.listHypothesisMarks()) {
    const hypothesisId = hypothesisIds.get(mark.hypothesisId);
    if (hypothesisId) await target.addHypothesisMark({ ...mark, hypothesisId });
  }
  await target.finishRun(run.id, { succeeded: 0, failed: failures.length, duplicates: 0 });
  await runAnalysis(target);

  const [sourceCounts, targetCounts] = [await count(source), await count(target)];
  // Into an empty store every count must match; into one that held a case already, none may be
  // smaller.
  const complete = (Object.keys(sourceCounts) as Array<keyof MigrationCounts>).every((key) =>
    targetWasEmpty
      ? targetCounts[key] === sourceCounts[key]
      : targetCounts[key] >= sourceCounts[key],
  );
  return {
    source: sourceCounts,
    target: targetCounts,
    complete,
    seconds: (performance.now() - started) / 1000,
  };
}
