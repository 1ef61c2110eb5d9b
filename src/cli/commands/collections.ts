import type { Command } from 'commander';
import { z } from 'zod';
import { CrosscheckError, TlpLevelSchema } from '../../core/index.js';
import { IngestOptionsSchema } from '../../ingest/index.js';
import { runIngestPipeline } from '../../pipeline/index.js';
import {
  CollectionSlugSchema,
  RoleSchema,
  TitleSchema,
  UsernameSchema,
  collectionStoreLocation,
  openStore,
} from '../../store/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, parseOptions } from '../parse-options.js';
import { createProgressReporter } from '../progress.js';
import { describeExtraction } from './extract.js';
import { withAccounts } from './server-home.js';

const HomeFlags = z.object({ home: z.string().min(1).optional(), store: z.string().optional() });
const HOME_HELP = 'multi-user server home folder (or --store postgres://…)';

const CreateFlags = HomeFlags.extend({
  slug: CollectionSlugSchema,
  title: TitleSchema.optional(),
  tlp: TlpLevelSchema.optional(),
});
const GrantFlags = HomeFlags.extend({
  slug: CollectionSlugSchema,
  user: UsernameSchema,
  role: RoleSchema,
  clearance: TlpLevelSchema.optional(),
});
const IngestFlags = HomeFlags.extend({
  slug: CollectionSlugSchema,
  tlp: TlpLevelSchema.optional(),
  ocr: z.boolean().default(true),
  extract: z.boolean().default(true),
  analyze: z.boolean().default(true),
  workers: NonNegativeInt.optional(),
  quiet: z.boolean().default(false),
});

