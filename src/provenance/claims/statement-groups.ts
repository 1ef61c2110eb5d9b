/**
 * Statements grouped by their set (the union–find root), each group's members ascending, in two
 * flat arrays: a counting sort by root. A Map from root to an array of members was two objects a
 * group, and a million e-mails make millions of groups.
 */
export class StatementGroups {
  /** Statement numbers, group after group. */
  private readonly order: Uint32Array;
  /** Group g's members are `order[bounds[g] … bounds[g+1])`. */
  private readonly bounds: Uint32Array;
  private readonly roots: Uint32Array;

  constructor(statements: number, rootOf: (statement: number) => number) {
    const rootOfStatement = new Uint32Array(statements);
    const sizes = new Uint32Array(statements);
    let groups = 0;
    for (let s = 0; s < statements; s += 1) {
      const root = rootOf(s);
      rootOfStatement[s] = root;
      if (sizes[root]! === 0) groups += 1;
      sizes[root]! += 1;
    }
    // Groups in the order of their roots; a root is a member of its own set.
    this.bounds = new Uint32Array(groups + 1);
    this.roots = new Uint32Array(groups);
    const firstSlot = new Uint32Array(statements);
    let group = 0;
    for (let root = 0; root < statements; root += 1) {
      if (sizes[root]! === 0) continue;
      this.roots[group] = root;
      firstSlot[root] = this.bounds[group]!;
      this.bounds[group + 1] = this.bounds[group]! + sizes[root]!;
      group += 1;
    }
    this.order = new Uint32Array(statements);
    for (let s = 0; s < statements; s += 1) {
      const root = rootOfStatement[s]!;
      this.order[firstSlot[root]!] = s;
      firstSlot[root]! += 1;
    }
  }

  get size(): number {
    return this.roots.length;
  }

  root(group: number): number {
    return this.roots[group]!;
  }

  /** The group's statements, ascending (a view: do not keep it past the groups). */
  members(group: number): Uint32Array {
    return this.order.subarray(this.bounds[group]!, this.bounds[group + 1]!);
  }
}
