/*
 * Mention links (2 million rows at 100,000 e-mails, and as many index entries) and the documents
 * each name was seen in (as many) name their entity by an integer key, numbered in entity_keys as
 * resolution writes the entities (in id order), and a name by its place in entity_aliases. The
 * views mention_entities and entity_alias_documents give back the id and the name. Reads that
 * group or filter many links use the keys.
 */

/** The key of the entity whose id fills the one `?` slot. */
export const ENTITY_KEY_OF_ID = '(SELECT key FROM entity_keys WHERE entity_id = ?)';

/** The number of an entity's name: `?` the entity's id, `?` the name. */
export const ALIAS_SEQ_OF_NAME =
  '(SELECT seq FROM entity_aliases WHERE entity_id = ? AND name = ?)';

/** Each mention link with its entity's id (migration 14, both stores). */
export const MENTION_ENTITIES_VIEW = `
  CREATE VIEW mention_entities AS
    SELECT m.document_key, m.seq, k.entity_id
    FROM mention_entity_keys m JOIN entity_keys k ON k.key = m.entity_key;`;

/** Each name's documents with the entity's id and the name (migration 15, both stores). */
export const ENTITY_ALIAS_DOCUMENTS_VIEW = `
  CREATE VIEW entity_alias_documents AS
    SELECT k.entity_id, a.name, x.document_key
    FROM alias_document_keys x
    JOIN entity_keys k ON k.key = x.entity_key
    JOIN entity_aliases a ON a.entity_id = k.entity_id AND a.seq = x.alias_seq;`;
