import { isAcronym } from './acronyms.js';
import type { DecisionEffects } from './decisions.js';
import type { Ledger } from './ledger.js';
import { documentPositions } from './document-list.js';
import { EntityDrafts, type MentionRoot } from './entity-drafts.js';
import { compareKeys, type Edge, type NameGraph } from './name-graph.js';
import { contentTokens } from './names.js';
import { NodeDocuments, sortedIds } from './node-documents.js';
import type {
  Assignment,
  EntityAlias,
  MergeRecord,
  ResolutionRows,
  ResolvedEntity,
  UnappliedDecision,
} from './types.js';

/**
 * A resolution whose entities and assignments are produced on demand, in their final order, each
 * time they are iterated: the store writes them one by one, so they never sit in memory whole.
 * The resolver's state must not change while they are read (nothing changes it after `finish`).
 */
export interface StreamedResolution extends ResolutionRows {
  entityCount: number;
  merges: MergeRecord[];
  unappliedDecisions: UnappliedDecision[];
}

/**
 * Turns the resolved name graph into entities, assignments and merge records. Documents are
 * counted once each per entity, taking the input's documents to be distinct (a store's are).
 */
export function buildResolution(
  graph: NameGraph,
  ledger: Ledger,
  effects: DecisionEffects,
): StreamedResolution {
  const rootOf = mentionRoots(graph, effects);
  const drafts = new EntityDrafts(graph, ledger, rootOf);

  const renames = new Map<number, string>();
  for (const [node, name] of effects.renames) renames.set(graph.find(node), name);

  const links = linksByNode(graph, effects.cut);
  const seenIn = new NodeDocuments(ledger, graph.nodes.length, graph.decidedDocuments);
  // Each entity's preferred name, by root; its key is the entity's id.
  const canonicals = new Int32Array(graph.nodes.length).fill(-1);
  const roots = drafts.roots();
  for (const root of roots) {
    const members = drafts.membersOf(root);
    canonicals[root] = members.reduce((best, id) => (preferred(graph, id, best) ? id : best));
  }
  const entityIdOf = (root: number): string | undefined =>
    drafts.isEntity(root) ? graph.nodes[canonicals[root]!]!.key : undefined;
  roots.sort((a, b) => {
    const idA = entityIdOf(a)!;
    const idB = entityIdOf(b)!;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });

  function* entities(): Generator<ResolvedEntity> {
    for (const root of roots) {
      const canonical = canonicals[root]!;
      const { key, type, display } = graph.nodes[canonical]!;
      yield {
        id: key,
        type,
        name: renames.get(root) ?? display,
        aliases: aliasesOf(graph, ledger, seenIn, canonical, drafts.membersOf(root), links),
        mentionCount: drafts.mentionCount[root]!,
        documentCount: drafts.documentCount[root]!,
      };
    }
  }

  function* assignments(): Generator<Assignment> {
    // The ledger is walked with a callback; batches of assignments cross over to the generator.
    const batch: Assignment[] = [];
    let document = 0;
    // Ids are read once per document, not per mention.
    let documentId = '';
    let idOf = -1;
    while (document < ledger.documentCount) {
      const until = Math.min(ledger.documentCount, document + ASSIGNMENT_BATCH_DOCUMENTS);
      ledger.forEachMention(
        (position, seq, node, surface) => {
          if (position !== idOf) {
            documentId = ledger.documentId(position);
            idOf = position;
          }
          const root = rootOf(position, seq, node, surface);
          batch.push({ documentId, seq, entityId: entityIdOf(root)! });
        },
        document,
        until,
      );
      yield* batch;
      batch.length = 0;
      document = until;
    }
  }

  return {
    entities: { [Symbol.iterator]: entities },
    assignments: { [Symbol.iterator]: assignments },
    entityCount: roots.length,
    merges: mergeRecords(graph, entityIdOf, effects.cut),
    unappliedDecisions: effects.unapplied,
  };
}

/** Documents whose assignments are built at a time while the store writes them. */
const ASSIGNMENT_BATCH_DOCUMENTS = 256;

/**
 * The entity (union-find root) a mention ends in: a mention an analyst split off, a surface split
 * off its entity, else the node it carries. Decisions are rare: without any, no key is built.
 */
function mentionRoots(graph: NameGraph, effects: DecisionEffects): MentionRoot {
  if (effects.pinned.size === 0 && effects.redirects.size === 0)
    return (_, _seq, node) => graph.find(node);
  return (document, seq, node, surface) =>
    graph.find(
      effects.pinned.get(`${document}:${seq}`) ??
        effects.redirects.get(`${node}|${surface}`) ??
        node,
    );
}

