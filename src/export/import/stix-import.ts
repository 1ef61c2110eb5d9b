import { readFile } from 'node:fs/promises';
import { CrosscheckError, stricterTlp, type TlpLevel } from '../../core/index.js';
import type { EntityType } from '../../store/index.js';
import { tlpOfMarkingId } from '../stix/tlp.js';
import type { ImportedDocument, ImportedEntity } from './imported-records.js';

type StixRecord = Record<string, unknown> & { type: string; id: string };

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

/** What a STIX identity or location is, in Crosscheck's terms; null for anything else. */
function entityType(object: StixRecord): EntityType | null {
  if (object.type === 'location') return 'place';
  if (object.type !== 'identity') return null;
  if (object.identity_class === 'individual') return 'person';
  if (object.identity_class === 'organization' || object.identity_class === 'group') {
    return 'organization';
  }
  return null;
}

/** The strictest TLP level among an object's markings (TLP 1.0 or 2.0 ids); none → undefined. */
function markingOf(object: StixRecord): TlpLevel | undefined {
  const levels = strings(object.object_marking_refs).flatMap((id) => tlpOfMarkingId(id) ?? []);
  return levels.length > 0 ? levels.reduce(stricterTlp) : undefined;
}

/** A report is a document: its description is the text (a Crosscheck export puts it there). */
function reportDocument(object: StixRecord): ImportedDocument | null {
  const text = str(object.description) ?? str(object.name);
  if (!text) return null;
  const ownExport = typeof object.x_crosscheck_content_id === 'string';
  const contentId =
    ownExport && /^[0-9a-f]{64}$/.test(object.x_crosscheck_content_id as string)
      ? (object.x_crosscheck_content_id as string)
      : null;
  return {
    recordId: object.id,
    contentId,
    raw: JSON.stringify(object),
    // A Crosscheck report names an untitled document after its origin; the title says which.
    title: ownExport ? str(object.x_crosscheck_title) : str(object.name),
    text,
    language: str(object.lang),
    publishedAt: object.x_crosscheck_published_unknown === true ? null : str(object.published),
    byline: str(object.x_crosscheck_byline),
    mimeType: 'application/stix+json',
    tlp: markingOf(object),
    metadata: {
      stix: {
        id: object.id,
        created_by_ref: object.created_by_ref,
        external_references: object.external_references,
      },
    },
  };
}

/**
 * Reads a STIX 2.1 bundle: reports become documents; identities (individuals, organisations)
 * and locations become entities with their names (`x_crosscheck_aliases` when Crosscheck wrote
 * them). Notes, opinions and relationships are Crosscheck's own analysis: it is recomputed from
 * the documents, not imported.
 */
export async function readStixBundle(file: string) {
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new CrosscheckError('MALFORMED_INPUT', `Not a JSON STIX bundle: ${String(cause)}`, {
      file,
      hint: 'Export the bundle as STIX 2.1 JSON.',
      cause,
    });
  }
  const objects = (bundle as { type?: unknown; objects?: unknown }).objects;
  if ((bundle as { type?: unknown }).type !== 'bundle' || !Array.isArray(objects)) {
    throw new CrosscheckError(
      'MALFORMED_INPUT',
      'Not a STIX bundle (no "type": "bundle" with "objects")',
      {
        file,
        hint: 'Import a STIX 2.1 bundle, the JSON object holding an "objects" list.',
      },
    );
  }
  const documents: ImportedDocument[] = [];
  const entities: ImportedEntity[] = [];
  let skipped = 0;
  for (const object of objects as StixRecord[]) {
    if (typeof object?.type !== 'string' || typeof object.id !== 'string') {
      skipped++;
      continue;
    }
    if (object.type === 'report') {
      const document = reportDocument(object);
      if (document) documents.push(document);
      else skipped++;
      continue;
    }
    const type = entityType(object);
    const name = str(object.name);
    if (type && name) {
      entities.push({
        recordId: object.id,
        type,
        names: [name, ...strings(object.x_crosscheck_aliases), ...strings(object.aliases)],
      });
    } else if (
      !['marking-definition', 'note', 'opinion', 'relationship', 'sighting', 'identity'].includes(
        object.type,
      )
    ) {
      skipped++;
    }
  }
  return { documents, entities, skipped };
}
