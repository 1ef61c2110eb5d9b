import { assessClaim, type AnalystGrade, type Assessment } from '../assess/index.js';
import type { IntelSourceBlock } from '../ingest/index.js';
import type { ClaimCluster } from '../provenance/index.js';
import type { RecordedGrade, Store } from '../store/index.js';

export interface AssessedClaim {
  cluster: ClaimCluster;
  assessment: Assessment;
  /** Every grade analysts gave this claim, oldest first. */
  history: RecordedGrade[];
}

/** The latest grade per subject id: the one in force. */
function latestBySubject(grades: RecordedGrade[]): Map<string, AnalystGrade> {
  const latest = new Map<string, AnalystGrade>();
  for (const grade of grades) latest.set(grade.subjectId, grade);
  return latest;
}

/**
 * Grades claim clusters: defaults derived from their provenance and from the Stratfor-style
 * blocks of the e-mails that carry them, with the analysts' recorded grades applied on top.
 * Nothing derived is stored, so a grade always reflects the current evidence.
 */
export async function assessClaims(
  store: Store,
  clusters: ClaimCluster[],
): Promise<AssessedClaim[]> {
  const sourceGrades = latestBySubject(await store.listAnalystGrades({ subjectType: 'source' }));
  // One narrow read for every carrier: a claim carried across a leak has thousands of documents,
  // and reading each whole for its intel block took 4.6 s for fifty claims at 100,000 e-mails.
  const blocks = await store.findIntelBlocks(clusters.flatMap((c) => c.documents.map((d) => d.id)));
  const results: AssessedClaim[] = [];
  for (const cluster of clusters) {
    const intel = new Map<string, IntelSourceBlock>();
    for (const { id } of cluster.documents) {
      const block = blocks.get(id);
      if (block) {
        intel.set(id, block);
        if (block.code) intel.set(block.code, block);
      }
    }
    const history = await store.listAnalystGrades({ subjectType: 'claim', subjectId: cluster.id });
    const override = history.at(-1);
    results.push({
      cluster,
      assessment: assessClaim(cluster, { sourceGrades, intel }, override),
      history,
    });
  }
  return results;
}
