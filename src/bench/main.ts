import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { CORPUS_FORMATS } from './corpus/index.js';
import { BENCH_DIR } from './corpus-cache.js';
import { benchExtract } from './extract-bench.js';
import { benchIngest } from './ingest-bench.js';
import { benchReuse } from './reuse-bench.js';
import type { BenchRow } from './measure.js';
import { benchSearch } from './search-bench.js';

const PARTS = ['ingest', 'extract', 'reuse', 'search', 'api'] as const;

const Flags = z.object({
  docs: z.coerce.number().int().positive(),
  seed: z.coerce.number().int(),
  format: z.enum(CORPUS_FORMATS),
  rounds: z.coerce.number().int().positive(),
  json: z.boolean().default(false),
});

function printTable(rows: BenchRow[]): void {
  const width = (key: keyof BenchRow) =>
    Math.max(...rows.map((r) => String(r[key]).length), key.length);
  const [p, m, v] = [width('part'), width('metric'), width('value')];
  console.log(`${'part'.padEnd(p)}  ${'metric'.padEnd(m)}  ${'value'.padStart(v)}  unit`);
  for (const r of rows) {
    console.log(
      `${r.part.padEnd(p)}  ${r.metric.padEnd(m)}  ${String(r.value).padStart(v)}  ${r.unit}`,
    );
  }
}

const program = new Command('bench')
  .description('Measure Crosscheck: prints a table and writes bench-output/bench-<time>.json')
  .argument('[parts...]', `what to measure: ${PARTS.join(', ')} (default: all)`)
  .option('--docs <n>', 'documents in the generated corpus', '100000')
  .option('--seed <n>', 'generator seed', '1')
  .option('--format <format>', `corpus layout (${CORPUS_FORMATS.join(', ')})`, 'eml')
  .option('--rounds <n>', 'search: times each query is run', '20')
  .option('--json', 'print JSON instead of a table')
  .action(async (parts: string[], raw: Record<string, unknown>) => {
    const flags = Flags.parse(raw);
    const chosen = parts.length ? parts : [...PARTS];
    const unknown = chosen.filter((p) => !(PARTS as readonly string[]).includes(p));
    if (unknown.length)
      throw new Error(`Unknown part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
    mkdirSync(BENCH_DIR, { recursive: true });
    const log = (line: string) => console.error(line);
    const rows: BenchRow[] = [];
    for (const part of chosen) {
      if (part === 'ingest') rows.push(...(await benchIngest({ ...flags, log })));
      if (part === 'extract') rows.push(...(await benchExtract({ ...flags, log })));
      if (part === 'reuse') rows.push(...(await benchReuse({ ...flags, log })));
      // The API is measured over the store the search part builds: one ingest for both.
      if (part === 'search')
        rows.push(...(await benchSearch({ ...flags, api: chosen.includes('api'), log })));
      if (part === 'api' && !chosen.includes('search')) {
        rows.push(
          ...(await benchSearch({ ...flags, api: true, log })).filter((r) => r.part === 'api'),
        );
      }
    }
    const record = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      options: flags,
      rows,
    };
    const file = join(BENCH_DIR, `bench-${record.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    if (flags.json) console.log(JSON.stringify(record, null, 2));
    else printTable(rows);
    console.error(`(written to ${file})`);
  });

await program.parseAsync(process.argv);
