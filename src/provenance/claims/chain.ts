import { foldForMatch } from '../../core/index.js';
import type { Carriers } from './carriers.js';
import type { ChainLink, ClaimOrigin, OriginGroup } from './types.js';

const SCOPE_RANK = { attribution: 0, nearby: 1, document: 2 } as const;

/**
 * The provenance tree as edges, origin → intermediaries → carriers. Each carrying document hangs
 * under what it names as its source: an earlier carrier (`quotes`), an outlet or leak outside the
 * corpus (`cites`, itself under the origin), or, naming nothing, the origin directly (`quotes`,
 * or `reprints` for an unmarked copy). A carrier resting on an independent origin hangs under that
 * origin's speaker instead: another root. Carriers only ever hang under earlier ones: a forest.
 */
export function buildChain(
  carriers: Carriers,
  origin: ClaimOrigin,
  originGroups: readonly OriginGroup[],
): ChainLink[] {
  const { documents, membersOf, names } = carriers;
  const root = origin.documentId ?? origin.speaker ?? documents[0]!.id;
  const groupOf = new Map<string, OriginGroup>();
  for (const group of originGroups) for (const id of group.documentIds) groupOf.set(id, group);
  const rootGroup =
    (origin.documentId !== null ? groupOf.get(origin.documentId) : undefined) ??
    originGroups.find((g) => g.speaker !== null && g.speaker === origin.speaker) ??
    groupOf.get(documents[0]!.id);
  const links: ChainLink[] = [];
  const linked = new Set<string>();
  const link = (from: string, to: string, relation: ChainLink['relation']) => {
    const key = `${from}\u0000${to}`;
    if (from === to || linked.has(key)) return;
    linked.add(key);
    links.push({ from, to, relation });
  };
  documents.forEach((doc, position) => {
    if (doc.id === root) return;
    const own = membersOf.get(doc.id) ?? [];
    // A carrier resting on another origin starts its own line, under that origin's speaker.
    const group = groupOf.get(doc.id);
    const upstream = group !== rootGroup ? (group?.speaker ?? null) : root;
    const cited = own
      .filter((m) => m.citedSource !== null && !isRoot(m.citedSource, root))
      .sort((a, b) => SCOPE_RANK[a.citedScope!] - SCOPE_RANK[b.citedScope!])[0];
    if (cited) {
      const carrier = names.before(cited.citedSource!, position);
      if (carrier) {
        link(carrier.id, doc.id, 'quotes');
      } else {
        if (upstream !== null) link(upstream, cited.citedSource!, 'quotes');
        link(cited.citedSource!, doc.id, 'cites');
      }
      return;
    }
    const marked = own.some((m) => m.kind !== 'reprint');
    if (upstream !== null) link(upstream, doc.id, marked ? 'quotes' : 'reprints');
  });
  return links;
}

function isRoot(name: string, root: string): boolean {
  return foldForMatch(name) === foldForMatch(root);
}