/** `crosscheck collection …`: the cases of a multi-user server, their members and their data. */
export function registerCollections(program: Command, output: Output): void {
  const collection = program
    .command('collection')
    .description('Collections (one case each) of a multi-user server');

  collection
    .command('create')
    .description('Create a collection')
    .argument('<slug>', 'short name: lowercase letters, digits, hyphens (e.g. case-42)')
    .option('--title <text>', 'the title shown in the workbench')
    .option(
      '--tlp <level>',
      'TLP marking of the collection: CLEAR, GREEN, AMBER, AMBER+STRICT, RED',
      'AMBER',
    )
    .option('--home <dir>', HOME_HELP)
    .action(async (slug: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(CreateFlags, { ...command.optsWithGlobals(), ...raw, slug });
      const created = await withAccounts(flags, async (accounts, server) => {
        const created = await accounts.createCollection(flags);
        // Open (and so create and migrate) its store now, so a bad location fails here.
        await (await openStore(collectionStoreLocation(server, created.slug))).close();
        return created;
      });
      output.out(
        `Created collection ${created.slug} (TLP:${created.tlp}). ` +
          `Add members: crosscheck collection grant ${created.slug} <user> --role analyst`,
      );
    });

  collection
    .command('grant')
    .description('Make a user a member of a collection, or change their role and clearance')
    .argument('<slug>', 'the collection')
    .argument('<user>', 'the user')
    .requiredOption('--role <role>', 'reader, analyst or admin')
    .option(
      '--clearance <level>',
      'highest TLP marking they may see (default AMBER+STRICT; RED only when given)',
    )
    .option('--home <dir>', HOME_HELP)
    .action(async (slug: string, user: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(GrantFlags, { ...command.optsWithGlobals(), ...raw, slug, user });
      const membership = await withAccounts(flags, (accounts) =>
        accounts.grant({
          collection: flags.slug,
          username: flags.user,
          role: flags.role,
          clearance: flags.clearance,
        }),
      );
      output.out(
        `${membership.username} is now ${membership.role} of ${membership.collection}, ` +
          `cleared up to TLP:${membership.clearance}.`,
      );
    });

  collection
    .command('revoke')
    .description('Remove a member from a collection')
    .argument('<slug>', 'the collection')
    .argument('<user>', 'the user')
    .option('--home <dir>', HOME_HELP)
    .action(async (slug: string, user: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        HomeFlags.extend({ slug: CollectionSlugSchema, user: UsernameSchema }),
        {
          ...command.optsWithGlobals(),
          ...raw,
          slug,
          user,
        },
      );
      const removed = await withAccounts(flags, (accounts) =>
        accounts.revokeMembership(flags.slug, flags.user),
      );
      if (!removed) {
        throw new CrosscheckError('NOT_FOUND', `${flags.user} is not a member of ${flags.slug}`);
      }
      output.out(`${flags.user} is no longer a member of ${flags.slug}.`);
    });

  collection
    .command('list')
    .description('List the collections and their members')
    .option('--home <dir>', HOME_HELP)
    .option('--json', 'print JSON')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(HomeFlags.extend({ json: z.boolean().default(false) }), {
        ...command.optsWithGlobals(),
        ...raw,
      });
      const listing = await withAccounts(flags, async (accounts) => {
        const out = [];
        for (const c of await accounts.listCollections()) {
          out.push({ ...c, members: await accounts.listMembers(c.slug) });
        }
        return out;
      });
      if (flags.json) return output.json(listing);
      for (const c of listing) {
        output.out(`${c.slug}\tTLP:${c.tlp}\t${c.title}`);
        for (const m of c.members)
          output.out(`  ${m.username}\t${m.role}\tup to TLP:${m.clearance}`);
      }
    });

  collection
    .command('ingest')
    .description(
      'Ingest files into a collection (extraction and analysis included, as `crosscheck ingest`)',
    )
    .argument('<slug>', 'the collection')
    .argument('<paths...>', 'files or folders to read, recursively')
    .option('--tlp <level>', 'TLP marking of these documents (default: the collection’s)')
    .option('--no-ocr', 'do not OCR PDF pages without a text layer')
    .option('--no-extract', 'store the documents only')
    .option('--no-analyze', 'skip the corpus-wide analysis')
    .option('--workers <n>', 'extraction worker threads (0 = this thread)')
    .option('-q, --quiet', 'no progress output')
    .option('--home <dir>', HOME_HELP)
    .action(
      async (slug: string, paths: string[], raw: Record<string, unknown>, command: Command) => {
        const flags = parseOptions(IngestFlags, { ...command.optsWithGlobals(), ...raw, slug });
        const { tlp, summary, extraction, analysis } = await withAccounts(
          flags,
          async (accounts, server) => {
            const target = await accounts.getCollection(flags.slug);
            if (!target) {
              throw new CrosscheckError('NOT_FOUND', `There is no collection named ${flags.slug}`, {
                hint: 'Create it with `crosscheck collection create`.',
              });
            }
            const tlp = flags.tlp ?? target.tlp;
            const store = await openStore(collectionStoreLocation(server, target.slug));
            try {
              const reporter = createProgressReporter(output, flags.quiet);
              const { summary, extraction, analysis } = await runIngestPipeline(store, paths, {
                ingest: IngestOptionsSchema.parse({ ocr: flags.ocr }),
                tlp,
                ...(flags.workers !== undefined && { extractWorkers: flags.workers }),
                extract: flags.extract,
                analyze: flags.analyze,
                onProgress: (p) => reporter.update(p),
                onIngested: () => reporter.stop(),
              });
              return { tlp, summary, extraction, analysis };
            } finally {
              await store.close();
            }
          },
        );
        output.out(
          `Ingested ${summary.files} file(s) into ${flags.slug} as TLP:${tlp}: ${summary.stored} new document(s), ` +
            `${summary.duplicates} duplicate(s), ${summary.failures.length} failure(s).`,
        );
        for (const f of summary.failures.slice(0, 50)) {
          output.out(`  FAILED ${f.path} [${f.parser}, ${f.code}]: ${f.reason}`);
        }
        if (extraction) output.out(describeExtraction(extraction));
        if (analysis) {
          output.out(
            `Analysis: ${analysis.resolution.entities} entities; ${analysis.claims.clusters} quotes and claims traced.`,
          );
        }
        process.exitCode =
          summary.failures.length > 0 || (extraction?.failures.length ?? 0) > 0 ? 2 : 0;
      },
    );
}
