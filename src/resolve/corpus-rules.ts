import { acronymKey, acronymsOf, isAcronym } from './acronyms.js';
import { compareKeys, type NameGraph } from './name-graph.js';
import { cartelCoreKey, contentTokens, tokenSetKey } from './names.js';
import type { EntityType, Evidence } from './types.js';
import { COUNTRY_PREFIXES } from './words.js';

/**
 * Rules that link names across documents, run once every document is read, over distinct names
 * only. Each rule visits names in key order and links only when exactly one other entity fits,
 * so the result does not depend on the order documents arrived in. Candidates come from
 * blocking indexes (by exact name, by token set, by one or two words, by acronym), never from all
 * pairs.
 */
export function applyCorpusRules(graph: NameGraph): void {
  const names = writtenNames(graph);
  const order = sortedNodes(graph);
  // Links change nothing a rule's candidates are found from (names, surfaces, keys), only which
  // entity each candidate is in: so every rule finds its candidates once, and each pass only
  // re-asks which entities they are in. Finding them again in every pass was most of resolution's
  // time.
  const rules = [
    surfaceMatches(graph, order),
    nameOrder(graph, names, tokenSetKey, 'name-order'),
    nameOrder(graph, names, cartelCoreKey, 'cartel-name'),
    countryPrefixes(graph, order),
    partialNames(graph, names, order),
    acronyms(graph, names, order),
  ];
  // A link can settle what was ambiguous before it (two candidates become one entity), so the
  // rules run again until nothing changes. Links only ever join, so this ends, in a few passes.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = graph.edges.length;
    for (const rule of rules) rule();
    if (graph.edges.length === before) break;
  }
}

const MAX_PASSES = 5;

/** One pass of a rule, over the candidates it found up front. */
type Rule = () => void;

/** One way a node is written: its canonical name or one of its surfaces. */
interface WrittenName {
  node: number;
  written: string;
  folded: string;
  evidence: Evidence | null;
  curated: boolean;
}

/** A node and the names it may be linked to, in the order the rule weighs them. */
interface Candidates {
  node: number;
  candidates: WrittenName[];
}

