import { CarrierIndex, type DocumentInfo } from './documents.js';
import type { ClaimMember } from './types.js';

/**
 * A cluster's carrying documents in appearance order, each with its own members, and an index of
 * their names: what independence and chain building walk, in time linear in the cluster's size.
 */
export interface Carriers {
  documents: readonly DocumentInfo[];
  membersOf: ReadonlyMap<string, readonly ClaimMember[]>;
  names: CarrierIndex;
}

export function carriersOf(
  documents: readonly DocumentInfo[],
  members: readonly ClaimMember[],
): Carriers {
  const membersOf = new Map<string, ClaimMember[]>();
  for (const m of members) {
    const list = membersOf.get(m.documentId);
    if (list) list.push(m);
    else membersOf.set(m.documentId, [m]);
  }
  return { documents, membersOf, names: new CarrierIndex(documents) };
}
