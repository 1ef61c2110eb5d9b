import type { EntityType } from '../api/analysis-types';
import { ENTITY_TYPE_NAMES } from './entity-ref';

/** The entity's type in its highlight colour, so lists read like the reader's marks. */
export function TypeBadge({ type }: { type: EntityType }) {
  return <span className={`type-badge hl-${type}`}>{ENTITY_TYPE_NAMES[type]}</span>;
}