function writtenNames(graph: NameGraph): WrittenName[] {
  const names: WrittenName[] = [];
  graph.nodes.forEach((node, id) => {
    // A one-word name means something only in its own document.
    if (node.scoped) return;
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

/** Links each node to its one other candidate entity, if it has one, in the order given. */
function linkOnlyOthers(
  graph: NameGraph,
  found: Candidates[],
  rule: (target: WrittenName) => string,
): Rule {
  return () => {
    for (const { node, candidates } of found) {
      const target = onlyOther(graph, node, candidates);
      if (target) graph.link(node, target.node, rule(target), target.evidence);
    }
  };
}

/**
 * A canonical name that another entity was written as: "ATF" extracted bare in one document,
 * written for the Bureau in another; "El Chapo" in the curated list. One-word person names only
 * match curated aliases.
 */
function surfaceMatches(graph: NameGraph, order: number[]): Rule {
  const found: Candidates[] = [];
  for (const id of order) {
    const node = graph.nodes[id]!;
    const holders = graph.surfaceIndex.get(`${node.type}:${node.folded}`);
    if (!holders) continue;
    const candidates: WrittenName[] = [];
    for (const holder of holders) {
      const surface = graph.nodes[holder]!.surfaces.get(node.folded)!;
      if (holder === id || (node.scoped && !surface.curated)) continue;
      candidates.push({
        node: holder,
        written: surface.name,
        folded: node.folded,
        evidence: surface.evidence,
        curated: surface.curated,
      });
    }
    if (candidates.length > 0) found.push({ node: id, candidates });
  }
  return linkOnlyOthers(graph, found, (target) =>
    target.curated ? 'known-alias' : 'surface-match',
  );
}

/** Names made of the same words in another order: "Nieto Pena" = "Peña Nieto"; "Justice Department" = "Department of Justice". */
function nameOrder(
  graph: NameGraph,
  names: WrittenName[],
  keyOf: (type: EntityType, folded: string) => string | null,
  rule: string,
): Rule {
  const groups = new Map<string, WrittenName[]>();
  for (const name of names) {
    const key = keyOf(graph.nodes[name.node]!.type, name.folded);
    if (key) push(groups, key, name);
  }
  const found: Array<{ owners: number[]; others: WrittenName[] }> = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const owners = group
      .filter((name) => name.folded === graph.nodes[name.node]!.folded)
      .map((name) => name.node)
      .sort((a, b) => compareKeys(graph, a, b));
    if (owners.length === 0) continue;
    const owned = new Set(owners);
    found.push({ owners, others: group.filter((name) => !owned.has(name.node)) });
  }
  return () => {
    for (const { owners, others } of found) {
      const first = owners[0]!;
      for (let at = 1; at < owners.length; at++) graph.link(first, owners[at]!, rule);
      const target = onlyOther(graph, first, others);
      if (target) graph.link(first, target.node, rule, target.evidence);
    }
  };
}

/** "U.S. Government Accountability Office" = "Government Accountability Office" (two words or more). */
function countryPrefixes(graph: NameGraph, order: number[]): Rule {
  const pairs: Array<[number, number]> = [];
  for (const id of order) {
    const node = graph.nodes[id]!;
    if (node.type !== 'organization' || node.scoped) continue;
    for (const prefix of COUNTRY_PREFIXES) {
      if (!node.folded.startsWith(`${prefix} `)) continue;
      const rest = node.folded.slice(prefix.length + 1);
      const bare = rest.split(' ').length >= 2 ? graph.lookup(`organization:${rest}`) : undefined;
      if (bare !== undefined) pairs.push([id, bare]);
    }
  }
  return () => {
    for (const [id, bare] of pairs) graph.link(id, bare, 'country-prefix');
  };
}

/**
 * A person's partial name (two words or more) joins the one fuller name that contains all its
 * words: "Joaquín Guzmán" → Joaquín Guzmán Loera, unless a Joaquín Guzmán López is also known.
 */
function partialNames(graph: NameGraph, names: WrittenName[], order: number[]): Rule {
  // Each person name's distinct words, read once (an array: names have few words, and a Set
  // each would cost more memory than the names themselves).
  const words = new Map<WrittenName, string[]>();
  // Blocks by one word and by two: a given name or a common surname is in a large share of all
  // names, and scanning that share for every name made this rule grow with the square of the
  // corpus; two words of one name are in few others.
  const byToken = new Map<string, WrittenName[]>();
  const byPair = new Map<string, Map<string, WrittenName[]>>();
  for (const name of names) {
    if (graph.nodes[name.node]!.type !== 'person') continue;
    const tokens = [...new Set(contentTokens(name.folded))].sort();
    words.set(name, tokens);
    for (const [at, token] of tokens.entries()) {
      push(byToken, token, name);
      let pairs = byPair.get(token);
      for (const second of tokens.slice(at + 1)) {
        if (!pairs) byPair.set(token, (pairs = new Map()));
        push(pairs, second, name);
      }
    }
  }
  const found: Candidates[] = [];
  for (const id of order) {
    const node = graph.nodes[id]!;
    if (node.type !== 'person' || node.scoped) continue;
    const tokens = contentTokens(node.folded);
    if (tokens.length < 2) continue;
    const distinct = [...new Set(tokens)].sort();
    // Every candidate holds every word, so any block of them holds all candidates, in names'
    // order: the smallest is scanned.
    let block = distinct.length === 1 ? byToken.get(distinct[0]!) : undefined;
    for (const [at, first] of distinct.entries()) {
      const pairs = byPair.get(first);
      for (const second of distinct.slice(at + 1)) {
        const list = pairs?.get(second) ?? [];
        if (block === undefined || list.length < block.length) block = list;
      }
    }
    const candidates = (block ?? []).filter((name) => {
      const other = words.get(name)!;
      return other.length > distinct.length && distinct.every((token) => other.includes(token));
    });
    if (candidates.length > 0) found.push({ node: id, candidates });
  }
  return linkOnlyOthers(graph, found, () => 'partial-name');
}

/** An acronym joins the one entity whose written-out name it abbreviates, anywhere in the corpus. */
function acronyms(graph: NameGraph, names: WrittenName[], order: number[]): Rule {
  const byAcronym = new Map<string, WrittenName[]>();
  for (const name of names) {
    const type = graph.nodes[name.node]!.type;
    for (const acronym of acronymsOf(name.written)) {
      const key = `${type}:${acronym}`;
      push(byAcronym, key, name);
    }
  }
  const found: Candidates[] = [];
  for (const id of order) {
    const node = graph.nodes[id]!;
    if (node.scoped || !isAcronym(node.display)) continue;
    const key = acronymKey(node.display);
    if (node.type === 'person' && key.length < 3) continue;
    const candidates = byAcronym.get(`${node.type}:${key}`);
    if (candidates) found.push({ node: id, candidates });
  }
  return linkOnlyOthers(graph, found, () => 'acronym');
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
