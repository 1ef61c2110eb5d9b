import type { Resolution } from '../types.js';
import { readGoldFiles } from './gold.js';
import { scoreResolution, type ResolutionScore, type ScoreOptions } from './score.js';

/** Scores a resolution against every gold file in `goldDir` (see score.ts for what counts). */
export async function scoreResolutionAgainstGold(
  resolution: Resolution,
  goldDir: string,
  options: ScoreOptions = {},
): Promise<ResolutionScore> {
  return scoreResolution(resolution, await readGoldFiles(goldDir), options);
}
