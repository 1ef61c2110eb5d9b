import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { benchAll } from './combined-bench.js';
import { formatCombinedReport } from './combined-report.js';
import { CORPUS_FORMATS } from './corpus/index.js';
import { BENCH_DIR } from './corpus-cache.js';
import { benchExtract } from './extract-bench.js';
import { benchIngest } from './ingest-bench.js';
import { benchResolve } from './resolve-bench.js';
import { benchReuse } from './reuse-bench.js';
import { machineLoad, type BenchRow } from './measure.js';
import { benchSearch } from './search-bench.js';
import { benchWorkbench } from './workbench-bench.js';
import { computeSlopes } from './slopes.js';
import { DEFAULT_STAGES, STAGES } from './stage-figures.js';
import { formatTable } from './table.js';

/** The load part's stores; autocannon itself is imported only when the load part runs. */
const LOAD_STORES = ['sqlite', 'postgres'] as const;

const PARTS = [
  'ingest',
  'extract',
  'resolve',
  'reuse',
  'search',
  'api',
  'workbench',
  'load',
  'all',
] as const;

const Flags = z.object({
  docs: z.coerce.number().int().positive(),
  seed: z.coerce.number().int(),
  format: z.enum(CORPUS_FORMATS),
  rounds: z.coerce.number().int().positive(),
  reads: z.coerce.number().int().positive(),
  /** `--json` alone prints JSON instead of a table; `--json FILE` writes it to FILE as well. */
  json: z.union([z.boolean(), z.string().min(1)]).default(false),
  store: z.enum([...LOAD_STORES, 'both']),
  duration: z.coerce.number().positive(),
  connections: z.coerce.number().int().positive(),
  rate: z.coerce.number().positive(),
  sizes: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'expected sizes like 10000,100000')
    .transform((s) => s.split(',').map(Number))
    .optional(),
  fresh: z.boolean().default(false),
  reuseStage: z.boolean().default(false),
  cache: z.boolean().default(true),
  searchWorkers: z.coerce.number().int().min(0).default(2),
  parseWorkers: z.coerce.number().int().min(0).optional(),
  stages: z
    .string()
    .transform((list) => list.split(','))
    .pipe(z.array(z.enum(STAGES)))
    .refine((chosen) => chosen.includes('ingest'), 'the stages start with ingest')
    // Pipeline order whatever the order given: each stage works on what the one before left.
    .transform((chosen) => STAGES.filter((stage) => chosen.includes(stage)))
    .optional(),
  batchSize: z.coerce.number().int().positive().optional(),
  location: z.string().min(1).optional(),
});

function printRows(rows: BenchRow[]): void {
  console.log(
    formatTable(
      ['part', 'metric', 'value', 'unit'],
      rows.map((r) => [r.part, r.metric, r.value, r.unit]),
    ),
  );
}

