import { acronymKey, acronymsOf, isAcronym } from './acronyms.js';
import { compareKeys, type NameGraph } from './name-graph.js';
import { cartelCoreKey, contentTokens, tokenSetKey } from './names.js';
import type { EntityType, Evidence } from './types.js';
import { COUNTRY_PREFIXES } from './words.js';

/**
 * Rules that link names across documents, run once every document is read, over distinct names
 * only. Each rule visits names in key order and links only when exactly one other entity fits,
 * so the result does not depend on the order documents arrived in. Candidates come from
 * blocking indexes (by exact name, by token set, by token, by acronym), never from all pairs.
 */
export function applyCorpusRules(graph: NameGraph): void {
  const names = writtenNames(graph);
  // A link can settle what was ambiguous before it (two candidates become one entity), so the
  // rules run again until nothing changes. Links only ever join, so this ends, in a few passes.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = graph.edges.length;
    linkSurfaceMatches(graph);
    linkNameOrder(graph, names, tokenSetKey, 'name-order');
    linkNameOrder(graph, names, cartelCoreKey, 'cartel-name');
    linkCountryPrefixes(graph);
    linkPartialNames(graph, names);
    linkAcronyms(graph, names);
    if (graph.edges.length === before) break;
  }
}

const MAX_PASSES = 5;

/** One way a node is written: its canonical name or one of its surfaces. */
interface WrittenName {
  node: number;
  written: string;
  folded: string;
  evidence: Evidence | null;
  curated: boolean;
}

function writtenNames(graph: NameGraph): WrittenName[] {
  const names: WrittenName[] = [];
  graph.nodes.forEach((node, id) => {
    // A one-word name means something only in its own document.
    if (node.scope !== null) return;
    names.push({
      node: id,
      written: node.display,
      folded: node.folded,
      evidence: null,
      curated: node.curated,
    });
    for (const [folded, surface] of node.surfaces) {
      names.push({
        node: id,
        written: surface.name,
        folded,
        evidence: surface.evidence,
        curated: surface.curated,
      });
    }
  });
  return names;
}

function sortedNodes(graph: NameGraph): number[] {
  return graph.nodes.map((_, id) => id).sort((a, b) => compareKeys(graph, a, b));
}

/**
 * The one candidate to link `node` to, when the candidates' entities other than its own are
 * exactly one and its own holds none of them (then it is resolved already, or it is ambiguous).
 */
function onlyOther(graph: NameGraph, node: number, candidates: WrittenName[]): WrittenName | null {
  const own = graph.find(node);
  let chosen: WrittenName | null = null;
  for (const candidate of candidates) {
    const set = graph.find(candidate.node);
    if (set === own) return null;
    if (chosen && graph.find(chosen.node) !== set) return null;
    if (!chosen || compareKeys(graph, candidate.node, chosen.node) < 0) chosen = candidate;
  }
  return chosen;
}

/**
 * A canonical name that another entity was written as: "ATF" extracted bare in one document,
 * written for the Bureau in another; "El Chapo" in the curated list. One-word person names only
 * match curated aliases.
 */
function linkSurfaceMatches(graph: NameGraph): void {
  for (const id of sortedNodes(graph)) {
    const node = graph.nodes[id]!;
    const holders = graph.surfaceIndex.get(`${node.type}:${node.folded}`);
    if (!holders) continue;
    const candidates: WrittenName[] = [];
    for (const holder of holders) {
      const surface = graph.nodes[holder]!.surfaces.get(node.folded)!;
      if (holder === id || (node.scope !== null && !surface.curated)) continue;
      candidates.push({
        node: holder,
        written: surface.name,
        folded: node.folded,
        evidence: surface.evidence,
        curated: surface.curated,
      });
    }
    const target = onlyOther(graph, id, candidates);
    if (target)
      graph.link(
        id,
        target.node,
        target.curated ? 'known-alias' : 'surface-match',
        target.evidence,
      );
  }
}

/** Names made of the same words in another order: "Nieto Pena" = "Peña Nieto"; "Justice Department" = "Department of Justice". */
function linkNameOrder(
  graph: NameGraph,
  names: WrittenName[],
  keyOf: (type: EntityType, folded: string) => string | null,
  rule: string,
): void {
  const groups = new Map<string, WrittenName[]>();
  for (const name of names) {
    const key = keyOf(graph.nodes[name.node]!.type, name.folded);
    if (key) push(groups, key, name);
  }
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const owners = group
      .filter((name) => name.folded === graph.nodes[name.node]!.folded)
      .map((name) => name.node)
      .sort((a, b) => compareKeys(graph, a, b));
    const first = owners[0];
    if (first === undefined) continue;
    for (const owner of owners.slice(1)) graph.link(first, owner, rule);
    const target = onlyOther(
      graph,
      first,
      group.filter((name) => !owners.includes(name.node)),
    );
    if (target) graph.link(first, target.node, rule, target.evidence);
  }
}

/** "U.S. Government Accountability Office" = "Government Accountability Office" (two words or more). */
function linkCountryPrefixes(graph: NameGraph): void {
  for (const id of sortedNodes(graph)) {
    const node = graph.nodes[id]!;
    if (node.type !== 'organization' || node.scope !== null) continue;
    for (const prefix of COUNTRY_PREFIXES) {
      if (!node.folded.startsWith(`${prefix} `)) continue;
      const rest = node.folded.slice(prefix.length + 1);
      const bare = rest.split(' ').length >= 2 ? graph.lookup(`organization:${rest}`) : undefined;
      if (bare !== undefined) graph.link(id, bare, 'country-prefix');
    }
  }
}

/**
 * A person's partial name (two words or more) joins the one fuller name that contains all its
 * words: "Joaquín Guzmán" → Joaquín Guzmán Loera, unless a Joaquín Guzmán López is also known.
 */
function linkPartialNames(graph: NameGraph, names: WrittenName[]): void {
  const byToken = new Map<string, WrittenName[]>();
  for (const name of names) {
    if (graph.nodes[name.node]!.type !== 'person') continue;
    for (const token of new Set(contentTokens(name.folded))) push(byToken, token, name);
  }
  for (const id of sortedNodes(graph)) {
    const node = graph.nodes[id]!;
    const tokens = contentTokens(node.folded);
    if (node.type !== 'person' || node.scope !== null || tokens.length < 2) continue;
    const blocks = tokens
      .map((token) => byToken.get(token) ?? [])
      .sort((a, b) => a.length - b.length);
    const candidates = blocks[0]!.filter((name) => {
      const other = new Set(contentTokens(name.folded));
      return other.size > new Set(tokens).size && tokens.every((token) => other.has(token));
    });
    const target = onlyOther(graph, id, candidates);
    if (target) graph.link(id, target.node, 'partial-name', target.evidence);
  }
}

/** An acronym joins the one entity whose written-out name it abbreviates, anywhere in the corpus. */
function linkAcronyms(graph: NameGraph, names: WrittenName[]): void {
  const byAcronym = new Map<string, WrittenName[]>();
  for (const name of names) {
    const type = graph.nodes[name.node]!.type;
    for (const acronym of acronymsOf(name.written)) {
      const key = `${type}:${acronym}`;
      push(byAcronym, key, name);
    }
  }
  for (const id of sortedNodes(graph)) {
    const node = graph.nodes[id]!;
    if (node.scope !== null || !isAcronym(node.display)) continue;
    const key = acronymKey(node.display);
    if (node.type === 'person' && key.length < 3) continue;
    const target = onlyOther(graph, id, byAcronym.get(`${node.type}:${key}`) ?? []);
    if (target) graph.link(id, target.node, 'acronym', target.evidence);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
