import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { CREDIBILITY, RELIABILITY, isCredibility, isReliability } from '../../assess/index.js';
import { CrosscheckError } from '../../core/index.js';
import { formatTrace } from '../../provenance/index.js';
import { assessClaims, runAnalysis, type AssessedClaim } from '../../pipeline/index.js';
import { withStore, type Output } from '../context.js';
import { NonNegativeInt, PositiveInt, parseOptions } from '../parse-options.js';

const ClaimsFlags = z.object({
  store: z.string().optional(),
  about: z.string().min(1).optional(),
  document: z.string().optional(),
  shared: z.boolean().default(false),
  limit: PositiveInt.default(30),
  offset: NonNegativeInt.default(0),
  json: z.boolean().default(false),
});

function describeGrade(claim: AssessedClaim): string[] {
  const { reliability, credibility, code, derivedCode } = claim.assessment;
  const lines = [
    `Admiralty grade ${code}: source ${RELIABILITY[reliability.value].label.toLowerCase()}, ` +
      `information ${CREDIBILITY[credibility.value].label.toLowerCase()}` +
      (code !== derivedCode ? ` (the evidence alone gives ${derivedCode})` : ''),
  ];
  for (const reason of [...reliability.reasons, ...credibility.reasons])
    lines.push(`  · ${reason.text}`);
  if (reliability.stratfor) {
    lines.push(
      `  · source block says reliability "${reliability.stratfor.original}" (Stratfor's scale, kept as written)`,
    );
  }
  if (credibility.stratfor) {
    lines.push(
      `  · source block says item credibility "${credibility.stratfor.original}" (kept as written)`,
    );
  }
  for (const grade of claim.history) {
    lines.push(
      `  · analyst ${grade.analyst} on ${grade.at.slice(0, 10)}: ` +
        `${[grade.reliability, grade.credibility].filter((v) => v !== undefined).join('')} — ${grade.reason}`,
    );
  }
  return lines;
}

