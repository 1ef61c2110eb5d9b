import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateExtraction } from './evaluate.js';
import { scoresBelow } from './floors.js';
import { formatEvaluationReport } from './format.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const goldDir = path.resolve(repoRoot, 'sample/gold');
const newsDir = path.resolve(repoRoot, 'sample/corpus/news');

/**
 * Regression guard on the sample gold: the twelve fictional news articles of `sample/corpus/news`
 * (English and Spanish; `.txt`, `.md` and `.html`, read through ingest), annotated by hand before
 * the extractor was run on them. First, untuned F1: entities 0.791 (organisations 0.692), quotes
 * 0.649, dated events 0.597, figures 0.874, sources 0.699. The general rules were then improved on
 * their misses (outlets, firms, regions, bylines, publication stamps, weekdays, reported fragments,
 * Spanish dropped subjects); floors sit a little under the scores measured after that (entities
 * 0.950, person 0.970, organisation 0.924, place 0.970, quotes 0.923, dated events 0.970, figures
 * 0.928, sources 0.874). Since the rules have now seen these articles, these too are training-set
 * scores: the untuned ones above are the held-out estimate. Figure units agree 48/58 (0.828)
 * since the extractor took the counted noun as the unit, past a name before it ("500 US agents";
 * 37/58 before either, 45/58 with the first); the Spanish glossary in `units.ts` was drawn from
 * these articles' gold, so that is no held-out number either. Reading "500 US agents" whole cost
 * figures F1 0.935 → 0.921: two false "500"s it used to repeat, and so hide, now stand alone.
 */
const FLOORS = {
  entities: 0.93,
  person: 0.95,
  organization: 0.9,
  place: 0.95,
  quotes: 0.9,
  datedEvents: 0.95,
  figures: 0.9,
  figureUnits: 0.8,
  sourcesCited: 0.85,
};

describe.skipIf(!existsSync(goldDir))('sample gold evaluation', () => {
  it('keeps every F1 above its floor', async () => {
    const report = await evaluateExtraction(goldDir, newsDir);
    const below = scoresBelow(report, FLOORS);
    expect(below, formatEvaluationReport(report)).toEqual([]);
    expect(report.documents).toHaveLength(12);
    // the HTML pages come through Readability with their stated dates, and are not raw markup
    const html = report.documents.filter((d) => d.document.endsWith('.html'));
    expect(html).toHaveLength(5);
    expect(html.every((d) => d.publishedAt !== null)).toBe(true);
    expect(report.documents.map((d) => d.language).sort()).toEqual(
      [...Array<string>(5).fill('es'), ...Array<string>(7).fill('en')].sort(),
    );
  });
});
