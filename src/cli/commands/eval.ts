import type { Command } from 'commander';
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

export function registerEval(program: Command, output: Output): void {
  program
    .command('eval')
    .description('Score extraction, entity resolution and reuse detection against gold answers')
    .argument('<gold-dir>', 'folder of <document>.gold.json files (and reuse.json)')
    .argument('<docs-dir>', 'folder holding the documents the gold files describe')
    .option('--details', 'list misses and spurious predictions per document')
    .option('--json', 'print as JSON')
    .action(async (goldDir: string, docsDir: string, raw: Record<string, unknown>) => {
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
    });
}
