import { foldForMatch } from '../core/index.js';
import type { ClaimCluster } from '../provenance/index.js';
import type { IntelSourceBlock } from '../ingest/index.js';

/**
 * The intelligence block behind a cluster's origin: the origin document's own block, else one
 * keyed by (or carrying) the origin's source code. `intel` is keyed by document id or by code.
 */
export function intelForOrigin(
  cluster: ClaimCluster,
  intel: ReadonlyMap<string, IntelSourceBlock> | undefined,
): IntelSourceBlock | null {
  if (!intel) return null;
  const { documentId, speaker } = cluster.origin;
  if (documentId !== null) {
    const own = intel.get(documentId);
    if (own) return own;
  }
  if (speaker === null) return null;
  const byKey = intel.get(speaker);
  if (byKey) return byKey;
  const code = foldForMatch(speaker);
  for (const block of intel.values()) {
    if (block.code !== null && foldForMatch(block.code) === code) return block;
  }
  return null;
}
