import { contentId, isLanguage, type Language, type TlpLevel } from '../../core/index.js';
import type { ParsedDocument } from '../../ingest/index.js';
import type { EntityType, Store } from '../../store/index.js';

/** A document read from an exchange format, before it becomes a ParsedDocument. */
export interface ImportedDocument {
  /** The record's own id in its file (a STIX id, an FtM id): with the file, its origin. */
  recordId: string;
  /** Crosscheck's content id when the record carries one (it came from a Crosscheck export). */
  contentId: string | null;
  /** The record as read, hashed for an id when it carries none. */
  raw: string;
  title: string | null;
  text: string;
  language: string | null;
  publishedAt: string | null;
  byline: string | null;
  mimeType: string;
  metadata: Record<string, unknown>;
  /** The record's TLP marking, when the format carries one (STIX `object_marking_refs`). */
  tlp?: TlpLevel;
}

/** A named entity read from an exchange format: its names, the first being the preferred one. */
export interface ImportedEntity {
  recordId: string;
  type: EntityType;
  names: string[];
}

export interface ImportSummary {
  documents: number;
  duplicates: number;
  /** Records that are neither documents nor people, organisations or places, or hold no text. */
  skipped: number;
  /** Alias merges recorded as analyst decisions. */
  merges: number;
}

/**
 * A synthetic ParsedDocument for an imported record: kind `json-record`, origin
 * `<file>#<record id>`. A record from a Crosscheck export keeps its content id, so importing it
 * into a store that holds the document adds an origin instead of a copy, and ids stay stable.
 */
export function toParsedDocument(record: ImportedDocument, file: string): ParsedDocument {
  const language: Language =
    record.language && isLanguage(record.language) ? record.language : 'und';
  return {
    id: record.contentId ?? contentId(record.raw),
    kind: 'json-record',
    title: record.title,
    text: record.text,
    language,
    publishedAt: record.publishedAt,
    byline: record.byline,
    mimeType: record.mimeType,
    sizeBytes: Buffer.byteLength(record.raw),
    origin: `${file}#${record.recordId}`,
    email: null,
    intel: null,
    metadata: record.metadata,
  };
}

/**
 * Writes imported documents in one ingest run, and imported entities' aliases as analyst merge
 * decisions.
 *
 * Why decisions: the store has no way to add entities directly. Entities are recomputed from
 * extraction on every resolution, so an entity written in would vanish at the next run. A merge
 * decision (`type:Name` keys) is what survives: it tells every future resolution that these
 * names are one entity, and takes effect as soon as the names occur in the corpus (the
 * imported documents usually carry them). Identical decisions are not recorded twice.
 */
export async function writeImport(
  store: Store,
  file: string,
  documents: ImportedDocument[],
  entities: ImportedEntity[],
  skipped: number,
  analyst: string,
): Promise<ImportSummary> {
  const run = await store.startRun([file]);
  const result = await store.writeBatch({
    runId: run.id,
    items: documents.map((d) => ({
      document: toParsedDocument(d, file),
      parent: null,
      ...(d.tlp ? { tlp: d.tlp } : {}),
    })),
    failures: [],
    completedFiles: [],
  });
  await store.finishRun(run.id, {
    succeeded: result.inserted,
    failed: 0,
    duplicates: result.duplicates,
  });

  const known = new Set(
    (await store.listEntityDecisions())
      .filter((d) => d.kind === 'merge')
      .map((d) => JSON.stringify(d.decision.keys)),
  );
  let merges = 0;
  for (const entity of entities) {
    const keys = [...new Set(entity.names)].map((name) => `${entity.type}:${name}`);
    if (keys.length < 2 || known.has(JSON.stringify(keys))) continue;
    await store.addEntityDecision({
      kind: 'merge',
      decision: { keys },
      analyst,
      at: new Date().toISOString(),
      reason: `aliases imported from ${file} (${entity.recordId})`,
    });
    known.add(JSON.stringify(keys));
    merges++;
  }
  return { documents: result.inserted, duplicates: result.duplicates, skipped, merges };
}
