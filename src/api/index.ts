export { buildServer, DEFAULT_MAX_UPLOAD_BYTES, type ServerOptions } from './server.js';
export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export type { ApiErrorBody, ApiErrorCode } from './errors.js';
export type { IngestJob, JobStatus } from './ingest-jobs.js';
