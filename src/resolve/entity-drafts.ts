import type { Ledger } from './ledger.js';
import { compareKeys, type NameGraph } from './name-graph.js';

/** The entity (union-find root) a mention ends in, from its document, position, node, surface. */
export type MentionRoot = (document: number, seq: number, node: number, surface: number) => number;

/**
 * The entities of a resolved graph before they are written out: for each union-find root that
 * some mention ends in, its mention and document counts and its member nodes sorted by key. Kept
 * in typed arrays indexed by node id (4 bytes a field), not an object, array and map entries per
 * entity: a million documents make hundreds of thousands of entities, held while they are written.
 */
export class EntityDrafts {
  readonly mentionCount: Int32Array;
  readonly documentCount: Int32Array;
  /** Root `r`'s members are `members[memberStart[r]]` up to `members[memberStart[r + 1]]`. */
  private readonly memberStart: Int32Array;
  private readonly members: Int32Array;

  constructor(graph: NameGraph, ledger: Ledger, rootOf: MentionRoot) {
    const count = graph.nodes.length;
    this.mentionCount = new Int32Array(count);
    this.documentCount = new Int32Array(count);
    // The last document (by input position) counted for each root.
    const lastDocument = new Int32Array(count).fill(-1);
    ledger.forEachMention((document, seq, node, surface) => {
      const root = rootOf(document, seq, node, surface);
      this.mentionCount[root]! += 1;
      if (lastDocument[root] !== document) {
        this.documentCount[root]! += 1;
        lastDocument[root] = document;
      }
    });
    const rootOfNode = lastDocument;
    for (let id = 0; id < count; id += 1) rootOfNode[id] = graph.find(id);
    this.memberStart = new Int32Array(count + 1);
    for (let id = 0; id < count; id += 1) {
      if (this.isEntity(rootOfNode[id]!)) this.memberStart[rootOfNode[id]! + 1]! += 1;
    }
    for (let id = 0; id < count; id += 1) this.memberStart[id + 1]! += this.memberStart[id]!;
    this.members = new Int32Array(this.memberStart[count]!);
    const next = this.memberStart.slice(0, count);
    for (let id = 0; id < count; id += 1) {
      const root = rootOfNode[id]!;
      if (!this.isEntity(root)) continue;
      this.members[next[root]!] = id;
      next[root]! += 1;
    }
    for (let root = 0; root < count; root += 1) {
      if (this.isEntity(root)) this.membersOf(root).sort((a, b) => compareKeys(graph, a, b));
    }
  }

  /** Whether `root` is an entity: some mention ends in it. */
  isEntity(root: number): boolean {
    return this.mentionCount[root]! > 0;
  }

  /** The entity's member nodes, sorted by key (a view: do not keep it past the drafts). */
  membersOf(root: number): Int32Array {
    return this.members.subarray(this.memberStart[root]!, this.memberStart[root + 1]!);
  }

  /** Every entity's root, in node order. */
  roots(): number[] {
    const roots: number[] = [];
    for (let root = 0; root < this.mentionCount.length; root += 1) {
      if (this.isEntity(root)) roots.push(root);
    }
    return roots;
  }
}
