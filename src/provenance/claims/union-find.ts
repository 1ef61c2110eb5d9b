/**
 * Disjoint sets over string keys (Tarjan's union–find with path halving and union by size): what
 * turns pairwise "these two say the same thing" into clusters in near-linear time. Hand-written:
 * a dozen lines, and the libraries for it are unmaintained one-offs.
 */
export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(key: string): void {
    if (!this.parent.has(key)) {
      this.parent.set(key, key);
      this.size.set(key, 1);
    }
  }

  find(key: string): string {
    this.add(key);
    let node = key;
    for (;;) {
      const up = this.parent.get(node)!;
      if (up === node) return node;
      const grand = this.parent.get(up)!;
      this.parent.set(node, grand);
      node = grand;
    }
  }

  union(a: string, b: string): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size.get(ra)! < this.size.get(rb)!) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, this.size.get(ra)! + this.size.get(rb)!);
  }
}