export function registerClaims(program: Command, output: Output): void {
  program
    .command('analyze')
    .description(
      'Resolve entities, find reused passages, then trace every quote and claim to its origins',
    )
    .option('--json', 'print the summary as JSON')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        z.object({ store: z.string().optional(), json: z.boolean().default(false) }),
        {
          ...command.optsWithGlobals(),
          ...raw,
        },
      );
      const summary = await withStore(flags, (store) => runAnalysis(store));
      if (flags.json) return output.json(summary);
      output.out(
        `Entities: ${summary.resolution.entities} from ${summary.resolution.mentions} mentions. ` +
          `Reuse: ${summary.reuse.pairs} document pair(s) share passages (${summary.reuse.nearDuplicates} near-duplicate). ` +
          `Claims: ${summary.claims.clusters} traced, ${summary.claims.shared} carried by several documents, ` +
          `${summary.claims.circular} resting on fewer origins than documents (circular).`,
      );
    });

  program
    .command('claims')
    .description(
      'List traced quotes and claims with their independent origins and Admiralty grades',
    )
    .option('--about <entity>', 'said by, or naming, this person, organisation or place')
    .option('--document <id>', 'carried by this document (id or prefix)')
    .option('--shared', 'only claims carried by two documents or more')
    .option('--limit <n>', 'most claims', '30')
    .option('--offset <n>', 'claims to skip', '0')
    .option('--json', 'print as JSON')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(ClaimsFlags, { ...command.optsWithGlobals(), ...raw });
      await withStore(flags, async (store) => {
        const documentId = flags.document
          ? ((await store.resolveDocumentId(flags.document)) ?? flags.document)
          : undefined;
        const { total, clusters } = await store.listClaimClusters({
          ...(flags.about && { about: flags.about }),
          ...(documentId && { documentId }),
          sharedOnly: flags.shared,
          limit: flags.limit,
          offset: flags.offset,
        });
        const assessed = await assessClaims(store, clusters);
        if (flags.json) return output.json({ total, claims: assessed });
        const c = process.stdout.isTTY ? pc : pc.createColors(false);
        output.out(`${total} claim(s).`);
        for (const claim of assessed) {
          const k = claim.cluster;
          output.out('');
          output.out(
            `${c.bold(k.id)} ${c.yellow(claim.assessment.code)} ${k.speaker ?? 'unattributed'}: “${k.text.slice(0, 140)}${k.text.length > 140 ? '…' : ''}”`,
          );
          output.out(
            `  ${k.documents.length} document(s), ${k.independentOrigins} independent origin(s)` +
              (k.circular ? c.red(' — circular reporting') : ''),
          );
        }
      });
    });

  program
    .command('trace')
    .description(
      'Show where a quote or claim comes from: origin, who cites whom, independent origins, grade',
    )
    .argument('<claim>', 'a claim id (or prefix) from `crosscheck claims`, or words from the quote')
    .option('--json', 'print as JSON')
    .action(async (claim: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        z.object({ store: z.string().optional(), json: z.boolean().default(false) }),
        {
          ...command.optsWithGlobals(),
          ...raw,
        },
      );
      await withStore(flags, async (store) => {
        const byId = await store.getClaimCluster(claim);
        const cluster =
          byId ?? (await store.listClaimClusters({ about: claim, limit: 1 })).clusters[0] ?? null;
        if (!cluster) {
          throw new CrosscheckError('NOT_FOUND', `No traced quote or claim matches "${claim}"`, {
            hint: 'Run `crosscheck analyze` after ingesting, then use an id or words from `crosscheck claims`.',
          });
        }
        const [assessed] = await assessClaims(store, [cluster]);
        if (flags.json) return output.json(assessed);
        output.out(formatTrace(cluster));
        output.out('');
        for (const line of describeGrade(assessed!)) output.out(line);
      });
    });

  program
    .command('grade')
    .description("Record an analyst's Admiralty grade for a claim or a source (it always wins)")
    .argument('<subject>', '"claim" or "source"')
    .argument('<id>', 'claim id (or prefix), or the source name or code (e.g. MX1)')
    .option('--reliability <A-F>', 'source reliability')
    .option('--credibility <1-6>', 'information credibility')
    .requiredOption('--reason <text>', 'why: kept with the grade')
    .option('--analyst <name>', 'who grades', process.env.USER ?? 'analyst')
    .action(async (subject: string, id: string, raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(
        z.object({
          store: z.string().optional(),
          subject: z.enum(['claim', 'source']),
          reliability: z.string().refine(isReliability, 'a letter from A to F').optional(),
          credibility: z.coerce.number().refine(isCredibility, 'a number from 1 to 6').optional(),
          reason: z.string().trim().min(3),
          analyst: z.string().trim().min(1),
        }),
        { ...command.optsWithGlobals(), ...raw, subject },
      );
      if (flags.reliability === undefined && flags.credibility === undefined) {
        throw new CrosscheckError('INVALID_ARGUMENT', 'Give --reliability, --credibility or both', {
          hint: 'For example: crosscheck grade source MX1 --reliability C --reason "…"',
        });
      }
      await withStore(flags, async (store) => {
        let subjectId = id;
        if (flags.subject === 'claim') {
          const cluster = await store.getClaimCluster(id);
          if (!cluster) {
            throw new CrosscheckError('NOT_FOUND', `No traced claim has the id ${id}`, {
              hint: 'Use an id from `crosscheck claims`.',
            });
          }
          subjectId = cluster.id;
        }
        const grade = await store.addAnalystGrade({
          subjectType: flags.subject,
          subjectId,
          ...(flags.reliability !== undefined && { reliability: flags.reliability }),
          ...(flags.credibility !== undefined && { credibility: flags.credibility }),
          analyst: flags.analyst,
          at: new Date().toISOString(),
          reason: flags.reason,
        });
        output.out(`Recorded grade #${grade.id} for ${flags.subject} ${subjectId}.`);
      });
    });
}
