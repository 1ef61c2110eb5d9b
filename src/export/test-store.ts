import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultIngestOptions } from '../ingest/index.js';
import { runAnalysis, runExtraction, runIngest } from '../pipeline/index.js';
import { openStore, type Store } from '../store/index.js';

/** The repository root, from this file's place in it. */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Third-party seed articles: read in place, never copied into the repository. */
export const SEED_CORPUS = resolve(REPO_ROOT, '../shared/corpus/seeds');
export const SAMPLE_CORPUS = resolve(REPO_ROOT, 'sample/corpus');

/** Document text is hostile: markup, ampersands and both quotes, in the title and the body. */
export const HOSTILE_TITLE = `Cartel <script>alert("x")</script> & 'Los <Zetas>' ]]> --> leak`;
const HOSTILE_DOCUMENT = `# ${HOSTILE_TITLE}

Joaquín Guzmán met the Sinaloa Cartel's accountants in Culiacán on 3 March 2011, according to
the Border Ledger. "We pay <b>everyone</b> & nobody talks," Joaquín Guzmán said.
`;

/**
 * A real SQLite store filled by the pipeline, as `crosscheck ingest` would: the team's sample
 * corpus, the seed articles and one hostile document, extracted and analysed.
 */
export async function buildTestStore(options: { hostile?: boolean } = {}): Promise<Store> {
  const store = await openStore(':memory:');
  const inputs = [SAMPLE_CORPUS, SEED_CORPUS];
  if (options.hostile ?? true) {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-export-'));
    writeFileSync(join(dir, 'hostile.md'), HOSTILE_DOCUMENT);
    inputs.push(dir);
  }
  await runIngest(store, inputs, { ingest: defaultIngestOptions(), parseWorkers: 0 });
  await runExtraction(store, { workers: 0 });
  await runAnalysis(store);
  return store;
}
