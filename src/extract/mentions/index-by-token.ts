import type { Token } from '../text/tokenize.js';
import type { Mention } from '../types.js';

/** Token index → the mention covering it, for rules that walk tokens and need the names on them. */
export class MentionIndex {
  private readonly byToken: Array<Mention | undefined>;

  constructor(
    tokens: Token[],
    readonly mentions: Mention[],
  ) {
    this.byToken = new Array<Mention | undefined>(tokens.length);
    let t = 0;
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    for (const mention of sorted) {
      while (t < tokens.length && tokens[t]!.end <= mention.start) t++;
      for (let i = t; i < tokens.length && tokens[i]!.start < mention.end; i++) {
        if (!this.byToken[i]) this.byToken[i] = mention;
      }
    }
  }

  at(tokenIndex: number): Mention | undefined {
    return this.byToken[tokenIndex];
  }

  /** The last person mention that ends before `offset`, outside the given spans. */
  lastPersonBefore(offset: number, excluded: Array<[number, number]> = []): Mention | undefined {
    let best: Mention | undefined;
    for (const mention of this.mentions) {
      if (mention.type !== 'person' || mention.end > offset) continue;
      if (excluded.some(([a, b]) => mention.start >= a && mention.end <= b)) continue;
      if (!best || mention.start > best.start) best = mention;
    }
    return best;
  }
}
