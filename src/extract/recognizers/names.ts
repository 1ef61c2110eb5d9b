import {
  LEADING_ORGANIZATION_HEADS,
  NAMED_THING_HEADS,
  ORGANIZATION_HEADS,
  PERSON_TITLES,
  PLACE_LEADING_HEADS,
} from '../lexicon/cues.js';
import { isCalendarWord } from '../lexicon/words.js';
import { lookupCity } from '../lexicon/gazetteer.js';
import type { AnalyzedWithAliases } from './analyze.js';
import { findChunks, segmentsOf, type Segment } from './chunks.js';
import type { EntityRecognizer, MentionCandidate } from './types.js';
import { candidate, typeByContext, typePlainRun } from './typing.js';

/**
 * Capitalised names that the curated lists do not cover, and compounds of curated and unknown
 * words: "U.S. Embassy", "Oklahoma City", "Fiscalía General del Estado de Chihuahua", a person
 * whose surname is a city ("Celaya Valenzuela who …"), a programme named after a place ("Mérida
 * Initiative", no place).
 */
export const namesRecognizer: EntityRecognizer = {
  name: 'names',
  recognize(analyzed): MentionCandidate[] {
    const doc = analyzed as AnalyzedWithAliases;
    const out: MentionCandidate[] = [];
    for (const chunk of findChunks(doc)) {
      const segments = segmentsOf(doc, chunk);
      const whole = personByContextOverPlaces(doc, chunk, segments);
      if (whole) {
        out.push(whole);
        continue;
      }
      const organization = organizationNamedAfterPlace(doc, chunk, segments);
      if (organization) out.push(organization);
      segments.forEach((segment, n) => {
        const next = segments[n + 1];
        // the organisation's head words are not a name of their own ("Fiscalía General del Estado")
        if (organization && segment.alias < 0) return;
        if (segment.alias >= 0) {
          // "Mérida Initiative": the place only names a programme
          if (
            next &&
            next.alias < 0 &&
            next.first === segment.last + 1 &&
            NAMED_THING_HEADS.has(doc.tokens[next.last]!.fold)
          ) {
            out.push({
              ...candidate(doc, segment.first, next.last, null, 0.99, 'names:named-thing'),
              suppress: true,
            });
          }
          return;
        }
        // "Valle de Mexicali and the …", "West Texas": a region of the place that follows
        if (next && next.alias >= 0 && segment.first === segment.last) {
          const region = regionOfPlace(doc, segment, next);
          if (region) {
            out.push(region);
            return;
          }
        }
        // "Práxedis G. Guerrero and Guadalupe": a name and the place that ends it are one city
        if (next && next.alias >= 0 && next.first === segment.last + 1) {
          const start = doc.tokens[segment.first]!.start;
          const end = doc.tokens[next.last]!.end;
          const geo = doc.inHeadline[segment.first] ? null : lookupCity(doc.text.slice(start, end));
          if (geo) {
            out.push({
              start,
              end,
              type: 'place',
              normalized: null,
              confidence: 0.96,
              source: 'gazetteer:compound',
              geo,
            });
            return;
          }
        }
        const previous = segments[n - 1];
        const combined = previous
          ? (placeModifiedOrganization(doc, previous, segment) ??
            cityNamedAfterPlace(doc, previous, segment))
          : null;
        if (combined) out.push(combined);
        else out.push(...typePlainRun(doc, segment.first, segment.last));
      });
    }
    // "the Juárez valley": a curated place and a lower-case "valley" name a region
    for (const match of doc.aliasMatches) {
      const after = doc.tokens[match.endToken + 1];
      if (
        after?.fold === 'valley' &&
        !after.capitalized &&
        match.hits.some((h) => h.record.entry.type === 'place')
      )
        out.push(
          candidate(doc, match.startToken, after.index, 'place', 0.97, 'names:place-of-place'),
        );
    }
    return out;
  },
};

/**
 * "Celaya Valenzuela who was busted": a surname that is also a city, inside a chunk the context
 * calls a person. Only cities and states may be absorbed so, never countries or organisations.
 */
function personByContextOverPlaces(
  doc: AnalyzedWithAliases,
  [first, last]: [number, number],
  segments: Segment[],
): MentionCandidate | null {
  if (last === first || !segments.some((s) => s.alias >= 0) || !segments.some((s) => s.alias < 0))
    return null;
  // "Texas and New Mexico on Wednesday": a list of places and a day, not one person's name
  if (
    doc.tokens
      .slice(first, last + 1)
      .some((t) => /^(?:and|y|e|on|for|&)$/.test(t.fold) || isCalendarWord(t.fold))
  )
    return null;
  for (const segment of segments) {
    if (segment.alias < 0) continue;
    const entry = doc.aliasMatches[segment.alias]!.hits[0]?.record.entry;
    if (!entry || (entry.list !== 'cities' && entry.list !== 'admin1')) return null;
  }
  const typed = typeByContext(doc, first, last);
  return typed.type === 'person' ? { ...typed, confidence: 0.97 } : null;
}

