import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { userInfo } from 'node:os';
import { CrosscheckError, stricterTlp, TlpLevelSchema, type TlpLevel } from '../../core/index.js';
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
import {
  CollectionSlugSchema,
  collectionStoreLocation,
  openStore,
  type Store,
} from '../../store/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';
import { describeExtraction } from './extract.js';
import { withAccounts } from './server-home.js';

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
    collection: CollectionSlugSchema.optional(),
    home: z.string().min(1).optional(),
    clearance: TlpLevelSchema.default('RED'),
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

/**
 * The store an export reads, as the clearance sees it: the `--store` of the single-user
 * workbench, or a collection of a multi-user server, whose marking becomes the export's floor and
 * whose audit log records the export (under the operating-system user: the CLI has no token).
 */
async function withExportStore(
  flags: ExportFlagValues,
  output: Output,
  action: (store: Store, collectionTlp: TlpLevel) => Promise<void>,
): Promise<void> {
  if (!flags.collection) {
    return withStore(flags, (store) => action(store.restrictedTo(flags.clearance), 'CLEAR'));
  }
  const slug = flags.collection;
  await withAccounts(flags, async (accounts, server) => {
    const collection = await accounts.getCollection(slug);
    if (!collection) {
      throw new CrosscheckError('NOT_FOUND', `There is no collection named ${slug}`, {
        hint: 'List them with `crosscheck collection list`.',
      });
    }
    const store = await openStore(collectionStoreLocation(server, slug));
    try {
      await action(store.restrictedTo(flags.clearance), collection.tlp);
    } finally {
      await store.close();
    }
    await accounts.appendAudit({
      at: new Date().toISOString(),
      username: `cli:${userInfo().username}`,
      collection: slug,
      action: 'export',
      method: 'CLI',
      route: 'crosscheck export',
      target: `--format ${flags.format}${flags.query ? ` --query ${flags.query}` : ''}${flags.entity ? ` --entity ${flags.entity}` : ''} --clearance ${flags.clearance}`,
      status: 0,
    });
    output.err(`Recorded in ${slug}'s audit log.`);
  });
}

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

/** `crosscheck export`. */
export async function exportFindings(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(ExportFlags, { ...command.optsWithGlobals(), ...raw });
  await withExportStore(flags, output, async (store, collectionTlp) => {
    // A collection's own marking is the floor: nothing leaves it marked below the case.
    const marking = stricterTlp(flags.tlp, collectionTlp);
    const options: ExportOptions = { organisation: flags.organisation, marking };
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
        (flags.entity ? `Brief: ${flags.entity}` : flags.query ? `Brief: ${flags.query}` : 'Brief');
      const brief = await renderBrief(snapshot, title, briefFormatOf(flags.out), marking);
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
}

/** `crosscheck import <file>`. */
export async function importFindings(
  output: Output,
  file: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
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
}
