/**
 * `node dist/bench/corpus-cli.js --docs N --seed S --out DIR [--format eml|mbox|mixed]`
 * (also `npm run corpus -- …`): writes a deterministic synthetic leak for benchmarks.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { CrosscheckError, UsageError } from '../core/index.js';
import { CORPUS_FORMATS, writeCorpus } from './corpus/index.js';

/** Above this many documents the default format is `mixed`, to avoid one file per e-mail. */
export const AUTO_EML_LIMIT = 50_000;

const ArgsSchema = z.object({
  docs: z.coerce.number().int().min(1).max(100_000_000),
  seed: z.string().min(1),
  out: z.string().min(1),
  format: z.enum([...CORPUS_FORMATS, 'auto']).default('auto'),
  perMbox: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  articles: z.coerce.number().min(0).max(1).default(0.25),
  force: z.boolean().default(false),
  quiet: z.boolean().default(false),
});

function share(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number from 0 to 1');
  return n;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('corpus')
    .description(
      'Write a deterministic synthetic corpus (e-mails, intelligence reports, articles; English and ' +
        'Spanish) with planted re-quoted passages listed in DIR/ground-truth.jsonl.',
    )
    .requiredOption('--docs <n>', 'number of documents')
    .requiredOption('--seed <s>', 'seed: same seed and options, same bytes')
    .requiredOption('--out <dir>', 'output folder (must be empty unless --force)')
    .option(
      '--format <f>',
      `eml | mbox | mixed | auto (auto: eml up to ${AUTO_EML_LIMIT} docs, mixed above)`,
      'auto',
    )
    .option('--per-mbox <n>', 'messages per mbox file', '1000')
    .option('--articles <share>', 'share of articles, 0–1 (mbox format: none)', share, 0.25)
    .option('--force', 'write into a non-empty folder', false)
    .option('--quiet', 'no progress on stderr', false)
    .exitOverride();

  try {
    program.parse(argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? code : 2;
  }
  const parsed = ArgsSchema.safeParse(program.opts());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(
      `corpus: invalid --${String(issue?.path[0] ?? 'argument')}: ${issue?.message ?? 'invalid'}\n`,
    );
    return 2;
  }
  const args = parsed.data;
  const format =
    args.format === 'auto' ? (args.docs <= AUTO_EML_LIMIT ? 'eml' : 'mixed') : args.format;
  const started = process.hrtime.bigint();
  const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const summary = await writeCorpus({
      docs: args.docs,
      seed: args.seed,
      out: args.out,
      format,
      messagesPerMbox: args.perMbox,
      articleShare: args.articles,
      force: args.force,
      progressEvery: Math.max(10_000, Math.ceil(args.docs / 20)),
      onProgress: args.quiet
        ? undefined
        : (done, total) => {
            const s = elapsed();
            process.stderr.write(
              `  ${done}/${total} documents, ${s.toFixed(1)} s, ${Math.round(done / Math.max(s, 1e-9))} docs/s\n`,
            );
          },
    });
    const s = elapsed();
    process.stdout.write(
      `${summary.docs} documents (${summary.emails} e-mails, ${summary.intel} intelligence reports, ` +
        `${summary.articles} articles, ${summary.spanish} in Spanish, ${summary.withAttachment} with ` +
        `an attachment) in ${summary.files} files, ${(summary.bytes / 1048576).toFixed(1)} MiB, ` +
        `format ${format}\n${summary.planted} planted pairs in ${args.out}/ground-truth.jsonl\n` +
        `${s.toFixed(2)} s, ${Math.round(summary.docs / Math.max(s, 1e-9))} docs/s\n` +
        // The answers and the manifest sit beside the documents: ingesting the whole folder
        // would read the ground truth's quoted passages as documents and skew every figure.
        `Ingest the documents only: crosscheck ingest ${join(args.out, 'docs')}\n`,
    );
    return 0;
  } catch (error) {
    const message =
      error instanceof CrosscheckError
        ? error.describe()
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`corpus: ${message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv);
}
