import type { PassageLink } from './statements.js';

/**
 * Joins statements of different documents that sit at the same place in one reused passage: the
 * quote 001 prints inside MX1's e-mail and the same stretch of 003's unmarked block quotation.
 * Places are compared as fractions of each occurrence's length — the copies differ only by
 * brackets and punctuation, so proportional positions line up — and must overlap by at least
 * `minOverlap` of the shorter span, so that two different quotes inside one long reprinted article
 * are not merged just because the article was copied whole.
 */
export function joinWithinPassages(
  links: readonly PassageLink[],
  onJoin: (a: number, b: number) => void,
  minOverlap = 0.3,
): void {
  const byGroup = new Map<number, PassageLink[]>();
  for (const link of links) {
    const list = byGroup.get(link.group);
    if (list) list.push(link);
    else byGroup.set(link.group, [link]);
  }
  for (const group of byGroup.values()) {
    group.sort((x, y) => x.lo - y.lo);
    for (let i = 0; i < group.length; i += 1) {
      const a = group[i]!;
      for (let j = i + 1; j < group.length && group[j]!.lo < a.hi; j += 1) {
        const b = group[j]!;
        if (b.documentId === a.documentId) continue;
        const overlap = Math.min(a.hi, b.hi) - b.lo;
        const shorter = Math.max(1e-9, Math.min(a.hi - a.lo, b.hi - b.lo));
        if (overlap / shorter >= minOverlap) onJoin(a.statement, b.statement);
      }
    }
  }
}
