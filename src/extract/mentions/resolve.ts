import { memoize } from '../../core/index.js';
import { foldName } from '../text/memo.js';
import { LOCATIVE_PREPOSITIONS, PLACE_OF_NOUNS } from '../lexicon/cues.js';
import { geoForEntry } from '../lexicon/gazetteer.js';
import type { LexiconEntry } from '../lexicon/index.js';
import type { AnalyzedWithAliases } from '../recognizers/analyze.js';
import type { MentionCandidate } from '../recognizers/types.js';
import type { Mention } from '../types.js';

/**
 * Turn every recogniser's candidates into the document's mentions: settle ambiguous aliases by
 * context, keep the best of overlapping candidates, link acronyms and nicknames to the names they
 * stand for, type bare surnames by the full names around them, and drop what stays untyped.
 * Each step is one pass over the candidates with map look-ups; only alias links search, and
 * there are few of them.
 */
export function resolveMentions(
  doc: AnalyzedWithAliases,
  candidates: MentionCandidate[],
): Mention[] {
  const tokenAt = new Map<number, number>();
  for (const token of doc.tokens) tokenAt.set(token.start, token.index);
  const cartelContext = /\bc[aá]rtel/i.test(doc.text);

  for (const c of candidates) settleStem(doc, tokenAt, c, cartelContext);
  const accepted = removeOverlaps(
    doc.text.length,
    candidates.filter((c) => c.type !== null || c.source === 'names:untyped' || c.suppress),
  ).filter((c) => !c.suppress);
  linkParenthesizedAcronyms(doc, tokenAt, accepted);
  linkNamedCodes(doc, tokenAt, accepted);
  corefer(doc, accepted);
  shortOrganizationNames(doc, accepted);
  resolveAliasLinks(doc, accepted);

  const mentions: Mention[] = [];
  for (const c of accepted) {
    if (c.type === null) continue;
    const text = doc.text.slice(c.start, c.end);
    const mention: Mention = {
      start: c.start,
      end: c.end,
      text,
      type: c.type,
      normalized: c.normalized ?? cleanSurface(text),
      confidence: c.confidence,
      source: c.source,
    };
    const geo = c.type === 'place' ? (c.entry ? geoForEntry(c.entry) : (c.geo ?? null)) : null;
    if (geo) mention.geo = geo;
    mentions.push(mention);
  }
  return mentions;
}

/**
 * "la Fiscalía" after "la Fiscalía General del Estado", "the Subcommittee" after "the House
 * Subcommittee on …": an organisation named by its head word alone is the organisation named in
 * full earlier in the document with that head (when exactly one such organisation is named).
 */
function shortOrganizationNames(doc: AnalyzedWithAliases, accepted: MentionCandidate[]): void {
  const full = accepted.filter((c) => c.type === 'organization');
  const nameOf = (c: MentionCandidate) =>
    c.normalized ?? cleanSurface(doc.text.slice(c.start, c.end));
  for (const c of full) {
    if (c.entry) continue;
    const name = nameOf(c);
    if (/\s/.test(name) || name === '') continue;
    const head = foldName(name);
    const longer = new Set(
      full
        .filter((o) => o.start < c.start && o !== c)
        .map(nameOf)
        .filter((n) => /\s/.test(n) && foldName(n).split(' ')[0] === head),
    );
    if (longer.size === 1) c.normalized = [...longer][0]!;
  }
}

