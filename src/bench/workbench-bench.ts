import { buildServer } from '../api/index.js';
import { openStore, type Store } from '../store/index.js';
import { round, type BenchRow } from './measure.js';
import { preparedStore, type StoreBenchOptions } from './prepared-store.js';
import { runStage } from './stage-runner.js';

/** One page read of the workbench: what the browser asks for when an analyst opens a page. */
export interface WorkbenchRead {
  label: string;
  path: string;
}

/**
 * The reads behind the workbench's pages, aimed at the heaviest subjects the store holds: the
 * most mentioned name and entity, the most carried claim and its earliest carrier. Those are the
 * pages that were slow at 100,000 e-mails (a corpus-wide name's entity page took 284 s, the
 * claims list answered 121 MB), so they are the ones to keep measuring.
 */
export async function workbenchReads(store: Store): Promise<WorkbenchRead[]> {
  const [name] = (await store.listEntities({ limit: 1 })).entities;
  const [entity] = (await store.listResolvedEntities({ limit: 1 })).entities;
  const [claim] = (await store.listClaimClusters({ limit: 1 })).clusters;
  // The earliest carrier of the most carried claim: the document the claim's page leads to first.
  const documentId = claim?.documents[0]?.id;
  const reads: WorkbenchRead[] = [
    { label: 'stats', path: '/api/stats' },
    { label: 'search', path: '/api/search?q=Sinaloa' },
    { label: 'entities list', path: '/api/entities?limit=50' },
    { label: 'entities list, name pattern', path: '/api/entities?limit=50&q=juarez' },
    { label: 'link chart', path: '/api/graph' },
    { label: 'resolved entities list', path: '/api/resolved-entities?limit=50' },
    { label: 'claims list', path: '/api/claims?limit=50' },
    { label: 'hypotheses', path: '/api/hypotheses' },
    { label: 'places', path: '/api/places' },
    { label: 'timeline', path: '/api/timeline' },
  ];
  if (name) {
    const path = `/api/entities/${name.type}/${encodeURIComponent(name.name)}`;
    reads.push({ label: 'name page (most mentioned)', path });
  }
  if (entity) {
    const path = `/api/resolved-entities/${encodeURIComponent(entity.id)}`;
    reads.push({ label: 'entity page (most documents)', path });
  }
  if (claim) {
    // As the web's claim page asks (CLAIM_PAGE_LISTS in src/web/api/client.ts), and whole.
    reads.push(
      { label: 'claim page (most carried)', path: `/api/claims/${claim.id}?first=200` },
      { label: 'claim whole (most carried)', path: `/api/claims/${claim.id}` },
    );
  }
  if (documentId) {
    reads.push(
      { label: 'document (first of that claim)', path: `/api/documents/${documentId}` },
      { label: 'document reuse', path: `/api/documents/${documentId}/reuse` },
      { label: 'document claims', path: `/api/claims?document=${documentId}&limit=200` },
    );
  }
  return reads;
}

/**
 * Each workbench read served by the API as `crosscheck serve` runs it: the median time of
 * `rounds` requests after one to warm up, and the response's size. One request at a time: this
 * is the wait of one analyst opening a page, not throughput (the load part measures that).
 */
export async function timeWorkbenchReads(
  store: Store,
  reads: readonly WorkbenchRead[],
  options: { rounds: number; log: (line: string) => void },
): Promise<BenchRow[]> {
  const app = await buildServer({ store, webRoot: null });
  const rows: BenchRow[] = [];
  try {
    for (const { label, path } of reads) {
      const times: number[] = [];
      let bytes = 0;
      for (let round = 0; round <= options.rounds; round++) {
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: path });
        const ms = performance.now() - started;
        if (response.statusCode !== 200) {
          throw new Error(
            `${path} answered ${response.statusCode}: ${response.body.slice(0, 200)}`,
          );
        }
        bytes = response.rawPayload.length;
        if (round > 0) times.push(ms);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      options.log(`  workbench: ${label} ${median.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KB`);
      rows.push(
        { part: 'workbench', metric: `${label} time`, value: round(median, 1), unit: 'ms' },
        { part: 'workbench', metric: `${label} size`, value: round(bytes / 1024, 1), unit: 'KB' },
      );
    }
  } finally {
    await app.close();
  }
  return rows;
}

/**
 * The workbench part: its reads over an analysed store, `location` as it is, or the generated
 * corpus ingested, extracted (cached, see preparedStore) and analysed first.
 */
export async function benchWorkbench(
  options: StoreBenchOptions & { rounds: number; location?: string },
): Promise<BenchRow[]> {
  const prepared = options.location ? null : await preparedStore({ ...options, upTo: 'extract' });
  try {
    const file = options.location ?? prepared!.path;
    if (prepared) {
      options.log('  workbench: analysing the extracted store …');
      await runStage({ stage: 'analyze', store: file });
    }
    const store = await openStore(file, { searchWorkers: 2, searchCacheEntries: 0 });
    try {
      const documents = (await store.stats()).documents;
      return [
        { part: 'workbench', metric: 'documents', value: documents, unit: 'docs' },
        ...(await timeWorkbenchReads(store, await workbenchReads(store), options)),
      ];
    } finally {
      await store.close();
    }
  } finally {
    prepared?.dispose();
  }
}
