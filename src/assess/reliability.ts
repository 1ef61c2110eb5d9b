import type { ClaimCluster } from '../provenance/index.js';
import type { IntelSourceBlock } from '../ingest/index.js';
import type { Reliability } from './admiralty.js';
import { findSourceGrade, type AnalystGrade } from './analyst-grade.js';
import type { GradeReason } from './grades.js';
import { suggestReliability, type StratforSuggestion } from './stratfor.js';

export interface DerivedReliability {
  value: Reliability;
  reasons: GradeReason[];
  stratfor: StratforSuggestion<Reliability> | null;
}

/**
 * The default reliability of a cluster's origin source, from the evidence there is, best first:
 * 1. the analyst's standing grade for that source (by speaker, code or document id);
 * 2. the Stratfor-style SOURCE RELIABILITY of its intelligence e-mail, mapped (stratfor.ts);
 * 3. otherwise F: AJP-2.1 reserves A–E for sources with a track record someone has judged, and a
 *    name in an article is no track record.
 */
export function deriveReliability(
  cluster: ClaimCluster,
  sourceGrades: ReadonlyMap<string, AnalystGrade>,
  block: IntelSourceBlock | null,
): DerivedReliability {
  const reasons: GradeReason[] = [];
  const stratfor = block ? suggestReliability(block.sourceReliability) : null;
  if (cluster.independentOrigins > 1) {
    reasons.push({
      rule: 'primary-origin-only',
      text: `graded for the primary origin (${cluster.origin.speaker ?? cluster.origin.description}); the other ${cluster.independentOrigins - 1} independent origin(s) count in credibility`,
    });
  }
  const names = [cluster.origin.speaker, cluster.origin.documentId, cluster.speaker];
  const standing = findSourceGrade(sourceGrades, names);
  if (standing?.grade.reliability) {
    const { grade } = standing;
    reasons.unshift({
      rule: 'analyst-source-grade',
      text: `${grade.analyst} graded ${standing.name} ${grade.reliability} on ${grade.at}: ${grade.reason}`,
    });
    return { value: grade.reliability!, reasons, stratfor };
  }
  if (stratfor) {
    reasons.unshift({
      rule: 'stratfor-mapping',
      text: `the intelligence e-mail grades ${block!.code ?? 'its source'} SOURCE RELIABILITY "${stratfor.original}"; suggested ${stratfor.suggested}. ${stratfor.rationale}`,
    });
    return { value: stratfor.suggested, reasons, stratfor };
  }
  reasons.unshift({
    rule: 'no-evidence',
    text: `no analyst grade and no graded intelligence block for ${cluster.origin.speaker ?? 'the origin'}: reliability cannot be judged`,
  });
  return { value: 'F', reasons, stratfor: null };
}
