import { foldName } from '../text/memo.js';
import { getLexicon } from '../lexicon/index.js';
import { isGivenName } from '../lexicon/words.js';
import type { Token } from '../text/tokenize.js';
import type { AnalyzedDocument, EntityRecognizer, MentionCandidate } from './types.js';

const OPEN = new Set(['“', '"', '‘', "'", '«']);
const CLOSE = new Set(['”', '"', '’', "'", '»']);
const ALIAS_CUES = /^(?:alias|aka|a\.k\.a|apodado|apodada|nicknamed|dubbed|known)$/;

/** The quoted capitalised phrase starting after an opening mark at `open`, as [first, last, close]. */
function quotedName(tokens: Token[], open: number): [number, number, number] | null {
  if (!OPEN.has(tokens[open]?.text ?? '')) return null;
  let i = open + 1;
  const first = i;
  while (
    i < tokens.length &&
    i - first < 5 &&
    tokens[i]!.kind === 'word' &&
    (tokens[i]!.capitalized || /^(?:de|del|la|el|los)$/.test(tokens[i]!.fold))
  )
    i++;
  const lastWord = i - 1;
  if (tokens[i] && /^[,.]$/.test(tokens[i]!.text)) i++; // “El Marro,”
  if (lastWord < first || !tokens[i] || !CLOSE.has(tokens[i]!.text) || !tokens[first]!.capitalized)
    return null;
  return [first, lastWord, i];
}

/**
 * Nicknames written next to the name they belong to:
 * - `Joaquín “El Chapo” Guzmán` — one mention over the whole span;
 * - `Leonardo Daniel Martínez Vara, alias “El Pato”` and `Arturo Beltrán Leyva, “El Barbas.”` —
 *   the quoted nickname becomes another name of the person before it.
 */
export const nicknameRecognizer: EntityRecognizer = {
  name: 'nicknames',
  recognize(doc: AnalyzedDocument): MentionCandidate[] {
    const { tokens, text } = doc;
    const out: MentionCandidate[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const quoted = quotedName(tokens, i);
      if (!quoted) continue;
      const [first, last, close] = quoted;
      const before = tokens[i - 1];
      const after = tokens[close + 1];
      const nickname = text.slice(tokens[first]!.start, tokens[last]!.end);
      const curated = getLexicon()
        .byAlias.get(foldName(nickname))
        ?.find((e) => e.type === 'person');
      // Given “Nick” Surname
      const inside =
        before &&
        after &&
        before.kind === 'word' &&
        after.kind === 'word' &&
        after.capitalized &&
        !tokens[i]!.newlineBefore &&
        !after.newlineBefore &&
        (isGivenName(before.fold) || curated !== undefined);
      if (inside && before && after) {
        let end = close + 1;
        while (
          tokens[end + 1]?.kind === 'word' &&
          tokens[end + 1]!.capitalized &&
          !tokens[end + 1]!.newlineBefore
        )
          end++;
        out.push({
          start: before.start,
          end: tokens[end]!.end,
          type: 'person',
          normalized:
            curated?.name ?? `${before.text} ${text.slice(after.start, tokens[end]!.end)}`,
          confidence: 0.96,
          source: 'nickname:inside-name',
          ...(curated ? { entry: curated } : {}),
        });
        i = end;
        continue;
      }
      // Name, alias “Nick” | Name, “Nick”
      let j = i - 1;
      if (tokens[j] && ALIAS_CUES.test(tokens[j]!.fold)) j--;
      if (tokens[j]?.fold === 'as' && tokens[j - 1]?.fold === 'known') j -= 2;
      if (tokens[j]?.text !== ',') continue;
      const owner = tokens[j - 1];
      if (!owner || owner.kind !== 'word' || !owner.capitalized) continue;
      out.push({
        start: tokens[first]!.start,
        end: tokens[last]!.end,
        type: 'person',
        normalized: curated?.name ?? null,
        // above the plain lexicon match of the same nickname, so the link to the owner survives
        confidence: 0.96,
        source: 'nickname:appositive',
        aliasOf: owner.start,
        ...(curated ? { entry: curated } : {}),
      });
    }
    return out;
  },
};