/**
 * "Fiscalía General del Estado de Chihuahua", "Policía Municipal de Tijuana": an organisation
 * head, a connector, and a curated place at the end. The whole is the organisation; it may overlap
 * the place, which stays a mention of its own.
 */
function organizationNamedAfterPlace(
  doc: AnalyzedWithAliases,
  [first, last]: [number, number],
  segments: Segment[],
): MentionCandidate | null {
  const head = doc.tokens[first]!;
  const final = segments[segments.length - 1];
  if (segments.length < 2 || segments[0]!.alias >= 0 || !final || final.alias < 0) return null;
  if (!LEADING_ORGANIZATION_HEADS.has(head.fold) || doc.inHeadline[first]) return null;
  const entry = doc.aliasMatches[final.alias]!.hits[0]?.record.entry;
  const connector = doc.tokens[final.first - 1];
  if (entry?.type !== 'place' || !connector || !/^(?:of|de|del)$/.test(connector.fold)) return null;
  return {
    ...candidate(doc, first, last, 'organization', 0.97, 'names:organization-of-place'),
    overlaps: true,
  };
}

/** Compass words that, before a place, name a region of it ("West Texas", "northern Mexico"). */
const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower)$/;

/**
 * A region named after a place: "West Texas" (a compass word right before it), "Valle de
 * Mexicali" (a place head and "de"). The GeoNames compounds ("Práxedis G. Guerrero") and "the
 * Juárez valley" are read in namesRecognizer.
 */
function regionOfPlace(
  doc: AnalyzedWithAliases,
  head: Segment,
  place: Segment,
): MentionCandidate | null {
  if (doc.inHeadline[head.first]) return null;
  if (!doc.aliasMatches[place.alias]!.hits.some((h) => h.record.entry.type === 'place'))
    return null;
  const fold = doc.tokens[head.first]!.fold;
  const adjacent = place.first === head.last + 1 && COMPASS.test(fold);
  const connected =
    place.first === head.last + 2 &&
    PLACE_LEADING_HEADS.has(fold) &&
    /^(?:de|del|of)$/.test(doc.tokens[head.last + 1]!.fold);
  if (!adjacent && !connected) return null;
  return {
    ...candidate(doc, head.first, place.last, 'place', 0.97, 'names:region-of-place'),
  };
}

/** "Oklahoma City", "Kansas City": a curated place plus words that GeoNames knows as one city. */
function cityNamedAfterPlace(
  doc: AnalyzedWithAliases,
  place: Segment,
  run: Segment,
): MentionCandidate | null {
  if (place.alias < 0 || place.last + 1 !== run.first || run.last - run.first > 1) return null;
  const hit = doc.aliasMatches[place.alias]!.hits[0];
  if (!hit || hit.record.entry.type !== 'place') return null;
  const start = doc.tokens[place.first]!.start;
  const end = doc.tokens[run.last]!.end;
  const geo = lookupCity(doc.text.slice(start, end));
  if (!geo) return null;
  return {
    start,
    end,
    type: 'place',
    normalized: null,
    confidence: 0.97,
    source: 'gazetteer:compound',
    geo,
  };
}

/** "U.S. Embassy", "Chicago Field Division": a curated place naming whose organisation it is. */
function placeModifiedOrganization(
  doc: AnalyzedWithAliases,
  place: Segment,
  run: Segment,
): MentionCandidate | null {
  if (
    place.alias < 0 ||
    place.last + 1 !== run.first ||
    !doc.tokens[run.first]!.spaceBefore ||
    doc.inHeadline[run.first]
  )
    return null;
  const hit = doc.aliasMatches[place.alias]!.hits[0];
  if (!hit || hit.record.entry.type !== 'place') return null;
  const last = doc.tokens[run.last]!;
  if (
    !ORGANIZATION_HEADS.has(last.fold) ||
    (run.first === run.last && ['force', 'forces', 'police', 'army'].includes(last.fold))
  )
    return null;
  if (doc.tokens.slice(run.first, run.last + 1).some((t) => PERSON_TITLES.has(t.fold))) return null;
  return candidate(doc, place.first, run.last, 'organization', 0.97, 'names:place-organization');
}
