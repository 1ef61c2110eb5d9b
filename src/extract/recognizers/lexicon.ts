import type { AliasHit, AliasMatch, LexiconEntry } from '../lexicon/index.js';
import { getLexicon } from '../lexicon/index.js';
import type { Token } from '../text/tokenize.js';
import type { AnalyzedWithAliases } from './analyze.js';
import type { EntityRecognizer, MentionCandidate } from './types.js';

/** Which reading of an ambiguous alias wins when context does not decide. */
const LIST_PRIORITY: Record<string, number> = {
  countries: 0,
  organizations: 1,
  people: 2,
  admin1: 3,
  cities: 4,
  regions: 5,
  features: 6,
};

function sortByPriority(hits: AliasHit[]): AliasHit[] {
  return [...hits].sort(
    (a, b) => (LIST_PRIORITY[a.record.entry.list] ?? 9) - (LIST_PRIORITY[b.record.entry.list] ?? 9),
  );
}

function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && token.capitalized;
}

/**
 * Curated names (organisations, people, places) by their aliases. Also expands coordinated
 * names: in "Central and South America" the alias "South America" makes "Central" + "America" a
 * candidate too, so the span names Central America.
 */
export const lexiconRecognizer: EntityRecognizer = {
  name: 'lexicon',
  recognize(analyzed): MentionCandidate[] {
    const doc = analyzed as AnalyzedWithAliases;
    const { tokens } = doc;
    const candidates: MentionCandidate[] = [];
    for (const match of doc.aliasMatches) {
      const nonStem = sortByPriority(match.hits.filter((h) => !h.record.stem));
      const stems = match.hits.filter((h) => h.record.stem);
      const start = tokens[match.startToken]!.start;
      const end = tokens[match.endToken]!.end;
      const primary = nonStem[0];
      const stemEntry = stems[0]?.record.entry;
      if (!primary && !stemEntry) continue;
      const entry: LexiconEntry = primary ? primary.record.entry : stemEntry!;
      const alternatives = [
        ...nonStem.slice(1).map((h) => h.record.entry),
        ...(primary && stemEntry ? [stemEntry] : []),
      ];
      candidates.push({
        start,
        end,
        type: entry.type,
        normalized: entry.name,
        confidence: primary?.weak ? 0.7 : 0.95,
        source: `lexicon:${entry.list}`,
        entry,
        ...(alternatives.length > 0 ? { alternatives } : {}),
        ...(!primary ? { bareStem: true } : {}),
      });
      const coordinated = coordinatedPartner(doc, match, entry);
      if (coordinated) candidates.push(coordinated);
    }
    return candidates;
  },
};

/** "Central and South America" → Central America over the whole span; "Southern and Northern Commands". */
function coordinatedPartner(
  doc: AnalyzedWithAliases,
  match: AliasMatch,
  entry: LexiconEntry,
): MentionCandidate | null {
  const { tokens } = doc;
  if (match.endToken === match.startToken) return null;
  const conjunction = tokens[match.startToken - 1];
  const partner = tokens[match.startToken - 2];
  if (
    !conjunction ||
    !partner ||
    !/^(?:and|y|or|o)$/.test(conjunction.fold) ||
    !isNameWord(partner)
  )
    return null;
  const lexicon = getLexicon();
  const rest = tokens.slice(match.startToken + 1, match.endToken + 1).map((t) => t.fold);
  const last = rest.length - 1;
  const variants = [rest, rest.map((f, i) => (i === last && f.endsWith('s') ? f.slice(0, -1) : f))];
  for (const words of variants) {
    const found = lexicon.byAlias.get([partner.fold, ...words].join(' '));
    const other = found?.find((e) => e.type === entry.type && e !== entry);
    if (other) {
      return {
        start: partner.start,
        end: tokens[match.endToken]!.end,
        type: other.type,
        normalized: other.name,
        confidence: 0.9,
        source: `lexicon:${other.list}:coordinated`,
        entry: other,
        overlaps: true,
      };
    }
  }
  return null;
}
