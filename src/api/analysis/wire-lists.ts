import type { AssessedClaim } from '../../pipeline/index.js';
import type { ClaimCluster } from '../../provenance/index.js';
import type { StoredEntity } from '../../store/index.js';

/**
 * How many entries of each per-document list a response carries where the full list is not the
 * point: a claim in a listing, an alias's documents. A claim carried across a leak-sized corpus
 * has thousands of members, and fifty such claims made `/api/claims` answer 121 MB at 100,000
 * e-mails; an entity's aliases listed 1.4 million document ids for fifty entities (71 MB). The
 * counts beside each list say how many there are; `/api/claims/{id}` gives them all unless asked
 * for the first few (`first`).
 */
export const LISTED_PER_CLAIM = 20;
export const LISTED_PER_NAME = 20;

/** The first `n` items, and beyond them any that `keep` asks for, in their order. */
function firstAnd<T>(items: readonly T[], n: number, keep: (item: T) => boolean): T[] {
  if (items.length <= n) return [...items];
  return items.filter((item, index) => index < n || keep(item));
}

/** A cluster's totals, which the wire carries beside its (possibly cut) lists. */
export type WireCluster = ClaimCluster & { memberCount: number; documentCount: number };

/** The whole cluster, with its totals. */
export function fullCluster(cluster: ClaimCluster): WireCluster {
  return {
    ...cluster,
    memberCount: cluster.members.length,
    documentCount: cluster.documents.length,
  };
}

/** Which entries of a cluster's lists a response keeps (see listedCluster). */
export interface ListedOptions {
  /** How many of each list: LISTED_PER_CLAIM unless said. */
  first?: number;
  /** The document whose page lists the claim: everything about it is kept. */
  documentId?: string;
}

/**
 * A cluster as a listing carries it: the first `first` members, documents, provenance links,
 * reasons and origin groups, plus everything about `documentId` when the listing is a document's
 * (its page links each of its quotes to the claim through its members).
 */
export function listedCluster(
  cluster: ClaimCluster,
  { first: n = LISTED_PER_CLAIM, documentId }: ListedOptions = {},
): WireCluster {
  const mine = (id: string) => id === documentId;
  return {
    ...fullCluster(cluster),
    members: firstAnd(cluster.members, n, (m) => mine(m.documentId)),
    documents: firstAnd(cluster.documents, n, (d) => mine(d.id)),
    chain: firstAnd(cluster.chain, n, (link) => mine(link.from) || mine(link.to)),
    reasoning: firstAnd(cluster.reasoning, n, (r) => mine(r.documentId)),
    originGroups: firstAnd(cluster.originGroups, n, (g) => g.documentIds.some(mine)).map((g) => ({
      ...g,
      documentIds: firstAnd(g.documentIds, n, mine),
    })),
  };
}

export type WireAssessedClaim = Omit<AssessedClaim, 'cluster'> & { cluster: WireCluster };

export const listedClaim = (claim: AssessedClaim, options?: ListedOptions): WireAssessedClaim => ({
  ...claim,
  cluster: listedCluster(claim.cluster, options),
});

export const fullClaim = (claim: AssessedClaim): WireAssessedClaim => ({
  ...claim,
  cluster: fullCluster(claim.cluster),
});

/**
 * An entity with each name's first LISTED_PER_NAME documents and how many there are: read it with
 * `documentsPerName: LISTED_PER_NAME`, and the store reads no more than that.
 */
export function listedEntity(entity: StoredEntity): StoredEntity {
  return {
    ...entity,
    aliases: entity.aliases.map((alias) => ({
      ...alias,
      documents: alias.documents.slice(0, LISTED_PER_NAME),
    })),
  };
}