const program = new Command('bench')
  .description('Measure Crosscheck: prints a table and writes bench-output/bench-<time>.json')
  .argument('[parts...]', `what to measure: ${PARTS.join(', ')} (default: all, one combined table)`)
  .option('--docs <n>', 'documents in the generated corpus', '100000')
  .option('--sizes <list>', 'all: corpus sizes to run, comma-separated (default: --docs)')
  .option(
    '--stages <list>',
    `all: the stages to run, comma-separated, ingest first, of ${STAGES.join(',')} (default: ${DEFAULT_STAGES.join(',')})`,
  )
  .option('--seed <n>', 'generator seed', '1')
  .option('--format <format>', `corpus layout (${CORPUS_FORMATS.join(', ')})`, 'eml')
  .option('--rounds <n>', 'search: times each query is run', '20')
  .option('--reads <n>', 'workbench: times each page is read, after one to warm up', '3')
  .option('--store <kind>', 'load: sqlite, postgres or both', 'both')
  .option('--duration <s>', 'load: seconds per scenario', '30')
  .option('--connections <n>', 'load: concurrent connections', '10')
  .option('--rate <n>', 'load: requests/s of the fixed-rate search scenario', '200')
  .option('--parse-workers <n>', 'ingest: parse worker threads (default: the pipeline default)')
  .option('--batch-size <n>', 'ingest: documents per transaction (default: the pipeline default)')
  .option('--fresh', 'resolve, load: rebuild the cached ingested/extracted store')
  .option(
    '--reuse-stage',
    'reuse: also run the pipeline’s reuse stage on the generated corpus (extracted store, cached)',
  )
  .option('--no-cache', 'load: turn the server’s search cache off (every search computed)')
  .option('--search-workers <n>', 'load: SQLite search threads beside the server', '2')
  .option(
    '--location <store>',
    'load, search, workbench: an existing store to drive (load: a SQLite file or postgres:// URL; search: a SQLite file; workbench: an analysed one) instead of ingesting the generated corpus',
  )
  .option('--json [file]', 'print JSON instead of a table, or with a file, also write it there')
  .action(async (parts: string[], raw: Record<string, unknown>) => {
    const flags = Flags.parse(raw);
    const chosen = parts.length ? parts : ['all'];
    const unknown = chosen.filter((p) => !(PARTS as readonly string[]).includes(p));
    if (unknown.length)
      throw new Error(`Unknown part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
    if (chosen.includes('all') && chosen.length > 1)
      throw new Error('`all` runs every stage itself: give it alone.');
    mkdirSync(BENCH_DIR, { recursive: true });
    const log = (line: string) => console.error(line);
    const base = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAtStart: machineLoad(loadavg()),
      options: flags,
    };
    let record: object;
    let printed: string;
    if (chosen[0] === 'all') {
      const sizes = flags.sizes ?? [flags.docs];
      const results = await benchAll({
        ...flags,
        sizes,
        stages: flags.stages ?? [...DEFAULT_STAGES],
        log,
      });
      record = { ...base, results, slopes: computeSlopes(results) };
      printed = formatCombinedReport(results);
    } else {
      const rows: BenchRow[] = [];
      for (const part of chosen) {
        if (part === 'ingest') rows.push(...(await benchIngest({ ...flags, log })));
        if (part === 'extract') rows.push(...(await benchExtract({ ...flags, log })));
        if (part === 'resolve') rows.push(...(await benchResolve({ ...flags, log })));
        if (part === 'reuse')
          rows.push(...(await benchReuse({ ...flags, stage: flags.reuseStage, log })));
        // The API is measured over the store the search part builds: one ingest for both.
        if (part === 'search')
          rows.push(...(await benchSearch({ ...flags, api: chosen.includes('api'), log })));
        if (part === 'api' && !chosen.includes('search')) {
          rows.push(
            ...(await benchSearch({ ...flags, api: true, log })).filter((r) => r.part === 'api'),
          );
        }
        if (part === 'workbench') {
          rows.push(...(await benchWorkbench({ ...flags, rounds: flags.reads, log })));
        }
        if (part === 'load') {
          if (flags.location && flags.store === 'both')
            throw new Error('--location drives one store: say which with --store sqlite|postgres.');
          const stores = flags.store === 'both' ? [...LOAD_STORES] : [flags.store];
          // Imported here so the other parts' memory figures do not carry the load generator.
          const { benchLoad } = await import('./load-bench.js');
          rows.push(...(await benchLoad({ ...flags, stores, log })));
        }
      }
      record = { ...base, loadAtEnd: machineLoad(loadavg()), rows };
      printed = '';
      if (flags.json === false || typeof flags.json === 'string') {
        printRows(rows);
      }
    }
    const file = join(BENCH_DIR, `bench-${base.at.replace(/[:.]/g, '-')}.json`);
    const json = `${JSON.stringify(record, null, 2)}\n`;
    writeFileSync(file, json);
    if (typeof flags.json === 'string') writeFileSync(resolve(flags.json), json);
    if (flags.json === true) console.log(json.trimEnd());
    else if (printed) console.log(printed);
    console.error(
      `(written to ${file}${typeof flags.json === 'string' ? ` and ${flags.json}` : ''})`,
    );
  });

await program.parseAsync(process.argv);