/**
 * Whether `a` makes a better canonical name than `b`. The choice depends only on the names in the
 * entity, never on counts, so the id (its key) stays put as more documents arrive: a curated name,
 * then a written-out name over an acronym, a corpus-wide name over a one-document one, more words,
 * and finally key order.
 */
function preferred(graph: NameGraph, a: number, b: number): boolean {
  const rank = (id: number): number[] => {
    const node = graph.nodes[id]!;
    return [
      node.curated ? 1 : 0,
      isAcronym(node.display) ? 0 : 1,
      node.scoped ? 0 : 1,
      contentTokens(node.folded).length,
    ];
  };
  const rankA = rank(a);
  const rankB = rank(b);
  for (let i = 0; i < rankA.length; i++) {
    if (rankA[i] !== rankB[i]) return rankA[i]! > rankB[i]!;
  }
  return compareKeys(graph, a, b) < 0;
}

/**
 * Every name of the entity with where it was seen and why it belongs. A canonical name's reason is
 * the link that reaches it from the entity's preferred name (a breadth-first walk of the links, in
 * key order); a surface's reason is the rule that recorded it.
 */
function aliasesOf(
  graph: NameGraph,
  ledger: Ledger,
  seenIn: NodeDocuments,
  canonical: number,
  members: Int32Array,
  links: Links,
): EntityAlias[] {
  const reached = reasons(graph, canonical, links);
  const aliases = new Map<string, EntityAlias>();
  const add = (folded: string, alias: EntityAlias) => {
    const existing = aliases.get(folded);
    if (!existing) aliases.set(folded, alias);
    else existing.documents = [...new Set([...existing.documents, ...alias.documents])].sort();
  };
  for (const id of [canonical, ...Array.from(members).filter((member) => member !== canonical)]) {
    const node = graph.nodes[id]!;
    if (id === canonical || seenIn.seen(id)) {
      const reason = reached.get(id);
      add(node.folded, {
        name: node.display,
        documents: seenIn.ids(id),
        rule: id === canonical ? 'canonical' : (reason?.rule ?? 'decision:merge'),
        ...(reason?.evidence ? { evidence: reason.evidence } : {}),
      });
    }
    for (const [folded, surface] of node.surfaces) {
      if (surface.documents === null) continue;
      add(folded, {
        name: surface.name,
        documents: sortedIds(ledger, documentPositions(surface.documents)),
        rule: surface.rule,
        ...(surface.evidence ? { evidence: surface.evidence } : {}),
      });
    }
  }
  const [first, ...rest] = [...aliases.values()];
  return [first!, ...rest.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
}

/** Each node's links, cut ones left out: built once, so the walks cost their entity's size only. */
type Links = Map<number, Array<[number, Edge]>>;

function linksByNode(graph: NameGraph, cut: Set<Edge>): Links {
  const links: Links = new Map();
  for (const edge of graph.edges) {
    if (cut.has(edge)) continue;
    for (const [from, to] of [
      [edge.a, edge.b],
      [edge.b, edge.a],
    ] as const) {
      const list = links.get(from) ?? [];
      list.push([to, edge]);
      links.set(from, list);
    }
  }
  return links;
}

function reasons(graph: NameGraph, start: number, links: Links): Map<number, Edge> {
  const reached = new Map<number, Edge>();
  const seen = new Set([start]);
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const next = [...(links.get(queue[at]!) ?? [])].sort(
      ([a, edgeA], [b, edgeB]) => compareKeys(graph, a, b) || (edgeA.rule < edgeB.rule ? -1 : 1),
    );
    for (const [to, edge] of next) {
      if (seen.has(to)) continue;
      seen.add(to);
      reached.set(to, edge);
      queue.push(to);
    }
  }
  return reached;
}

function mergeRecords(
  graph: NameGraph,
  entityIdOf: (root: number) => string | undefined,
  cut: Set<Edge>,
): MergeRecord[] {
  const records: MergeRecord[] = [];
  for (const edge of graph.edges) {
    const root = graph.find(edge.a);
    const entityId = entityIdOf(root);
    if (cut.has(edge) || entityId === undefined || graph.find(edge.b) !== root) continue;
    const [from, into] = [graph.nodes[edge.a]!.key, graph.nodes[edge.b]!.key].sort();
    records.push({
      entityId,
      from: from!,
      into: into!,
      rule: edge.rule,
      ...(edge.evidence ? { evidence: edge.evidence } : {}),
    });
  }
  const order = (r: MergeRecord) => `${r.entityId}\u0000${r.from}\u0000${r.into}\u0000${r.rule}`;
  return records.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
