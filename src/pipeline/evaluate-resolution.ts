import { join } from 'node:path';
import { extractDocument } from '../extract/index.js';
import { defaultIngestOptions, readSources } from '../ingest/index.js';
import {
  readGoldFiles,
  resolveEntities,
  scoreResolution,
  toResolveDocument,
  type ResolutionScore,
  type ResolveDocument,
} from '../resolve/index.js';

/**
 * Scores entity resolution against the gold: the documents the gold files name are read as ingest
 * reads them, extracted, resolved together, and each gold entity checked to end as exactly one
 * resolved entity (per document and across documents). The gold's answers are never an input.
 */
export async function evaluateResolution(
  goldDir: string,
  docsDir: string,
): Promise<ResolutionScore> {
  const gold = await readGoldFiles(goldDir);
  const documents: ResolveDocument[] = [];
  for (const file of gold) {
    const path = join(docsDir, file.document);
    for await (const event of readSources([path], defaultIngestOptions(), {
      isFileCompleted: async () => false,
    })) {
      if (event.type !== 'item' || event.item.parent) continue;
      const d = event.item.document;
      const extraction = extractDocument({
        id: file.document,
        text: d.text,
        language: d.language,
        publishedAt: d.publishedAt,
      });
      // Ids are the gold's document names, which is how the score matches documents.
      documents.push(toResolveDocument({ id: file.document, text: d.text }, extraction.mentions));
    }
  }
  return scoreResolution(resolveEntities(documents), gold);
}
