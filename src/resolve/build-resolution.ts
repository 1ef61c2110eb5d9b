import { isAcronym } from './acronyms.js';
import type { DecisionEffects } from './decisions.js';
import type { Ledger } from './ledger.js';
import { compareKeys, type Edge, type NameGraph } from './name-graph.js';
import { contentTokens } from './names.js';
import type { Assignment, EntityAlias, MergeRecord, Resolution, ResolvedEntity } from './types.js';

interface EntityDraft {
  members: number[];
  mentionCount: number;
  documents: Set<string>;
}

/** Turns the resolved name graph into entities, assignments and merge records. */
export function buildResolution(
  graph: NameGraph,
  ledger: Ledger,
  effects: DecisionEffects,
): Resolution {
  const drafts = new Map<number, EntityDraft>();
  const assigned: Array<{ documentId: string; seq: number; root: number }> = [];
  for (const document of ledger.documents) {
    document.seqs.forEach((seq, index) => {
      const node = document.nodes[index]!;
      const target =
        effects.pinned.get(`${document.id}:${seq}`) ??
        effects.redirects.get(`${node}|${document.surfaces[index]!}`) ??
        node;
      const root = graph.find(target);
      const draft = drafts.get(root) ?? {
        members: [],
        mentionCount: 0,
        documents: new Set<string>(),
      };
      draft.mentionCount += 1;
      draft.documents.add(document.id);
      drafts.set(root, draft);
      assigned.push({ documentId: document.id, seq, root });
    });
  }
  graph.nodes.forEach((_, id) => drafts.get(graph.find(id))?.members.push(id));

  const renames = new Map<number, string>();
  for (const [node, name] of effects.renames) renames.set(graph.find(node), name);

  const links = linksByNode(graph, effects.cut);
  const entityIds = new Map<number, string>();
  const entities: ResolvedEntity[] = [];
  for (const [root, draft] of drafts) {
    const members = draft.members.sort((a, b) => compareKeys(graph, a, b));
    const canonical = members.reduce((best, id) => (preferred(graph, id, best) ? id : best));
    const { key, type, display } = graph.nodes[canonical]!;
    entityIds.set(root, key);
    entities.push({
      id: key,
      type,
      name: renames.get(root) ?? display,
      aliases: aliasesOf(graph, canonical, members, links),
      mentionCount: draft.mentionCount,
      documentCount: draft.documents.size,
    });
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const assignments: Assignment[] = assigned.map(({ documentId, seq, root }) => ({
    documentId,
    seq,
    entityId: entityIds.get(root)!,
  }));
  return {
    entities,
    assignments,
    merges: mergeRecords(graph, entityIds, effects.cut),
    unappliedDecisions: effects.unapplied,
  };
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
    if (id === canonical || node.documents.size > 0) {
      const reason = reached.get(id);
      add(node.folded, {
        name: node.display,
        documents: [...node.documents].sort(),
        rule: id === canonical ? 'canonical' : (reason?.rule ?? 'decision:merge'),
        ...(reason?.evidence ? { evidence: reason.evidence } : {}),
      });
    }
    for (const [folded, surface] of node.surfaces) {
      if (surface.documents.size === 0) continue;
      add(folded, {
        name: surface.name,
        documents: [...surface.documents].sort(),
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
