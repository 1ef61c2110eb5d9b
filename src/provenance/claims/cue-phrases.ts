import { foldForMatch } from '../../core/index.js';

/**
 * Sourcing phrases read straight from the text, for outlets the extractor does not know as names
 * ("according to The Border Ledger", "as reported by Frontera Wire", "como lo publicó Diario del
 * Norte"): an unknown outlet is exactly what a re-quoting chain is made of. The name is the run of
 * capitalised words after the cue, with its article and inner "of"/"de"/"del".
 */
const CUE =
  /\b(?:according to|(?:first |as |originally )?reported by|published by|citing|cited by|via|seg[uú]n|de acuerdo con|(?:como )?lo public[oó]|citando a)\s+/giu;
const NAME =
  /^(?:(?:The|the|El|el|La|la|Los|los|Las|las)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:(?:of|de|del|y|and)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*/u;

export interface CuePhrase {
  name: string;
  cue: string;
  start: number;
  end: number;
}

/** Cue phrases whose name lies within [from, to) of `text`, in text order. */
export function cuePhrasesIn(text: string, from: number, to: number): CuePhrase[] {
  const found: CuePhrase[] = [];
  const slice = text.slice(Math.max(0, from), Math.min(text.length, to));
  const offset = Math.max(0, from);
  for (const match of slice.matchAll(CUE)) {
    const after = match.index + match[0].length;
    const name = NAME.exec(slice.slice(after))?.[0].replace(/[.’']+$/, '');
    if (!name) continue;
    found.push({
      name,
      cue: foldForMatch(match[0]),
      start: offset + after,
      end: offset + after + name.length,
    });
  }
  return found;
}
