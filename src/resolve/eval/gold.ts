import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CrosscheckError } from '../../core/index.js';

/**
 * The part of a gold file (../shared/corpus/gold/README.md) resolution is scored on: each
 * document's entities with every surface form they take in it. Validated at the edge.
 */
const goldFileSchema = z.object({
  document: z.string(),
  entities: z
    .array(
      z.object({
        type: z.enum(['person', 'organization', 'place']),
        name: z.string(),
        mentions: z.array(z.string()).default([]),
        also_known_as: z.array(z.string()).optional(),
      }),
    )
    .default([]),
});

export type GoldFile = z.infer<typeof goldFileSchema>;

/** Every `*.gold.json` in a folder, in file-name order. */
export async function readGoldFiles(goldDir: string): Promise<GoldFile[]> {
  let names: string[];
  try {
    names = (await readdir(goldDir)).filter((name) => name.endsWith('.gold.json')).sort();
  } catch (error) {
    throw new CrosscheckError('FILE_NOT_FOUND', `Cannot read the gold folder ${goldDir}`, {
      file: goldDir,
      hint: 'Pass the folder that holds the *.gold.json files.',
      cause: error,
    });
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(goldDir, name);
      const parsed = goldFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success) {
        throw new CrosscheckError('MALFORMED_INPUT', `Not a gold file: ${parsed.error.message}`, {
          file,
          hint: 'Gold files follow ../shared/corpus/gold/README.md.',
        });
      }
      return parsed.data;
    }),
  );
}
