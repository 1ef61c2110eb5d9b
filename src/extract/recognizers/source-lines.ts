import { foldName } from '../text/memo.js';
import { getLexicon } from '../lexicon/index.js';
import type { AnalyzedDocument, EntityRecognizer, MentionCandidate } from './types.js';

const SOURCE_LINE =
  /^[ \t]*(?:Source|Sources|Fuente|Fuentes|Via|Vía|Con información de|With information from)[ \t]*:[ \t]*([^\n]{2,60}?)[ \t.]*$/gimu;

/**
 * "Source: codigomagenta" / "Fuente: Proceso" lines name the outlet a piece comes from, often in
 * lower case or as a web handle, so no capitalisation rule would find them.
 */
export const sourceLineRecognizer: EntityRecognizer = {
  name: 'source-lines',
  recognize(doc: AnalyzedDocument): MentionCandidate[] {
    const out: MentionCandidate[] = [];
    for (const match of doc.text.matchAll(SOURCE_LINE)) {
      const name = match[1]!;
      if (/^https?:/i.test(name) || name.split(/\s+/).length > 6) continue;
      const start = match.index + match[0].indexOf(name);
      const key = foldName(name);
      const entry =
        getLexicon().byAlias.get(key)?.[0] ??
        getLexicon().bySquashedAlias.get(key.replace(/ /g, ''))?.[0];
      out.push({
        start,
        end: start + name.length,
        type: entry?.type ?? 'organization',
        normalized: entry?.name ?? name,
        confidence: 0.9,
        source: 'source-line',
        ...(entry ? { entry } : {}),
      });
    }
    return out;
  },
};
