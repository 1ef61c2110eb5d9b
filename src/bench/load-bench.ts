import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { defaultIngestOptions } from '../ingest/index.js';
import { runIngest } from '../pipeline/index.js';
import { openStore, postgresSettings } from '../store/index.js';
import { createBenchDatabase } from './bench-database.js';
import { corpusFolder } from './corpus-cache.js';
import type { CorpusFormat } from './corpus/index.js';
import { documentPaths, searchPaths } from './load-queries.js';
import { machineLoad, percentiles, round, type BenchRow } from './measure.js';
import { preparedStore } from './prepared-store.js';

const LOAD_SERVER = fileURLToPath(new URL('./load-server.js', import.meta.url));

export type LoadStore = 'sqlite' | 'postgres';

export interface LoadBenchOptions {
  docs: number;
  seed: number;
  format: CorpusFormat;
  stores: LoadStore[];
  /** Seconds per scenario. */
  duration: number;
  connections: number;
  /** The rate the fixed-rate search scenario asks for (the target: 200 searches/s). */
  rate: number;
  fresh: boolean;
  /** The server's search cache (on, as `crosscheck serve` runs it), or every search computed. */
  cache: boolean;
  /** SQLite search threads beside the server (as `crosscheck serve --search-workers`). */
  searchWorkers: number;
  /** An existing store to drive as it is (nothing ingested, nothing dropped afterwards). */
  location?: string;
  log: (line: string) => void;
}

interface Scenario {
  name: string;
  paths: string[];
  /** Requests per second across all connections; unset: as fast as the server answers. */
  rate?: number;
}

/** Starts the API server in its own process and resolves with its address. */
async function startServer(
  location: string,
  options: Pick<LoadBenchOptions, 'cache' | 'searchWorkers'>,
): Promise<{ address: string; child: ChildProcess; lines: AsyncIterator<string> }> {
  // With the cache on, the store's own default size, as `crosscheck serve` runs it.
  const settings = JSON.stringify({
    searchWorkers: options.searchWorkers,
    ...(!options.cache && { searchCacheEntries: 0 }),
  });
  const child = spawn(process.execPath, [LOAD_SERVER, location, settings], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('The API server exited before listening; see the log above.');
  return { address: (JSON.parse(first.value) as { address: string }).address, child, lines };
}

async function stopServer(server: { child: ChildProcess; lines: AsyncIterator<string> }) {
  server.child.kill('SIGTERM');
  const last = await server.lines.next();
  return last.done ? NaN : (JSON.parse(last.value) as { peakRssMB: number }).peakRssMB;
}

/** One bounded autocannon run; every response time recorded, so the percentiles are exact. */
async function fire(address: string, scenario: Scenario, seconds: number, connections: number) {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: address,
    connections,
    duration: seconds,
    timeout: 10,
    ...(scenario.rate !== undefined && { overallRate: scenario.rate }),
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: scenario.paths[next++ % scenario.paths.length]!,
        }),
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  return { result, latencies };
}

/** About `count` document ids spread over the whole store, and how many documents it holds. */
async function sampleIds(
  location: string,
  count: number,
): Promise<{ ids: string[]; total: number }> {
  const store = await openStore(location);
  try {
    const ids: string[] = [];
    for await (const document of store.iterateDocuments({ batchSize: 1000 })) ids.push(document.id);
    // Spread over the whole store, not its first rows: reads of cold pages are part of the load.
    const step = Math.max(1, Math.floor(ids.length / count));
    return { ids: ids.filter((_, i) => i % step === 0), total: ids.length };
  } finally {
    await store.close();
  }
}

