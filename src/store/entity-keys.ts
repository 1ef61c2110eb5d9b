/*
 * Mention links (a million rows at 100,000 e-mails, and as many index entries) name their entity
 * by an integer key, numbered in entity_keys as resolution writes the entities (in id order); the
 * view mention_entities gives back the id. Reads that group or filter many links use the keys.
 */

/** The key of the entity whose id fills the one `?` slot. */
export const ENTITY_KEY_OF_ID = '(SELECT key FROM entity_keys WHERE entity_id = ?)';

/** Each mention link with its entity's id (migration 14, both stores). */
export const MENTION_ENTITIES_VIEW = `
  CREATE VIEW mention_entities AS
    SELECT m.document_key, m.seq, k.entity_id
    FROM mention_entity_keys m JOIN entity_keys k ON k.key = m.entity_key;`;
