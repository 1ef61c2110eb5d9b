/**
 * Test support other stages' tests may use (ESLint allows `pipeline/testing.js` beside
 * `pipeline/index.js`); the build leaves it out.
 */
import { resolve } from 'node:path';
import { defaultIngestOptions } from '../ingest/index.js';
import { openStore, type Store } from '../store/index.js';
import { runAnalysis } from './analyze.js';
import { runExtraction } from './extract-run.js';
import { runIngest } from './ingest-run.js';

/** The bundled sample corpus: the news, e-mails and tables `npm start` ingests. */
export const SAMPLE_CORPUS = resolve(import.meta.dirname, '../../sample/corpus');

/**
 * A SQLite store at `file` holding the sample corpus as `npm start` leaves it: ingested (without
 * OCR, which the sample does not need), extracted and analysed. Takes some seconds.
 */
export async function analysedSampleStore(file: string): Promise<Store> {
  const store = await openStore(file);
  await runIngest(store, [SAMPLE_CORPUS], { ingest: { ...defaultIngestOptions(), ocr: false } });
  await runExtraction(store, { workers: 1 });
  await runAnalysis(store);
  return store;
}