async function loadOneStore(kind: LoadStore, options: LoadBenchOptions): Promise<BenchRow[]> {
  const part = `load ${kind}`;
  const rows: BenchRow[] = [];
  let location: string;
  let cleanup: () => Promise<void> | void;
  if (options.location) {
    location = options.location;
    cleanup = () => {};
  } else if (kind === 'sqlite') {
    const prepared = await preparedStore({ ...options, upTo: 'ingest' });
    location = prepared.path;
    cleanup = prepared.dispose;
  } else {
    const database = await createBenchDatabase();
    location = database.url;
    cleanup = () => database.drop();
  }
  try {
    if (kind === 'postgres' && !options.location) {
      const folder = await corpusFolder(options.docs, options.seed, options.format, options.log);
      options.log(`  load: ingesting ${options.docs} documents into PostgreSQL …`);
      const store = await openStore(location);
      try {
        const summary = await runIngest(store, [folder], { ingest: defaultIngestOptions() });
        rows.push(
          { part, metric: 'ingest time', value: round(summary.seconds, 1), unit: 's' },
          {
            part,
            metric: 'ingest throughput',
            value: round(summary.stored / summary.seconds),
            unit: 'docs/s',
          },
        );
      } finally {
        await store.close();
      }
    }
    const { ids, total } = await sampleIds(location, 10_000);
    rows.push({ part, metric: 'documents in the store', value: total, unit: 'docs' });
    if (kind === 'postgres') {
      // PostgreSQL's memory settings move these figures: the defaults, or the deployment guide's.
      for (const [name, value] of Object.entries(await postgresSettings(location))) {
        rows.push({ part, metric: `server ${name}`, value, unit: '' });
      }
    }
    const search = searchPaths(20_000, options.seed, { filtered: 0.3, facets: 0.25 });
    const scenarios: Scenario[] = [
      { name: 'search, max', paths: search },
      { name: `search at ${options.rate}/s`, paths: search, rate: options.rate },
      { name: 'document read, max', paths: documentPaths(ids, 20_000, options.seed) },
    ];
    const server = await startServer(location, options);
    try {
      options.log(`  load ${kind}: warming up (5 s of searches) …`);
      await fire(
        server.address,
        { name: 'warm-up', paths: search.slice(-2000) },
        5,
        options.connections,
      );
      for (const scenario of scenarios) {
        const loadBefore = machineLoad(loadavg());
        const { result, latencies } = await fire(
          server.address,
          scenario,
          options.duration,
          options.connections,
        );
        const p = percentiles(latencies);
        const throughput = latencies.length / result.duration;
        options.log(
          `  load ${kind}: ${scenario.name}: ${round(throughput)} req/s, p50 ${round(p.p50)} / p95 ${round(p.p95)} / p99 ${round(p.p99)} ms, ${result.errors} errors, ${result.non2xx} non-2xx (load ${loadBefore})`,
        );
        const m = (metric: string, value: number | string, unit: string) =>
          rows.push({ part, metric: `${scenario.name}: ${metric}`, value, unit });
        m('responses', latencies.length, 'requests');
        m('throughput', round(throughput), 'req/s');
        m('latency p50', round(p.p50, 1), 'ms');
        m('latency p95', round(p.p95, 1), 'ms');
        m('latency p99', round(p.p99, 1), 'ms');
        m('errors (incl. timeouts)', result.errors, 'requests');
        m('non-2xx', result.non2xx, 'responses');
        m('machine load before', loadBefore, '1/5/15 min');
      }
    } finally {
      const serverPeak = await stopServer(server);
      rows.push({ part, metric: 'server peak rss', value: round(serverPeak), unit: 'MB' });
    }
    rows.push({ part, metric: 'connections', value: options.connections, unit: '' });
    rows.push({ part, metric: 'search cache', value: options.cache ? 'on' : 'off', unit: '' });
    if (kind === 'sqlite') {
      rows.push({ part, metric: 'search threads', value: options.searchWorkers, unit: '' });
    }
    return rows;
  } finally {
    await cleanup();
  }
}

/**
 * The HTTP API under load on loopback, per store: searches as fast as the server answers them,
 * searches at the target rate, and document reads, each for a bounded time, with the
 * server in its own process and autocannon driving it.
 */
export async function benchLoad(options: LoadBenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const kind of options.stores) rows.push(...(await loadOneStore(kind, options)));
  return rows;
}
