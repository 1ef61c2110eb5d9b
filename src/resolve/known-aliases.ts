import knownAliasesFile from './data/known-aliases.json' with { type: 'json' };
import type { EntityType } from './types.js';

/** A name with the other names it goes by, from a curated list (see data/README.md). */
export interface KnownAlias {
  type: EntityType;
  name: string;
  aliases: string[];
}

export const DEFAULT_KNOWN_ALIASES: readonly KnownAlias[] = (
  knownAliasesFile as { entities: KnownAlias[] }
).entities;
