/**
 * Claim tracing scored against the generated corpus's planted re-quotes (`ground-truth.jsonl`:
 * document `b` re-prints a passage of document `a`): a pair is found when its two documents are
 * members of one claim cluster small enough to mean something. A cluster of thousands of
 * documents "contains" many planted pairs without telling a reader anything, so the figure counts
 * only clusters of at most SMALL_CLUSTER_DOCUMENTS documents; pairs meeting in any cluster at all
 * are counted beside it, so the gap between the two shows what the wide clusters swallow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimMembership, DocumentOrigin, Store } from '../store/index.js';

/** The widest cluster a planted pair may meet in and still count as found. */
export const SMALL_CLUSTER_DOCUMENTS = 50;

/** What scoring needs of a ground-truth line (see corpus/plant.ts). */
export interface PlantedPath {
  kind: string;
  /** Paths relative to the corpus's docs folder (`mail/0000/d0000000.eml`, `box.mbox#3`). */
  a: string;
  b: string;
}

export interface RequoteMiss {
  a: string;
  b: string;
  /** Why it was missed: a document not in the store, or the smallest cluster both are in. */
  reason: 'not stored' | 'no shared cluster' | 'only a wide cluster';
  /** The smallest cluster both documents are in, in documents (only a wide cluster). */
  smallestShared: number | null;
}

export interface RequoteScore {
  /** Planted re-quote pairs in the ground truth. */
  planted: number;
  /** Pairs whose documents share any cluster, however wide. */
  sharingCluster: number;
  /** Pairs whose documents share a cluster of at most `maxDocuments` documents. */
  inSmallCluster: number;
  maxDocuments: number;
  misses: RequoteMiss[];
}

/** The re-quote pairs of a ground-truth file (near-duplicates are reuse's business, not claims'). */
export function readRequotePairs(groundTruthFile: string): PlantedPath[] {
  const pairs: PlantedPath[] = [];
  for (const line of readFileSync(groundTruthFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const pair = JSON.parse(line) as PlantedPath;
    if (pair.kind === 'requote') pairs.push({ kind: pair.kind, a: pair.a, b: pair.b });
  }
  return pairs;
}

/**
 * Scores the pairs given the stored documents' origins and their cluster memberships. Pure:
 * `docsFolder` turns a pair's relative path into the origin the ingest recorded (its path joined
 * to the folder ingested).
 */
export function scoreRequotes(
  pairs: readonly PlantedPath[],
  docsFolder: string,
  origins: readonly DocumentOrigin[],
  memberships: readonly ClaimMembership[],
  maxDocuments = SMALL_CLUSTER_DOCUMENTS,
): RequoteScore {
  const idAt = new Map(origins.map((o) => [o.origin, o.documentId]));
  const clustersOf = new Map<string, Map<string, number>>();
  for (const m of memberships) {
    let clusters = clustersOf.get(m.documentId);
    if (!clusters) clustersOf.set(m.documentId, (clusters = new Map()));
    clusters.set(m.clusterId, m.documents);
  }
  const score: RequoteScore = {
    planted: pairs.length,
    sharingCluster: 0,
    inSmallCluster: 0,
    maxDocuments,
    misses: [],
  };
  for (const pair of pairs) {
    const a = idAt.get(join(docsFolder, pair.a));
    const b = idAt.get(join(docsFolder, pair.b));
    if (a === undefined || b === undefined) {
      score.misses.push({ a: pair.a, b: pair.b, reason: 'not stored', smallestShared: null });
      continue;
    }
    const ofB = clustersOf.get(b);
    let smallest = Infinity;
    for (const [cluster, documents] of clustersOf.get(a) ?? []) {
      if (ofB?.has(cluster)) smallest = Math.min(smallest, documents);
    }
    if (smallest < Infinity) score.sharingCluster++;
    if (smallest <= maxDocuments) score.inSmallCluster++;
    else {
      score.misses.push({
        a: pair.a,
        b: pair.b,
        reason: smallest < Infinity ? 'only a wide cluster' : 'no shared cluster',
        smallestShared: smallest < Infinity ? smallest : null,
      });
    }
  }
  return score;
}

/**
 * Reads what scoring needs from the store: the planted documents' ids by origin, then their
 * cluster memberships, with no cluster's JSON and no document's text (two short queries per 500
 * documents: cheap at 100,000 documents).
 */
export async function measureRequotes(
  store: Store,
  groundTruthFile: string,
  docsFolder: string,
): Promise<RequoteScore> {
  const pairs = readRequotePairs(groundTruthFile);
  const paths = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const origins = await store.findDocumentsByOrigin([...paths].map((p) => join(docsFolder, p)));
  const memberships = await store.listClaimMemberships(origins.map((o) => o.documentId));
  return scoreRequotes(pairs, docsFolder, origins, memberships);
}
