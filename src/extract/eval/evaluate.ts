import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CrosscheckError } from '../../core/index.js';
import { extractDocument } from '../extract-document.js';
import type { EntityType } from '../types.js';
import { readGoldDocument } from './read-document.js';
import { goldDocumentSchema } from './gold.js';
import {
  addCounts,
  emptyCounts,
  FIELDS,
  scoreDocument,
  toScore,
  type Counts,
  type DocumentScore,
  type Field,
  type Score,
  type UnitCounts,
} from './score.js';

export interface EvaluationReport {
  goldDir: string;
  docsDir: string;
  documents: Array<DocumentScore & { language: string; publishedAt: string | null }>;
  /** Micro-averaged over documents. */
  fields: Record<Field, Score>;
  entityTypes: Record<EntityType, Score>;
  /** Unit agreement over the figures matched by value, summed over documents. */
  figureUnits: UnitCounts & { rate: number };
}

export interface EvaluateOptions {
  /** Only gold files whose document name starts with one of these. */
  only?: string[];
}

/**
 * Run extraction over the documents the gold files describe and score it. Each document is read
 * by the ingest stage, as `crosscheck ingest` would read it (HTML through Readability, Markdown
 * and text as written), and extracted from the same text, language, publication date, title and
 * kind the pipeline would pass. The gold supplies the answers only: its `language` and
 * `published` are never read.
 */
export async function evaluateExtraction(
  goldDir: string,
  docsDir: string,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const files = (await readdir(goldDir)).filter((f) => f.endsWith('.gold.json')).sort();
  const documents: EvaluationReport['documents'] = [];
  for (const file of files) {
    const goldPath = path.join(goldDir, file);
    const parsed = goldDocumentSchema.safeParse(JSON.parse(await readFile(goldPath, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CrosscheckError(
        'MALFORMED_INPUT',
        `Gold file ${file} does not match the gold format: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
        { file: goldPath, hint: 'See the gold README for the expected fields.' },
      );
    }
    const gold = parsed.data;
    if (options.only && !options.only.some((prefix) => gold.document.startsWith(prefix))) continue;
    const document = await readGoldDocument(docsDir, gold.document, file);
    const { language, publishedAt } = document;
    const extraction = extractDocument({
      id: gold.document,
      text: document.text,
      language,
      publishedAt,
      title: document.title,
      kind: document.kind,
    });
    documents.push({ ...scoreDocument(gold, extraction, language), language, publishedAt });
  }
  const fieldTotals = Object.fromEntries(FIELDS.map((f) => [f, emptyCounts()])) as Record<
    Field,
    Counts
  >;
  const typeTotals: Record<EntityType, Counts> = {
    person: emptyCounts(),
    organization: emptyCounts(),
    place: emptyCounts(),
  };
  const units: UnitCounts = { matched: 0, agree: 0 };
  for (const doc of documents) {
    units.matched += doc.figureUnits.matched;
    units.agree += doc.figureUnits.agree;
    for (const field of FIELDS) addCounts(fieldTotals[field], doc.counts[field]);
    for (const type of Object.keys(typeTotals) as EntityType[])
      addCounts(typeTotals[type], doc.entityCounts[type]);
  }
  return {
    goldDir,
    docsDir,
    documents,
    fields: Object.fromEntries(FIELDS.map((f) => [f, toScore(fieldTotals[f])])) as Record<
      Field,
      Score
    >,
    entityTypes: {
      person: toScore(typeTotals.person),
      organization: toScore(typeTotals.organization),
      place: toScore(typeTotals.place),
    },
    // nothing matched is nothing wrong, as recall over an empty gold is 1
    figureUnits: { ...units, rate: units.matched === 0 ? 1 : units.agree / units.matched },
  };
}
