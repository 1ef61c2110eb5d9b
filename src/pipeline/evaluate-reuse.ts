import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CrosscheckError } from '../core/index.js';
import { findReuse } from '../provenance/index.js';

const GoldReuse = z.array(
  z.object({ a: z.string(), b: z.string(), passage: z.string(), origin: z.string().optional() }),
);

export interface ReuseEvaluation {
  goldPairs: number;
  predictedPairs: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  missed: Array<[string, string]>;
  spurious: Array<[string, string]>;
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Scores reuse detection against `reuse.json` (pairs of documents sharing a passage of 20+
 * words): the detector runs on the documents' own text; pairs are compared by document name.
 * Returns null when the gold folder has no reuse.json.
 */
export async function evaluateReuse(
  goldDir: string,
  docsDir: string,
): Promise<ReuseEvaluation | null> {
  const goldFile = join(goldDir, 'reuse.json');
  if (!existsSync(goldFile)) return null;
  const parsed = GoldReuse.safeParse(JSON.parse(await readFile(goldFile, 'utf8')));
  if (!parsed.success) {
    throw new CrosscheckError(
      'MALFORMED_INPUT',
      `reuse.json does not match the gold format: ${parsed.error.issues[0]?.message}`,
      {
        file: goldFile,
        hint: 'Each entry needs "a", "b" and "passage".',
      },
    );
  }
  const names = (await readdir(docsDir)).filter((n) => !n.startsWith('.')).sort();
  const documents = await Promise.all(
    names.map(async (name) => ({
      id: name,
      text: await readFile(join(docsDir, name), 'utf8'),
      date: null,
    })),
  );
  const report = findReuse(documents);
  const gold = new Map(parsed.data.map((p) => [key(p.a, p.b), [p.a, p.b] as [string, string]]));
  const predicted = new Map(
    report.pairs.map((p) => [key(p.a, p.b), [p.a, p.b] as [string, string]]),
  );
  const correct = [...predicted.keys()].filter((k) => gold.has(k)).length;
  const precision = predicted.size ? correct / predicted.size : gold.size ? 0 : 1;
  const recall = gold.size ? correct / gold.size : 1;
  return {
    goldPairs: gold.size,
    predictedPairs: predicted.size,
    correct,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    missed: [...gold].filter(([k]) => !predicted.has(k)).map(([, pair]) => pair),
    spurious: [...predicted].filter(([k]) => !gold.has(k)).map(([, pair]) => pair),
  };
}

export function formatReuseEvaluation(result: ReuseEvaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `Reuse pairs: precision ${pct(result.precision)}, recall ${pct(result.recall)}, F1 ${pct(result.f1)} ` +
      `(${result.correct} of ${result.predictedPairs} predicted correct, ${result.goldPairs} in gold)`,
  ];
  for (const [a, b] of result.missed) lines.push(`  missed: ${a} ~ ${b}`);
  for (const [a, b] of result.spurious) lines.push(`  spurious: ${a} ~ ${b}`);
  return lines.join('\n');
}
