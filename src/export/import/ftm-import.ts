import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CrosscheckError } from '../../core/index.js';
import type { EntityType } from '../../store/index.js';
import { contentIdOfFtmDocument } from '../ftm/ftm-entities.js';
import type { ImportedDocument, ImportedEntity } from './imported-records.js';

interface FtmRecord {
  id: string;
  schema: string;
  properties: Record<string, unknown>;
}

/** FtM schemata that hold a text: the Document family Aleph ingests. */
const DOCUMENT_SCHEMATA = new Set([
  'Document',
  'Article',
  'Email',
  'PlainText',
  'HyperText',
  'Pages',
  'Page',
  'Message',
]);

const ENTITY_SCHEMATA: Record<string, EntityType> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  PublicBody: 'organization',
  LegalEntity: 'organization',
  Address: 'place',
};

/** FtM `language` is ISO 639-3; Crosscheck's languages are ISO 639-1. */
const LANGUAGE_639_1: Record<string, string> = { eng: 'en', spa: 'es' };

const first = (record: FtmRecord, ...names: string[]): string | null => {
  for (const name of names) {
    const values = record.properties[name];
    if (Array.isArray(values) && typeof values[0] === 'string' && values[0] !== '')
      return values[0];
  }
  return null;
};
const all = (record: FtmRecord, name: string): string[] => {
  const values = record.properties[name];
  return Array.isArray(values)
    ? values.filter((v): v is string => typeof v === 'string' && v !== '')
    : [];
};

function toDocument(record: FtmRecord, raw: string): ImportedDocument | null {
  const text = first(record, 'bodyText', 'description', 'summary');
  if (!text) return null;
  const language = first(record, 'language');
  return {
    recordId: record.id,
    contentId: contentIdOfFtmDocument(record.id),
    raw,
    title: first(record, 'title', 'subject', 'name'),
    text,
    language: language ? (LANGUAGE_639_1[language] ?? language) : null,
    publishedAt: first(record, 'publishedAt', 'date', 'authoredAt'),
    byline: first(record, 'author'),
    mimeType: 'application/json',
    metadata: { ftm: { id: record.id, schema: record.schema } },
  };
}

/**
 * Reads FollowTheMoney JSON Lines: the Document family becomes documents (when it holds a body
 * text); people, organisations and addresses become entities with their names and aliases.
 * Mentions, events and notes are recomputed from the documents, not imported.
 */
export async function readFtmLines(file: string) {
  const documents: ImportedDocument[] = [];
  const entities: ImportedEntity[] = [];
  let skipped = 0;
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (raw.trim() === '') continue;
    let record: FtmRecord;
    try {
      record = JSON.parse(raw) as FtmRecord;
    } catch (cause) {
      throw new CrosscheckError('MALFORMED_INPUT', `Line ${line} is not JSON`, {
        file,
        line,
        hint: 'FollowTheMoney entities come one JSON object per line.',
        cause,
      });
    }
    if (typeof record?.id !== 'string' || typeof record.schema !== 'string' || !record.properties) {
      skipped++;
      continue;
    }
    if (DOCUMENT_SCHEMATA.has(record.schema)) {
      const document = toDocument(record, raw);
      if (document) documents.push(document);
      else skipped++;
      continue;
    }
    const type = ENTITY_SCHEMATA[record.schema];
    const names = [...all(record, 'name'), ...all(record, 'alias')];
    if (type && names.length > 0) entities.push({ recordId: record.id, type, names });
    else skipped++;
  }
  return { documents, entities, skipped };
}
