import type { EntityType } from '../api/analysis-types';

/**
 * How the UI names an entity. Today that is its type and normalised name, as extraction gives
 * them; once mentions are resolved into canonical entities this becomes (or gains) an entity id,
 * and only this file, the router and the API client need to change.
 */
export interface EntityRef {
  type: EntityType;
  name: string;
}

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

export const ENTITY_TYPE_NAMES: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
};

export const ENTITY_TYPE_PLURALS: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
};

export function isEntityType(value: string | null | undefined): value is EntityType {
  return ENTITY_TYPES.includes(value as EntityType);
}

/** A stable string key for maps and React lists. */
export const entityKey = (ref: EntityRef) => `${ref.type}:${ref.name}`;
