import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import type { SearchResults } from '../../store/index.js';
import type { Output } from '../context.js';
// The copies, not the ingest stage's own lists: searching needs only the store.
import { DOCUMENT_KINDS, SUPPORTED_LANGUAGES } from '../declared-defaults.js';
import { IsoDate, NonNegativeInt, PositiveInt, parseOptions } from '../parse-options.js';
import { withStore } from '../with-store.js';

const SearchFlags = z.object({
  store: z.string().optional(),
  lang: z.array(z.enum([...SUPPORTED_LANGUAGES, 'und'])).optional(),
  type: z.array(z.enum(DOCUMENT_KINDS)).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  entity: z.array(z.string().min(1)).optional(),
  source: z.array(z.string().min(1)).optional(),
  limit: PositiveInt.max(500).default(20),
  offset: NonNegativeInt.default(0),
  json: z.boolean().default(false),
});

export function formatSearchResults(results: SearchResults, color: boolean): string[] {
  const c = color ? pc : pc.createColors(false);
  const lines = [
    results.totalIsLowerBound
      ? `More than ${results.total} documents match.`
      : `${results.total} document(s) match.`,
  ];
  if (results.rankedAmong !== null)
    lines.push(
      `Ranked among the ${results.rankedAmong} most recently added matches; add words or filters to rank every match.`,
    );
  for (const hit of results.hits) {
    const date = hit.publishedAt ? hit.publishedAt.slice(0, 10) : 'undated';
    lines.push('');
    lines.push(
      `${c.bold(hit.title ?? '(untitled)')}  ${c.dim(`${hit.id.slice(0, 12)} · ${hit.kind} · ${hit.language} · ${date}`)}`,
    );
    lines.push(`  ${c.dim(hit.origin)}`);
    const snippet = hit.snippet
      .map((part) => (part.match ? c.yellow(c.bold(part.text)) : part.text))
      .join('')
      .replace(/\s+/g, ' ');
    lines.push(`  ${snippet}`);
  }
  return lines;
}

/** `crosscheck search <query...>`. */
export async function searchDocuments(
  output: Output,
  words: string[],
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(SearchFlags, { ...command.optsWithGlobals(), ...raw });
  const results = await withStore(flags, (store) =>
    store.search({
      text: words.join(' '),
      ...(flags.lang && { languages: flags.lang }),
      ...(flags.type && { kinds: flags.type }),
      ...(flags.from && { from: flags.from }),
      ...(flags.to && { to: flags.to }),
      ...(flags.entity?.length && { entities: flags.entity }),
      ...(flags.source?.length && { sources: flags.source }),
      limit: flags.limit,
      offset: flags.offset,
    }),
  );
  if (flags.json) output.json(results);
  else
    for (const line of formatSearchResults(results, Boolean(process.stdout.isTTY)))
      output.out(line);
}
