import { availableParallelism } from 'node:os';
import type { RateLimitOptions } from '../api/index.js';
import type { Language } from '../core/index.js';
import type { ExportFormat, ImportFormat } from '../export/index.js';
import type { DocumentKind } from '../ingest/index.js';

/**
 * Copies of other stages' constants that the command declarations show in `--help` and use as
 * option defaults. They live here so that declaring the commands loads none of those stages (the
 * queue's index alone pulls in BullMQ, the API's Fastify, the ingest stage's language detection);
 * declared-defaults.test.ts checks that every copy still equals its original.
 */

/** core: SUPPORTED_LANGUAGES. */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const satisfies readonly Language[];

/** ingest: DOCUMENT_KINDS. */
export const DOCUMENT_KINDS = [
  'text',
  'markdown',
  'html',
  'email',
  'pdf',
  'table-row',
  'json-record',
  'attachment',
] as const satisfies readonly DocumentKind[];

/** export: EXPORT_FORMATS and IMPORT_FORMATS. */
export const EXPORT_FORMATS = [
  'stix',
  'ftm',
  'claimreview',
  'gexf',
  'graphml',
  'csv',
  'brief',
] as const satisfies readonly ExportFormat[];
export const IMPORT_FORMATS = ['stix', 'ftm'] as const satisfies readonly ImportFormat[];

/** queue: DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX and DEFAULT_ATTEMPTS. */
export const DEFAULT_QUEUE_NAME = 'crosscheck';
export const DEFAULT_QUEUE_PREFIX = 'crosscheck';
export const DEFAULT_ATTEMPTS = 3;

/** api: DEFAULT_SEARCH_WORKERS (the same formula, so it matches on every machine) and DEFAULT_RATE_LIMIT. */
export const DEFAULT_SEARCH_WORKERS = Math.min(2, availableParallelism());
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindow: 60_000 };