/** "the Blaze’s" → "Blaze"; brackets and quotes off the ends; a name wrapped over two lines on one. */
const cleanSurface: (text: string) => string = memoize((text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[\s"“”‘’'[\]()]+|[\s"“”‘’'[\]()]+$/g, '')
    .replace(/['’]s$/, '')
    .replace(/^(?:the|The|el|El|la|La)\s+(?=\p{Lu})/u, ''),
);

function isLocative(
  doc: AnalyzedWithAliases,
  tokenAt: Map<number, number>,
  c: MentionCandidate,
): boolean {
  const index = tokenAt.get(c.start);
  if (index === undefined) return false;
  let b = index - 1;
  while (b >= 0 && /^[[(]$/.test(doc.tokens[b]!.text)) b--;
  const before = doc.tokens[b];
  const before2 = doc.tokens[b - 1];
  let a = index;
  while (a < doc.tokens.length && doc.tokens[a]!.end <= c.end) a++;
  const after = doc.tokens[a];
  if (before && !before.capitalized && LOCATIVE_PREPOSITIONS.has(before.fold)) return true;
  if (before && /^(?:of|de|del)$/.test(before.fold) && before2 && PLACE_OF_NOUNS.has(before2.fold))
    return true;
  // "Culiacán, Sinaloa": a city, then its state
  if (before?.text === ',' && before2 && doc.aliasAt[before2.index]! >= 0) {
    const entry = doc.aliasMatches[doc.aliasAt[before2.index]!]!.hits[0]?.record.entry;
    if (entry?.list === 'cities') return true;
  }
  return after !== undefined && /^(?:state|estado|city|ciudad|border|frontera)$/.test(after.fold);
}

/**
 * A word that is both a place and a cartel's stem ("Sinaloa", "Juárez"): with a locative cue it is
 * the place; otherwise, in a text about cartels, the stem's declared default decides.
 */
function settleStem(
  doc: AnalyzedWithAliases,
  tokenAt: Map<number, number>,
  c: MentionCandidate,
  cartelContext: boolean,
): void {
  const stemEntry: LexiconEntry | undefined = c.bareStem
    ? c.entry
    : c.alternatives?.find((e) => e.type === 'organization' && e.bareStemMeans !== undefined);
  if (!stemEntry) return;
  const locative = isLocative(doc, tokenAt, c);
  const meansCartel = !locative && cartelContext && stemEntry.bareStemMeans === 'organization';
  if (meansCartel) {
    Object.assign(c, {
      type: 'organization',
      normalized: stemEntry.name,
      entry: stemEntry,
      source: 'lexicon:cartel-stem',
      bareStem: false,
    });
    c.confidence = 0.8;
  } else if (c.bareStem) {
    c.type = null;
    c.source = 'dropped';
  }
}

const rank = (c: MentionCandidate) => (c.suppress ? 2 : c.type !== null ? 1 : 0);

function removeOverlaps(length: number, candidates: MentionCandidate[]): MentionCandidate[] {
  const occupied = new Uint8Array(length + 1);
  const ordered = [...candidates].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      b.confidence - a.confidence ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const accepted: MentionCandidate[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) continue;
    if (!c.overlaps) {
      let free = true;
      for (let i = c.start; i < c.end; i++) {
        if (occupied[i]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      occupied.fill(1, c.start, c.end);
    }
    accepted.push(c);
  }
  return accepted.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "Department of Homeland Security (DHS)", "Attorney General’s Office (PGR)": one entity. */
function linkParenthesizedAcronyms(
  doc: AnalyzedWithAliases,
  tokenAt: Map<number, number>,
  accepted: MentionCandidate[],
): void {
  const byStart = new Map<number, MentionCandidate>();
  for (const c of accepted) byStart.set(c.start, c);
  for (const c of accepted) {
    let i = tokenAt.get(c.start);
    if (i === undefined) continue;
    while (i < doc.tokens.length && doc.tokens[i]!.end < c.end) i++;
    const open = doc.tokens[i + 1];
    const inner = doc.tokens[i + 2];
    const close = doc.tokens[i + 3];
    if (!open || !inner || !close || open.text !== '(' || close.text !== ')' || !inner.allCaps)
      continue;
    const acronym = byStart.get(inner.start);
    if (!acronym) {
      if (c.type) {
        const created: MentionCandidate = {
          start: inner.start,
          end: inner.end,
          type: c.type,
          normalized: null,
          confidence: 0.8,
          source: 'acronym',
          aliasOf: c.start,
        };
        accepted.push(created);
        byStart.set(created.start, created);
      }
      continue;
    }
    if (acronym.entry && !c.entry) {
      Object.assign(c, {
        type: acronym.type,
        normalized: acronym.normalized,
        entry: acronym.entry,
      });
    } else if (!acronym.entry && c.type) {
      acronym.type = c.type;
      acronym.source = 'acronym';
      acronym.aliasOf = c.start;
    }
  }
  accepted.sort((a, b) => a.start - b.start);
}

/** "MX1, identified by Narco News as … named Fernando de la Mora Salcedo": the name is the code's. */
function linkNamedCodes(
  doc: AnalyzedWithAliases,
  tokenAt: Map<number, number>,
  accepted: MentionCandidate[],
): void {
  const codes = accepted.filter((c) => c.source === 'coded-source');
  if (codes.length === 0) return;
  for (const c of accepted) {
    if (c.type !== 'person' || c.source === 'coded-source') continue;
    const i = tokenAt.get(c.start);
    if (i === undefined) continue;
    const cue = doc.tokens[i - 1];
    const cue2 = doc.tokens[i - 2];
    const named =
      cue &&
      (/^(?:named|llamado|llamada)$/.test(cue.fold) ||
        (cue.fold === 'as' && cue2 && /^(?:identified|identificado)$/.test(cue2.fold)) ||
        (cue.fold === 'como' && cue2?.fold === 'identificado'));
    if (!named) continue;
    const sentence = doc.sentenceOf[i]!;
    const code = codes.find((k) => {
      const ki = tokenAt.get(k.start);
      return ki !== undefined && doc.sentenceOf[ki] === sentence && k.start < c.start;
    });
    if (code) c.aliasOf = code.start;
  }
}

function words(surface: string): string[] {
  return foldName(surface).split(' ').filter(Boolean);
}

/**
 * In-document coreference of surface forms: a bare surname ("Abbott", "Dodson") takes the person
 * whose full name ends with it; a name typed somewhere ("Gabbard declared") types its other
 * occurrences; a full name whose last word was typed a person becomes a person.
 */
function corefer(doc: AnalyzedWithAliases, accepted: MentionCandidate[]): void {
  // a candidate's span never changes here, so its surface, key and words are read once
  const surfaces = accepted.map((c) => cleanSurface(doc.text.slice(c.start, c.end)));
  const keys = surfaces.map((s) => foldName(s));
  const wordLists = keys.map((k) => k.split(' ').filter(Boolean));
  const typedSingles = new Set<string>();
  accepted.forEach((c, n) => {
    if (c.type === 'person' && wordLists[n]!.length === 1) typedSingles.add(wordLists[n]![0]!);
  });
  // full names ending in a word typed person elsewhere ("Tulsi Gabbard" + "Gabbard declared")
  accepted.forEach((c, n) => {
    if (c.type !== null) return;
    const w = wordLists[n]!;
    if (w.length >= 2 && w.length <= 4 && typedSingles.has(w[w.length - 1]!)) {
      c.type = 'person';
      c.source = 'coreference:surname';
    }
  });
  const fullNames = new Map<string, string>();
  const bySurface = new Map<string, MentionCandidate>();
  accepted.forEach((c, n) => {
    if (c.type === null || c.aliasOf !== undefined) return;
    const key = keys[n]!;
    const known = bySurface.get(key);
    if (!known || known.confidence < c.confidence) bySurface.set(key, c);
    if (c.type !== 'person') return;
    const w = wordLists[n]!;
    if (w.length < 2 || c.source === 'coded-source') return;
    const name = c.normalized ?? surfaces[n]!;
    const last = w[w.length - 1]!;
    if (!fullNames.has(last)) fullNames.set(last, name);
    if (w.length >= 3) {
      const lastTwo = w.slice(-2).join(' ');
      if (!fullNames.has(lastTwo)) fullNames.set(lastTwo, name);
    }
    if (c.entry) {
      const canonical = words(c.entry.name);
      const lastWord = canonical[canonical.length - 1]!;
      if (!fullNames.has(lastWord)) fullNames.set(lastWord, c.entry.name);
      const lastTwo = canonical.slice(-2).join(' ');
      if (canonical.length >= 3 && !fullNames.has(lastTwo)) fullNames.set(lastTwo, c.entry.name);
    }
  });
  accepted.forEach((c, n) => {
    const key = keys[n]!;
    if (c.type === null || c.type === 'person') {
      const full = fullNames.get(key);
      if (full && (c.type === 'person' || wordLists[n]!.length <= 2) && !c.entry) {
        c.type = 'person';
        c.normalized = full;
        if (c.source === 'names:untyped') c.source = 'coreference:surname';
        return;
      }
    }
    if (c.type === null) {
      const typed = bySurface.get(key);
      if (typed && typed.type) {
        c.type = typed.type;
        c.normalized = typed.normalized;
        if (typed.entry) c.entry = typed.entry;
        c.source = 'coreference:surface';
      }
    }
  });
}

/** Nicknames, parenthesised acronyms and "named X" take the name of the mention they stand for. */
function resolveAliasLinks(doc: AnalyzedWithAliases, accepted: MentionCandidate[]): void {
  const owners = accepted.filter((m) => m.aliasOf === undefined && m.type !== null);
  for (const c of accepted) {
    if (c.aliasOf === undefined) continue;
    const offset = c.aliasOf;
    const owner = owners.find((m) => m.start <= offset && offset < m.end);
    if (!owner) continue;
    c.type = owner.type;
    const ownerName = owner.normalized ?? cleanSurface(doc.text.slice(owner.start, owner.end));
    if (c.entry && owner.entry === undefined && c.type === 'person') {
      // a curated nickname names the owner better than the surface form does
      owner.normalized = c.entry.name;
    } else {
      c.normalized = ownerName;
    }
  }
}
