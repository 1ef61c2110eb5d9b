import { foldName } from '../text/memo.js';
import { getLexicon } from '../lexicon/index.js';
import { isCommonWord, isDemonym } from '../lexicon/words.js';
import type { Token } from '../text/tokenize.js';
import type { AnalyzedDocument, EntityRecognizer, MentionCandidate } from './types.js';

const CARTEL_WORDS = new Set(
  ['cartel', 'cartels', 'cártel', 'cárteles', 'carteles'].map((w) =>
    w.normalize('NFD').replace(/\p{M}/gu, ''),
  ),
);
const FILLERS = new Set(['drug', 'criminal', 'crime', 'narco', 'trafficking']);

function isStemWord(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    token.kind === 'word' &&
    token.capitalized &&
    !token.allCaps &&
    !isDemonym(token.fold) &&
    !(isCommonWord(token.fold) && !getLexicon().cartelStems.has(token.fold))
  );
}

/**
 * Cartels named by a place or family and the word "cartel", in either order and language:
 * "Sinaloa drug cartel", "[the Juárez cartel]", "cártel de Sinaloa", and the coordinated
 * "the [Juárez] and Sinaloa cartels" (both are cartels). A curated stem gives the canonical name;
 * an unknown one gives "<Stem> Cartel".
 */
export const cartelPhraseRecognizer: EntityRecognizer = {
  name: 'cartel-phrases',
  recognize(doc: AnalyzedDocument): MentionCandidate[] {
    const { tokens } = doc;
    const out: MentionCandidate[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!CARTEL_WORDS.has(token.fold)) continue;
      // Spanish order: "cártel de (los) Beltrán Leyva"
      const de = tokens[i + 1];
      if (de && (de.fold === 'de' || de.fold === 'del')) {
        let s = i + 2;
        if (tokens[s]?.fold === 'los' || tokens[s]?.fold === 'la') s++;
        let e = s - 1;
        while (isStemWord(tokens[e + 1]) && e - s < 3 && !tokens[e + 1]!.newlineBefore) e++;
        if (e >= s) out.push(cartel(doc, tokens, i, e, s, e));
        continue;
      }
      // English order: "<Stem> (drug) cartel"
      let e = i - 1;
      while (e >= 0 && FILLERS.has(tokens[e]!.fold)) e--;
      let s = e + 1;
      while (s - 1 >= 0 && isStemWord(tokens[s - 1]) && e - s < 2 && !tokens[s]?.newlineBefore) s--;
      if (s > e) continue;
      out.push(cartel(doc, tokens, s, i, s, e));
      // "the [Juárez] and Sinaloa cartels": the partner before "and" is a cartel too
      if (token.fold.endsWith('s')) {
        let c = s - 1;
        while (c >= 0 && /^[\])]$/.test(tokens[c]!.text)) c--;
        if (c >= 0 && /^(?:and|y|or)$/.test(tokens[c]!.fold)) {
          let pe = c - 1;
          while (pe >= 0 && /^[\])]$/.test(tokens[pe]!.text)) pe--;
          let ps = pe;
          while (ps - 1 >= 0 && isStemWord(tokens[ps - 1]) && pe - ps < 2) ps--;
          if (pe >= 0 && isStemWord(tokens[pe])) out.push(cartel(doc, tokens, ps, pe, ps, pe));
        }
      }
    }
    return out;
  },
};

function cartel(
  doc: AnalyzedDocument,
  tokens: Token[],
  first: number,
  last: number,
  stemFirst: number,
  stemLast: number,
): MentionCandidate {
  const stem = doc.text.slice(tokens[stemFirst]!.start, tokens[stemLast]!.end);
  const entry = getLexicon().cartelStems.get(foldName(stem));
  return {
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    type: 'organization',
    normalized: entry?.name ?? `${stem} Cartel`,
    confidence: entry ? 0.97 : 0.8,
    source: entry ? 'cartel-phrase:lexicon' : 'cartel-phrase',
    ...(entry ? { entry } : {}),
  };
}
