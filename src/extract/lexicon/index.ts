import { foldForMatch } from '../../core/index.js';
import { AliasTrie } from './alias-trie.js';
import { buildAliasRecords, type LexiconEntry } from './entries.js';

export type { LexiconEntry } from './entries.js';
export type { AliasHit, AliasMatch } from './alias-trie.js';

/** The curated lists, compiled once: an alias trie plus the cartel-stem table. */
export interface Lexicon {
  trie: AliasTrie;
  /** foldForMatch(stem) → cartel ("sinaloa" → Sinaloa Cartel). */
  cartelStems: Map<string, LexiconEntry>;
  /** foldForMatch(alias or name) → entries, for look-ups outside the trie. */
  byAlias: Map<string, LexiconEntry[]>;
  /** The same with spaces removed, for web handles ("codigomagenta" → Código Magenta). */
  bySquashedAlias: Map<string, LexiconEntry[]>;
}

let compiled: Lexicon | null = null;

export function getLexicon(): Lexicon {
  if (compiled) return compiled;
  const records = buildAliasRecords();
  const cartelStems = new Map<string, LexiconEntry>();
  const byAlias = new Map<string, LexiconEntry[]>();
  for (const record of records) {
    const key = foldForMatch(record.alias);
    if (record.stem) {
      cartelStems.set(key, record.entry);
      continue;
    }
    const list = byAlias.get(key) ?? [];
    if (!list.includes(record.entry)) list.push(record.entry);
    byAlias.set(key, list);
  }
  const bySquashedAlias = new Map<string, LexiconEntry[]>();
  for (const [key, entries] of byAlias) {
    const squashed = key.replace(/ /g, '');
    bySquashedAlias.set(squashed, [...(bySquashedAlias.get(squashed) ?? []), ...entries]);
  }
  compiled = { trie: new AliasTrie(records), cartelStems, byAlias, bySquashedAlias };
  return compiled;
}
