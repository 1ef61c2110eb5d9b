import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { CREDIBILITY, RELIABILITY } from '../../assess/index.js';
import { CrosscheckError } from '../../core/index.js';
import { formatTrace } from '../../provenance/index.js';
import { assessClaims, runAnalysis, type AssessedClaim } from '../../pipeline/index.js';
import type { Output } from '../context.js';
import { NonNegativeInt, PositiveInt, parseOptions, StoreJsonFlags } from '../parse-options.js';
import { analysisProgressLine } from '../progress.js';
import { withStore } from '../with-store.js';

const ClaimsFlags = z.object({
  store: z.string().optional(),
  about: z.string().min(1).optional(),
  document: z.string().optional(),
  shared: z.boolean().default(false),
  limit: PositiveInt.default(30),
  offset: NonNegativeInt.default(0),
  json: z.boolean().default(false),
});

const AnalyzeFlags = StoreJsonFlags.extend({ quiet: z.boolean().default(false) });

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

/** `crosscheck analyze`. */
export async function analyzeStore(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(AnalyzeFlags, {
    ...command.optsWithGlobals(),
    ...raw,
  });
  const summary = await withStore(flags, (store) =>
    runAnalysis(
      store,
      flags.quiet ? {} : { onProgress: (p) => output.err(analysisProgressLine(p)) },
    ),
  );
  if (flags.json) return output.json(summary);
  output.out(
    `Entities: ${summary.resolution.entities} from ${summary.resolution.mentions} mentions. ` +
      `Reuse: ${summary.reuse.pairs} document pair(s) share passages (${summary.reuse.nearDuplicates} near-duplicate). ` +
      `Claims: ${summary.claims.clusters} traced, ${summary.claims.shared} carried by several documents, ` +
      `${summary.claims.circular} resting on fewer origins than documents (circular).`,
  );
}

/** `crosscheck claims`. */
export async function listClaims(
  output: Output,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
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
}

/** `crosscheck trace <claim>`. */
export async function traceClaim(
  output: Output,
  claim: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StoreJsonFlags, {
    ...command.optsWithGlobals(),
    ...raw,
  });
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
}
