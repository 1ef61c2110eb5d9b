import type { EntityType, Extraction } from '../types.js';
import type { GoldDocument } from './gold.js';
import {
  entitiesMatch,
  goldKeys,
  groupPredictedEntities,
  namesMatch,
  quoteOpening,
  type PredictedEntity,
} from './matching.js';
import { unitsAgree } from './units.js';

/**
 * Counts for one field. Precision and recall have their own numerators because entity matching
 * is not one-to-one: the README scores precision over predicted entities and recall over gold
 * entities, each against the whole other side.
 */
export interface Counts {
  predicted: number;
  gold: number;
  /** Predicted items that match some gold item. */
  correctPredicted: number;
  /** Gold items that some predicted item matches. */
  foundGold: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Of the figures matched by value, how many also agree on the unit (see `unitsAgree`). */
export interface UnitCounts {
  matched: number;
  agree: number;
}

export const FIELDS = ['entities', 'quotes', 'datedEvents', 'figures', 'sourcesCited'] as const;
export type Field = (typeof FIELDS)[number];

export interface DocumentScore {
  document: string;
  counts: Record<Field, Counts>;
  entityCounts: Record<EntityType, Counts>;
  missedEntities: string[];
  spuriousEntities: string[];
  missedQuotes: string[];
  spuriousQuotes: string[];
  missedDates: string[];
  spuriousDates: string[];
  missedFigures: string[];
  spuriousFigures: string[];
  figureUnits: UnitCounts;
  unitDisagreements: string[];
  missedSources: string[];
  spuriousSources: string[];
}

export function emptyCounts(): Counts {
  return { predicted: 0, gold: 0, correctPredicted: 0, foundGold: 0 };
}

export function addCounts(into: Counts, from: Counts): void {
  into.predicted += from.predicted;
  into.gold += from.gold;
  into.correctPredicted += from.correctPredicted;
  into.foundGold += from.foundGold;
}

export function toScore(counts: Counts): Score {
  const precision =
    counts.predicted === 0
      ? counts.gold === 0
        ? 1
        : 0
      : counts.correctPredicted / counts.predicted;
  const recall = counts.gold === 0 ? 1 : counts.foundGold / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** One-to-one greedy matching, for fields where an item can only be found once. */
function matchOneToOne<P, G>(
  predicted: P[],
  gold: G[],
  same: (p: P, g: G) => boolean,
): { counts: Counts; missed: G[]; spurious: P[]; pairs: Array<[P, G]> } {
  const used = new Set<number>();
  const spurious: P[] = [];
  const pairs: Array<[P, G]> = [];
  for (const p of predicted) {
    const g = gold.findIndex((item, i) => !used.has(i) && same(p, item));
    if (g >= 0) {
      used.add(g);
      pairs.push([p, gold[g]!]);
    } else spurious.push(p);
  }
  const missed = gold.filter((_, i) => !used.has(i));
  return {
    counts: {
      predicted: predicted.length,
      gold: gold.length,
      correctPredicted: used.size,
      foundGold: used.size,
    },
    missed,
    spurious,
    pairs,
  };
}

const TYPES: EntityType[] = ['person', 'organization', 'place'];

/** `language` is the document's, as ingest read it: it decides where a gold unit's head noun is. */
export function scoreDocument(
  gold: GoldDocument,
  extraction: Extraction,
  language = 'en',
): DocumentScore {
  const predicted = groupPredictedEntities(extraction);
  const entityCounts = {} as Record<EntityType, Counts>;
  const missedEntities: string[] = [];
  const spuriousEntities: string[] = [];
  const goldWithKeys = gold.entities.map((entity) => ({ entity, keys: goldKeys(entity) }));
  for (const type of TYPES) {
    const p = predicted.filter((e) => e.type === type);
    const g = goldWithKeys.filter((e) => e.entity.type === type);
    const counts = emptyCounts();
    counts.predicted = p.length;
    counts.gold = g.length;
    for (const entity of p) {
      if (g.some((item) => entitiesMatch(entity, item.entity, item.keys)))
        counts.correctPredicted++;
      else spuriousEntities.push(`${type}: ${entity.name} (${entity.surfaces.join(' | ')})`);
    }
    for (const item of g) {
      if (p.some((entity) => entitiesMatch(entity, item.entity, item.keys))) counts.foundGold++;
      else
        missedEntities.push(`${type}: ${item.entity.name} (${item.entity.mentions.join(' | ')})`);
    }
    entityCounts[type] = counts;
  }
  const entities = emptyCounts();
  for (const type of TYPES) addCounts(entities, entityCounts[type]);

  // Only attributed quotations are predictions: the gold lists quotes that have a speaker.
  const quotes = matchOneToOne(
    extraction.quotes.filter((q) => q.speaker !== null),
    gold.quotes,
    (p, g) =>
      quoteOpening(p.text) === quoteOpening(g.text) &&
      namesMatch(p.speaker!, g.speaker, predicted, gold.entities),
  );
  const dates = matchOneToOne(
    extraction.dates,
    gold.dated_events,
    (p, g) => p.value === g.date && p.precision === g.precision,
  );
  const figures = matchFigures(extraction.figures, gold.figures, language);
  const unitDisagreements = figures.pairs
    .filter(([p, g]) => !unitsAgree(p.unit, g.unit, language))
    .map(
      ([p, g]) =>
        `${p.value} “${p.text}”: unit ${p.unit ?? '(none)'}, gold ${g.unit ?? '(none)'} “${g.text ?? ''}”`,
    );
  const predictedSources = uniqueSourceNames(extraction, predicted);
  const sources = matchOneToOne(predictedSources, gold.sources_cited, (p, g) =>
    namesMatch(p, g, predicted, gold.entities),
  );

  return {
    document: gold.document,
    counts: {
      entities,
      quotes: quotes.counts,
      datedEvents: dates.counts,
      figures: figures.counts,
      sourcesCited: sources.counts,
    },
    entityCounts,
    missedEntities,
    spuriousEntities,
    missedQuotes: quotes.missed.map((q) => `${q.speaker}: ${q.text}`),
    spuriousQuotes: quotes.spurious.map((q) => `${q.speaker}: ${q.text.slice(0, 90)}`),
    missedDates: dates.missed.map((d) => `${d.date} (${d.precision}) ${d.what ?? ''}`.trim()),
    spuriousDates: dates.spurious.map((d) => `${d.value} (${d.precision}) “${d.text}”`),
    missedFigures: figures.missed.map((f) => `${f.value} ${f.text ?? ''}`.trim()),
    spuriousFigures: figures.spurious.map((f) => `${f.value} “${f.text}”`),
    figureUnits: {
      matched: figures.pairs.length,
      agree: figures.pairs.length - unitDisagreements.length,
    },
    unitDisagreements,
    missedSources: sources.missed,
    spuriousSources: sources.spurious,
  };
}

type PredictedFigure = Extraction['figures'][number];
type GoldFigure = GoldDocument['figures'][number];

/**
 * Exact values pair first, so 1,007 is not taken by a gold 1,000 that a "1,000" would match. At
 * each step pairs whose units agree go first: when a document has several figures of one value
 * ("two forces", "two entire floors"), the value score does not care which is paired with the
 * gold's, but the unit score would count a disagreement the extractor did not make. The number
 * of exact-value matches cannot change by this; of near-value ones it could only where greedy
 * pairing already depended on order (on both gold sets the counts are what they were).
 */
function matchFigures(
  predicted: PredictedFigure[],
  gold: GoldFigure[],
  language: string,
): {
  counts: Counts;
  missed: GoldFigure[];
  spurious: PredictedFigure[];
  pairs: Array<[PredictedFigure, GoldFigure]>;
} {
  const pairs: Array<[PredictedFigure, GoldFigure]> = [];
  let spurious = predicted;
  let missed = gold;
  const sameValue = (p: PredictedFigure, g: GoldFigure) => p.value === g.value;
  const nearValue = (p: PredictedFigure, g: GoldFigure) => sameNumber(p.value, g.value);
  for (const valueMatch of [sameValue, nearValue])
    for (const needUnit of [true, false]) {
      const step = matchOneToOne(
        spurious,
        missed,
        (p, g) => valueMatch(p, g) && (!needUnit || unitsAgree(p.unit, g.unit, language)),
      );
      pairs.push(...step.pairs);
      spurious = step.spurious;
      missed = step.missed;
    }
  return {
    counts: {
      predicted: predicted.length,
      gold: gold.length,
      correctPredicted: pairs.length,
      foundGold: pairs.length,
    },
    missed,
    spurious,
    pairs,
  };
}

/** Figures compare by value, within 1% (the gold writes a third as 0.333). */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
}

function uniqueSourceNames(extraction: Extraction, predicted: PredictedEntity[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const source of extraction.sourcesCited) {
    const entity = predicted.find((e) => e.name === source.name);
    const key = entity ? `${entity.type}:${entity.name}` : source.name;
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(source.name);
  }
  return names;
}
