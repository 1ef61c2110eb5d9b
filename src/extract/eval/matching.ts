import { foldForMatch } from '../../core/index.js';
import type { EntityType, Extraction } from '../types.js';
import type { GoldEntity } from './gold.js';

/**
 * The README's comparison key: case folding, accent folding and punctuation stripping. Spaces are
 * removed as well, so "U.S." (→ "u s") and "US" compare equal, as do "Zambada-Niebla" and
 * "Zambada Niebla".
 */
export function matchKey(text: string): string {
  return foldForMatch(text).replace(/ /g, '');
}

/** A predicted entity: the mentions of one document grouped by type and normalized name. */
export interface PredictedEntity {
  type: EntityType;
  name: string;
  surfaces: string[];
  keys: Set<string>;
}

export function groupPredictedEntities(extraction: Extraction): PredictedEntity[] {
  const groups = new Map<string, PredictedEntity>();
  for (const mention of extraction.mentions) {
    const id = `${mention.type}:${matchKey(mention.normalized)}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        type: mention.type,
        name: mention.normalized,
        surfaces: [],
        keys: new Set([matchKey(mention.normalized)]),
      };
      groups.set(id, group);
    }
    if (!group.surfaces.includes(mention.text)) group.surfaces.push(mention.text);
    group.keys.add(matchKey(mention.text));
  }
  return [...groups.values()];
}

export function goldKeys(entity: GoldEntity): Set<string> {
  return new Set([entity.name, ...entity.mentions, ...(entity.also_known_as ?? [])].map(matchKey));
}

export function entitiesMatch(
  predicted: PredictedEntity,
  gold: GoldEntity,
  keys = goldKeys(gold),
): boolean {
  if (predicted.type !== gold.type) return false;
  for (const key of predicted.keys) if (keys.has(key)) return true;
  return false;
}

/**
 * Does a predicted name (a quote's speaker, a cited source) denote the gold name? Both sides are
 * widened to their entity's surface forms when the name belongs to an entity of the document.
 */
export function namesMatch(
  predictedName: string,
  goldName: string,
  predicted: PredictedEntity[],
  gold: GoldEntity[],
): boolean {
  const predictedKey = matchKey(predictedName);
  const predictedKeys = new Set([predictedKey]);
  for (const entity of predicted)
    if (entity.keys.has(predictedKey) && matchKey(entity.name) === predictedKey)
      for (const k of entity.keys) predictedKeys.add(k);
  const goldKey = matchKey(goldName);
  const goldSide = new Set([goldKey]);
  for (const entity of gold) {
    const keys = goldKeys(entity);
    if (matchKey(entity.name) === goldKey || keys.has(goldKey))
      for (const k of keys) goldSide.add(k);
  }
  for (const key of predictedKeys) if (goldSide.has(key)) return true;
  return false;
}

/** The first eight words of a quotation, folded: the README's quote comparison. */
export function quoteOpening(text: string): string {
  return foldForMatch(text).split(' ').filter(Boolean).slice(0, 8).join(' ');
}
