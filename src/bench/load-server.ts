/**
 * The API server for the load benchmark, in a process of its own so the load generator does
 * not share its event loop: `node load-server.js <store location> [settings]`. Prints
 * `{"address": …}` when listening; on SIGTERM closes, prints its peak memory, and exits.
 */
import { buildServer } from '../api/index.js';
import { openStore, type OpenStoreOptions } from '../store/index.js';
import { peakRssMB } from './measure.js';

const location = process.argv[2];
if (!location) throw new Error('usage: load-server.js <store location> [settings JSON]');
/** As `crosscheck serve` opens its store: search threads and cache, unless the bench says not. */
const settings = JSON.parse(process.argv[3] ?? '{}') as OpenStoreOptions;
const store = await openStore(location, settings);
const app = await buildServer({ store, webRoot: null });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ address })}\n`);
process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await store.close();
    process.stdout.write(`${JSON.stringify({ peakRssMB: peakRssMB() })}\n`);
    process.exit(0);
  })();
});
