import { isAcronym } from './acronyms.js';
import type { DecisionEffects } from './decisions.js';
import type { Ledger } from './ledger.js';
import { compareKeys, sortedDocuments, type Edge, type NameGraph } from './name-graph.js';
import { contentTokens } from './names.js';
import type {
  Assignment,
  EntityAlias,
  MergeRecord,
  ResolutionRows,
  ResolvedEntity,
  UnappliedDecision,
} from './types.js';

interface EntityDraft {
  members: number[];
  mentionCount: number;
  documentCount: number;
  /** The last document (by input position) counted in `documentCount`. */
  lastDocument: number;
}

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
  const drafts = new Map<number, EntityDraft>();
  ledger.forEachMention((documentId, document, seq, node, surface) => {
    const root = rootOf(documentId, seq, node, surface);
    let draft = drafts.get(root);
    if (!draft) {
      draft = { members: [], mentionCount: 0, documentCount: 0, lastDocument: -1 };
      drafts.set(root, draft);
    }
    draft.mentionCount += 1;
    if (draft.lastDocument !== document) {
      draft.documentCount += 1;
      draft.lastDocument = document;
    }
  });
  graph.nodes.forEach((_, id) => drafts.get(graph.find(id))?.members.push(id));

  const renames = new Map<number, string>();
  for (const [node, name] of effects.renames) renames.set(graph.find(node), name);

  const links = linksByNode(graph, effects.cut);
  const entityIds = new Map<number, string>();
  const canonicals = new Map<number, number>();
  for (const [root, draft] of drafts) {
    const members = draft.members.sort((a, b) => compareKeys(graph, a, b));
    const canonical = members.reduce((best, id) => (preferred(graph, id, best) ? id : best));
    canonicals.set(root, canonical);
    entityIds.set(root, graph.nodes[canonical]!.key);
  }
  const roots = [...drafts.keys()].sort((a, b) => {
    const idA = entityIds.get(a)!;
    const idB = entityIds.get(b)!;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });

  function* entities(): Generator<ResolvedEntity> {
    for (const root of roots) {
      const draft = drafts.get(root)!;
      const canonical = canonicals.get(root)!;
      const { key, type, display } = graph.nodes[canonical]!;
      yield {
        id: key,
        type,
        name: renames.get(root) ?? display,
        aliases: aliasesOf(graph, canonical, draft.members, links),
        mentionCount: draft.mentionCount,
        documentCount: draft.documentCount,
      };
    }
  }

  function* assignments(): Generator<Assignment> {
    // The ledger is walked with a callback; batches of assignments cross over to the generator.
    const batch: Assignment[] = [];
    let document = 0;
    while (document < ledger.documentCount) {
      const until = Math.min(ledger.documentCount, document + ASSIGNMENT_BATCH_DOCUMENTS);
      ledger.forEachMention(
        (documentId, _, seq, node, surface) => {
          const root = rootOf(documentId, seq, node, surface);
          batch.push({ documentId, seq, entityId: entityIds.get(root)! });
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
    merges: mergeRecords(graph, entityIds, effects.cut),
    unappliedDecisions: effects.unapplied,
  };
}

/** Documents whose assignments are built at a time while the store writes them. */
const ASSIGNMENT_BATCH_DOCUMENTS = 256;

/**
 * The entity (union-find root) a mention ends in: a mention an analyst split off, a surface split
 * off its entity, else the node it carries. Decisions are rare: without any, no key is built.
 */
function mentionRoots(
  graph: NameGraph,
  effects: DecisionEffects,
): (documentId: string, seq: number, node: number, surface: number) => number {
  if (effects.pinned.size === 0 && effects.redirects.size === 0)
    return (_, _seq, node) => graph.find(node);
  return (documentId, seq, node, surface) =>
    graph.find(
      effects.pinned.get(`${documentId}:${seq}`) ??
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
      node.scope === null ? 1 : 0,
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
  canonical: number,
  members: number[],
  links: Links,
): EntityAlias[] {
  const reached = reasons(graph, canonical, links);
  const aliases = new Map<string, EntityAlias>();
  const add = (folded: string, alias: EntityAlias) => {
    const existing = aliases.get(folded);
    if (!existing) aliases.set(folded, alias);
    else existing.documents = [...new Set([...existing.documents, ...alias.documents])].sort();
  };
  for (const id of [canonical, ...members.filter((member) => member !== canonical)]) {
    const node = graph.nodes[id]!;
    if (id === canonical || node.documents !== null) {
      const reason = reached.get(id);
      add(node.folded, {
        name: node.display,
        documents: sortedDocuments(node.documents),
        rule: id === canonical ? 'canonical' : (reason?.rule ?? 'decision:merge'),
        ...(reason?.evidence ? { evidence: reason.evidence } : {}),
      });
    }
    for (const [folded, surface] of node.surfaces) {
      if (surface.documents === null) continue;
      add(folded, {
        name: surface.name,
        documents: sortedDocuments(surface.documents),
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
  entityIds: Map<number, string>,
  cut: Set<Edge>,
): MergeRecord[] {
  const records: MergeRecord[] = [];
  for (const edge of graph.edges) {
    const root = graph.find(edge.a);
    const entityId = entityIds.get(root);
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
