export {
  runIngest,
  type IngestProgress,
  type IngestRunOptions,
  type IngestSummary,
} from './ingest-run.js';
