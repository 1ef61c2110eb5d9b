import type { ClaimCluster } from '../provenance/index.js';
import type { IntelSourceBlock } from '../ingest/index.js';
import type { Credibility } from './admiralty.js';
import { isOnRecord } from './coded-source.js';
import type { GradeReason } from './grades.js';
import { suggestCredibility, type StratforSuggestion } from './stratfor.js';

export interface DerivedCredibility {
  value: Credibility;
  reasons: GradeReason[];
  stratfor: StratforSuggestion<Credibility> | null;
}

/**
 * The default credibility of a claim, from independent corroboration only — never from the number
 * of documents carrying it (ten outlets re-quoting one e-mail are one origin: provenance's
 * `independentOrigins` already counts them once):
 *
 * - ≥ 3 independent origins, at least one of them on the record (a named person or body) → 1.
 *   AJP-2.1's 1 is "confirmed by other independent sources"; we ask for three, not two, because
 *   independence here is inferred from text and attribution, and two outlets can share a source
 *   neither names. One on-record origin keeps a chorus of anonymous voices from confirming itself.
 * - ≥ 2 independent origins → 2, probably true.
 * - one origin with a Stratfor-style ITEM CREDIBILITY → that value, mapped (3 at best; stratfor.ts).
 * - one origin on the record → 3, possibly true: someone accountable said it, nobody confirmed it.
 * - one anonymous, coded or unknown origin → 6, cannot be judged: there is no basis.
 * Doubtful (4) and improbable (5) need contradicting information: the analyst's call.
 */
export function deriveCredibility(
  cluster: ClaimCluster,
  block: IntelSourceBlock | null,
): DerivedCredibility {
  const k = cluster.independentOrigins;
  const named = cluster.originGroups.filter((g) => isOnRecord(g.speaker));
  const stratfor = block ? suggestCredibility(block.itemCredibility) : null;
  const reasons: GradeReason[] = [];
  let value: Credibility;
  if (k >= 3 && named.length > 0) {
    value = 1;
    reasons.push({
      rule: 'corroborated-on-record',
      text: `${k} independent origins, ${named.length} on the record (${named.map((g) => g.speaker).join(', ')})`,
    });
  } else if (k >= 2) {
    value = 2;
    reasons.push({
      rule: 'corroborated',
      text: `${k} independent origins${k >= 3 ? ', none on the record' : ''}`,
    });
  } else if (stratfor) {
    value = stratfor.suggested;
    reasons.push({
      rule: 'single-origin-intel',
      text: `one origin; its intelligence e-mail grades ITEM CREDIBILITY "${stratfor.original}"; suggested ${value}. ${stratfor.rationale}`,
    });
  } else if (isOnRecord(cluster.originGroups[0]?.speaker ?? null)) {
    value = 3;
    reasons.push({
      rule: 'single-origin-on-record',
      text: `one origin, on the record (${cluster.originGroups[0]!.speaker}), not confirmed by another`,
    });
  } else {
    value = 6;
    const who = cluster.originGroups[0]?.speaker;
    reasons.push({
      rule: 'single-origin-anonymous',
      text: `one origin, ${who ? `the coded or anonymous source ${who}` : 'with no named source'}: no basis to judge`,
    });
  }
  if (cluster.documents.length > k) {
    reasons.push({
      rule: 'circular-not-counted',
      text: `${cluster.documents.length} documents carry it but rest on ${k} origin${k === 1 ? '' : 's'}: repetition is not corroboration${cluster.circular ? ' (circular reporting)' : ''}`,
    });
  }
  return { value, reasons, stratfor };
}
