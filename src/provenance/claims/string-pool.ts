import { ownCopy } from '../../core/index.js';

/** Marks null in a column of pooled strings. */
export const NO_STRING = -1;

/**
 * Each distinct string once, by a dense number: speakers, cue phrases, cited names and dates recur
 * across a corpus (a few thousand distinct among millions of statements), and parsed from each
 * document's extraction every copy was a string of its own.
 */
export class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  /** The number of `value`, NO_STRING for null. */
  id(value: string | null): number {
    if (value === null) return NO_STRING;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      // Kept beyond its document: a slice would keep the whole text alive (core/own-copy.ts).
      const own = ownCopy(value);
      this.values.push(own);
      this.ids.set(own, id);
    }
    return id;
  }

  value(id: number): string | null {
    return id === NO_STRING ? null : this.values[id]!;
  }
}
