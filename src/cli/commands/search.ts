import type { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../../core/index.js';
import { DOCUMENT_KINDS } from '../../ingest/index.js';
import type { SearchResults } from '../../store/index.js';
import { withStore, type Output } from '../context.js';
import { IsoDate, NonNegativeInt, PositiveInt, commaList, parseOptions } from '../parse-options.js';

const SearchFlags = z.object({
  store: z.string().optional(),
  lang: z.array(z.enum([...SUPPORTED_LANGUAGES, 'und'])).optional(),
  type: z.array(z.enum(DOCUMENT_KINDS as [string, ...string[]])).optional(),
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

const repeated = (value: string, previous: string[]) => [...previous, value];

export function registerSearch(program: Command, output: Output): void {
  program
    .command('search')
    .description(
      'Full-text search: words, "phrases", AND / OR / NOT, prefix*, (groups); accents optional',
    )
    .argument('<query...>', 'what to look for')
    .option(
      '--lang <codes>',
      `languages to keep (${SUPPORTED_LANGUAGES.join(', ')}, und)`,
      commaList,
    )
    .option('--type <kinds>', `document types to keep (${DOCUMENT_KINDS.join(', ')})`, commaList)
    .option('--from <date>', 'published on or after (YYYY[-MM[-DD]])')
    .option('--to <date>', 'published on or before (YYYY[-MM[-DD]])')
    // Repeated, not comma lists: entity ids and bylines may contain commas.
    .option('--entity <id>', 'mentions this resolved entity (repeat: all of them)', repeated, [])
    .option(
      '--source <source>',
      'from this source: intel code, sender address or byline (repeat: any of them)',
      repeated,
      [],
    )
    .option('--limit <n>', 'results per page', '20')
    .option('--offset <n>', 'results to skip', '0')
    .option('--json', 'print results as JSON')
    .action(async (words: string[], raw: Record<string, unknown>, command: Command) => {
      const flags = parseOptions(SearchFlags, { ...command.optsWithGlobals(), ...raw });
      const results = await withStore(flags, (store) =>
        store.search({
          text: words.join(' '),
          ...(flags.lang && { languages: flags.lang }),
          ...(flags.type && { kinds: flags.type as (typeof DOCUMENT_KINDS)[number][] }),
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
    });
}
