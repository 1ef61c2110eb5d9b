import { spanKey, type Ledger } from './ledger.js';
import { documentPositions } from './document-list.js';
import { compareKeys, type Edge, type NameGraph } from './name-graph.js';
import { cleanName, foldName } from './names.js';
import type { AnalystDecisions, EntityType, UnappliedDecision } from './types.js';

/** What analyst decisions leave for the build step, beyond the links they add or cut. */
export interface DecisionEffects {
  /** Links a split cut; left out of the entities' merge records. */
  cut: Set<Edge>;
  /** `node|surfaceId` → node: mentions written as a split-off surface go elsewhere. */
  redirects: Map<string, number>;
  /** `document:seq` (input position) → node: single mentions split off their entity. */
  pinned: Map<string, number>;
  /** Node → display name; the last rename of an entity wins. */
  renames: Array<[number, string]>;
  unapplied: UnappliedDecision[];
}

const TYPED_KEY = /^(person|organization|place):(.*)$/su;

/**
 * Finds the name a decision means. Entity ids and name keys are both `type:folded name`, so an id
 * from an earlier run finds its entity as long as that name is still in the corpus, whatever the
 * entity's id is now; `type:Display Name` and surfaces written only in documents work too.
 */
export function findKey(graph: NameGraph, key: string): number | null {
  const exact = graph.lookup(key);
  if (exact !== undefined) return exact;
  const typed = TYPED_KEY.exec(key);
  if (!typed) return null;
  const type = typed[1] as EntityType;
  const folded = foldName(cleanName(typed[2]!.replace(/@.*$/su, ''), type).display);
  const named = graph.lookup(`${type}:${folded}`);
  if (named !== undefined) return named;
  // A one-document name, or a surface: usable when all its holders are one entity.
  const name = `${type}:${folded}`;
  for (const holders of [graph.named(name), [...(graph.surfaceIndex.get(name) ?? [])]]) {
    const sets = new Set(holders.map((holder) => graph.find(holder)));
    if (sets.size === 1) return holders.sort((a, b) => compareKeys(graph, a, b))[0]!;
  }
  return null;
}

/** Applies merges, then splits, then renames: later kinds override earlier ones, all override rules. */
export function applyDecisions(
  graph: NameGraph,
  ledger: Ledger,
  decisions: AnalystDecisions,
): DecisionEffects {
  const effects: DecisionEffects = {
    cut: new Set(),
    redirects: new Map(),
    pinned: new Map(),
    renames: [],
    unapplied: [],
  };
  const find = (kind: UnappliedDecision['kind'], index: number, key: string): number | null => {
    const node = findKey(graph, key);
    if (node === null)
      effects.unapplied.push({ kind, index, key, reason: 'no name in this corpus has this key' });
    return node;
  };

  for (const [index, merge] of (decisions.merges ?? []).entries()) {
    const nodes = merge.keys.map((key) => find('merge', index, key));
    const present = nodes.filter((node): node is number => node !== null);
    const [first, ...rest] = present;
    if (first === undefined) continue;
    for (const node of rest) {
      if (graph.nodes[node]!.type !== graph.nodes[first]!.type) {
        effects.unapplied.push({
          kind: 'merge',
          index,
          key: graph.nodes[node]!.key,
          reason: `not a ${graph.nodes[first]!.type}`,
        });
      } else {
        graph.link(first, node, 'decision:merge');
      }
    }
  }

  for (const [index, split] of (decisions.splits ?? []).entries()) {
    const entity = find('split', index, split.entity);
    if (entity === null) continue;
    if ('mention' in split) splitMention(graph, ledger, effects, entity, split.mention, index);
    else splitName(graph, ledger, effects, entity, split.name, index);
  }

  for (const [index, rename] of (decisions.renames ?? []).entries()) {
    const entity = find('rename', index, rename.entity);
    if (entity !== null) effects.renames.push([entity, rename.name]);
  }
  return effects;
}

/**
 * "This name is not that entity". A canonical name of the entity leaves it with its own links cut;
 * the rest of the entity stays together even if the name was what held it together. A name only
 * ever written for the entity's names (a surface) takes its mentions to an entity of its own name.
 */
function splitName(
  graph: NameGraph,
  ledger: Ledger,
  effects: DecisionEffects,
  entity: number,
  name: string,
  index: number,
): void {
  const { type } = graph.nodes[entity]!;
  const folded = foldName(cleanName(name, type).display);
  const root = graph.find(entity);
  const members = graph.nodes
    .map((_, id) => id)
    .filter((id) => graph.find(id) === root)
    .sort((a, b) => compareKeys(graph, a, b));
  const leaving = members.filter((id) => graph.nodes[id]!.folded === folded);

  if (leaving.length > 0) {
    for (const edge of graph.edges) {
      if (leaving.includes(edge.a) || leaving.includes(edge.b)) {
        if (graph.find(edge.a) === root && graph.find(edge.b) === root) effects.cut.add(edge);
      }
    }
    graph.rebuild((edge) => effects.cut.has(edge));
    const staying = members.filter((id) => !leaving.includes(id));
    for (const group of [staying, leaving]) {
      for (const id of group.slice(1))
        if (graph.find(id) !== graph.find(group[0]!))
          graph.link(group[0]!, id, 'decision:keep-after-split');
    }
    return;
  }

  const surfaceId = ledger.knownSurface(folded);
  const holders = members.filter((id) => graph.nodes[id]!.surfaces.has(folded));
  if (holders.length === 0 || surfaceId === undefined) {
    effects.unapplied.push({
      kind: 'split',
      index,
      key: `${type}:${folded}`,
      reason: `not a name of ${graph.nodes[entity]!.key}`,
    });
    return;
  }
  const target = graph.node(type, graph.nodes[holders[0]!]!.surfaces.get(folded)!.name, null);
  for (const holder of holders) {
    const surface = graph.removeSurface(holder, folded)!;
    for (const document of documentPositions(surface.documents)) {
      graph.addDecidedDocument(target, document);
    }
    effects.redirects.set(`${holder}|${surfaceId}`, target);
  }
}

/** "This mention is not that entity": the mention becomes an entity of its own. */
function splitMention(
  graph: NameGraph,
  ledger: Ledger,
  effects: DecisionEffects,
  entity: number,
  span: { documentId: string; start: number; end: number },
  index: number,
): void {
  const pinned = ledger.pinned.find((mention) => spanKey(mention) === spanKey(span));
  if (!pinned) {
    effects.unapplied.push({
      kind: 'split',
      index,
      key: spanKey(span),
      reason: 'no mention has this span',
    });
    return;
  }
  if (graph.find(pinned.node) !== graph.find(entity)) return;
  const type = graph.nodes[entity]!.type;
  const target = graph.node(
    type,
    cleanName(pinned.text, type).display,
    `${span.documentId}:${span.start}`,
  );
  graph.addDecidedDocument(target, pinned.document);
  effects.pinned.set(`${pinned.document}:${pinned.seq}`, target);
}
