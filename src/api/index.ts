export {
  buildServer,
  DEFAULT_MAX_UPLOAD_BYTES,
  type MultiUserOptions,
  type ServerOptions,
} from './server.js';
export {
  collectionStores,
  DEFAULT_SEARCH_WORKERS,
  type CollectionStores,
} from './auth/collection-stores.js';
export { DEFAULT_RATE_LIMIT, COLLECTION_HEADER, type RateLimitOptions } from './auth/guard.js';
export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export type { ApiErrorBody, ApiErrorCode } from './errors.js';
export type { IngestJob, JobStatus } from './ingest-jobs.js';
