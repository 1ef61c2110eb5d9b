import { z } from 'zod';
import { evaluateExtraction, formatEvaluationReport } from '../../extract/index.js';
import { evaluateResolution, evaluateReuse, formatReuseEvaluation } from '../../pipeline/index.js';
import { formatResolutionScore } from '../../resolve/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';

const EvalFlags = z.object({
  json: z.boolean().default(false),
  details: z.boolean().default(false),
});

/** `crosscheck eval <gold-dir> <docs-dir>`. */
export async function evaluate(
  output: Output,
  goldDir: string,
  docsDir: string,
  raw: Record<string, unknown>,
): Promise<void> {
  const flags = parseOptions(EvalFlags, raw);
  const extraction = await evaluateExtraction(goldDir, docsDir);
  const reuse = await evaluateReuse(goldDir, docsDir);
  const resolution = await evaluateResolution(goldDir, docsDir);
  if (flags.json) return output.json({ extraction, resolution, reuse });
  output.out(formatEvaluationReport(extraction, { details: flags.details }));
  output.out('');
  output.out('Entity resolution');
  output.out(
    flags.details
      ? formatResolutionScore(resolution)
      : formatResolutionScore({ ...resolution, failures: [] }),
  );
  if (reuse) {
    output.out('');
    output.out(formatReuseEvaluation(reuse));
  }
}
