import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { TlpLevelSchema } from '../../core/index.js';
import {
  briefFormatOf,
  EXPORT_FORMATS,
  exportToStream,
  IMPORT_FORMATS,
  importFile,
  readSnapshot,
  renderBrief,
  scopeFromEntity,
  scopeFromQuery,
  WHOLE_STORE,
  writeCsvTables,
  type ExportOptions,
} from '../../export/index.js';
import { runAnalysis, runExtraction } from '../../pipeline/index.js';
import type { Store } from '../../store/index.js';
import { withStore, type Output } from '../context.js';
import { NonNegativeInt, parseOptions } from '../parse-options.js';
import { describeExtraction } from './extract.js';

const ExportFlags = z
  .object({
    store: z.string().optional(),
    format: z.enum(EXPORT_FORMATS),
    query: z.string().trim().min(1).optional(),
    entity: z.string().trim().min(1).optional(),
    out: z.string().min(1).optional(),
    organisation: z
      .string()
      .trim()
      .min(1)
      .default(process.env.CROSSCHECK_ORGANISATION ?? 'Crosscheck'),
    title: z.string().trim().min(1).optional(),
    tlp: TlpLevelSchema.default('CLEAR'),
  })
  .refine((f) => !(f.query && f.entity), {
    message: 'give --query or --entity, not both',
    path: ['entity'],
  })
  .refine((f) => f.format !== 'csv' || f.out, {
    message: 'CSV needs --out <folder>',
    path: ['out'],
  })
  .refine((f) => f.format !== 'brief' || briefFormatOf(f.out) !== 'pdf' || f.out, {
    message: 'a PDF brief needs --out <file.pdf>',
    path: ['out'],
  });

const ImportFlags = z.object({
  store: z.string().optional(),
  format: z.enum(IMPORT_FORMATS),
  analyst: z.string().trim().min(1).default('import'),
  analyze: z.boolean().default(true),
  workers: NonNegativeInt.optional(),
  json: z.boolean().default(false),
});

type ExportFlagValues = z.infer<typeof ExportFlags>;

async function scopeOf(store: Store, flags: ExportFlagValues) {
  if (flags.query) return scopeFromQuery(store, flags.query);
  if (flags.entity) return scopeFromEntity(store, flags.entity);
  return WHOLE_STORE;
}

/** Writes to the --out file, or to stdout when there is none. */
async function toTarget(path: string | undefined, writer: (out: Writable) => Promise<void>) {
  if (!path) return writer(process.stdout);
  const out = createWriteStream(path);
  await writer(out);
  out.end();
  await finished(out);
}

export function registerExport(program: Command, output: Output): void {
  program
    .command('export')
    .description(
      'Export findings: STIX 2.1, FollowTheMoney, ClaimReview, GEXF, GraphML, CSV tables, or a brief',
    )
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', '))
    .option('--query <query>', 'only the documents this search matches')
    .option('--entity <name>', 'only the documents naming this entity (and a brief about it)')
    .option(
      '--out <path>',
      'file to write (stdout when absent); a folder for csv; for brief, .md, .html or .pdf',
    )
    .option('--organisation <name>', 'who publishes the export (default: $CROSSCHECK_ORGANISATION)')
    .option('--title <text>', 'the brief’s title')
    .option(
      '--tlp <level>',
      'the least restrictive marking to put on everything (each object also carries its documents’ markings)',
    )
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(ExportFlags, { ...command.optsWithGlobals(), ...raw });
      // Collections will bring their own TLP level; until then, everything is TLP:WHITE.
      const options: ExportOptions = { organisation: flags.organisation, marking: flags.tlp };
      await withStore(flags, async (store) => {
        const snapshot = await readSnapshot(store, await scopeOf(store, flags));
        const described = `${snapshot.documents.length} document(s), ${snapshot.entities.length} entities, ${snapshot.claims.length} claim(s) from ${snapshot.scope.description}`;
        if (flags.format === 'csv') {
          const counts = await writeCsvTables(store, snapshot, flags.out!);
          output.out(
            `Wrote ${Object.entries(counts)
              .map(([table, rows]) => `${table}.csv (${rows} rows)`)
              .join(', ')} to ${flags.out}: ${described}.`,
          );
          return;
        }
        if (flags.format === 'brief') {
          const title =
            flags.title ??
            (flags.entity
              ? `Brief: ${flags.entity}`
              : flags.query
                ? `Brief: ${flags.query}`
                : 'Brief');
          const brief = await renderBrief(snapshot, title, briefFormatOf(flags.out), flags.tlp);
          if (flags.out) await writeFile(flags.out, brief);
          else process.stdout.write(brief);
        } else {
          const format = flags.format;
          await toTarget(flags.out, (out) => exportToStream(store, snapshot, format, out, options));
        }
        // The export itself may be on stdout: the summary goes to stderr then.
        const say = flags.out ? output.out : output.err;
        say(`Exported ${flags.format}: ${described}${flags.out ? ` to ${flags.out}` : ''}.`);
      });
    });
}

export function registerImport(program: Command, output: Output): void {
  program
    .command('import')
    .description(
      'Import a STIX 2.1 bundle or FollowTheMoney JSON Lines: documents and entity aliases',
    )
    .argument('<file>', 'the bundle (.json) or the entities file (.ftm.json, .jsonl)')
    .requiredOption('--format <format>', IMPORT_FORMATS.join(' or '))
    .option('--analyst <name>', 'who the imported alias merges are recorded under', 'import')
    .option('--no-analyze', 'store only; run `crosscheck extract` and `crosscheck analyze` later')
    .option('--workers <n>', 'extraction worker threads (0 = this thread)')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(ImportFlags, { ...command.optsWithGlobals(), ...raw });
      const format = flags.format;
      const result = await withStore(flags, async (store) => {
        const summary = await importFile(store, format, file, flags.analyst);
        if (!flags.analyze) return { summary, extraction: null, analysis: null };
        const extraction = await runExtraction(store, {
          ...(flags.workers !== undefined && { workers: flags.workers }),
        });
        return { summary, extraction, analysis: await runAnalysis(store) };
      });
      if (flags.json) return output.json(result);
      const { summary, extraction, analysis } = result;
      output.out(
        `Imported ${summary.documents} new document(s) (${summary.duplicates} already stored), ` +
          `${summary.merges} alias merge(s) recorded as analyst decisions, ${summary.skipped} record(s) skipped.`,
      );
      if (extraction) output.out(describeExtraction(extraction));
      if (analysis) {
        output.out(
          `Analysis: ${analysis.resolution.entities} entities; ${analysis.claims.clusters} quotes and claims traced.`,
        );
      }
    });
}
