import type { Command } from 'commander';
import { z } from 'zod';
import { evaluateExtraction, formatEvaluationReport } from '../../extract/index.js';
import { evaluateReuse, formatReuseEvaluation } from '../../pipeline/index.js';
import type { Output } from '../context.js';
import { parseOptions } from '../parse-options.js';

const EvalFlags = z.object({
  json: z.boolean().default(false),
  details: z.boolean().default(false),
});

export function registerEval(program: Command, output: Output): void {
  program
    .command('eval')
    .description(
      'Score extraction and reuse detection against gold answers (precision, recall, F1)',
    )
    .argument('<gold-dir>', 'folder of <document>.gold.json files (and reuse.json)')
    .argument('<docs-dir>', 'folder holding the documents the gold files describe')
    .option('--details', 'list misses and spurious predictions per document')
    .option('--json', 'print as JSON')
    .action(async (goldDir: string, docsDir: string, raw: Record<string, unknown>) => {
      const flags = parseOptions(EvalFlags, raw);
      const extraction = await evaluateExtraction(goldDir, docsDir);
      const reuse = await evaluateReuse(goldDir, docsDir);
      if (flags.json) return output.json({ extraction, reuse });
      output.out(formatEvaluationReport(extraction, { details: flags.details }));
      if (reuse) {
        output.out('');
        output.out(formatReuseEvaluation(reuse));
      }
    });
}
