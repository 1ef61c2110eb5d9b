import { decodeText, looksBinary } from '../charset.js';
import { datelineDate, headerDate } from '../dates.js';
import { buildDocument, leadingLines } from '../document.js';
import { ingestError } from '../failures.js';
import { parseIntelBlock } from '../intel-block.js';
import type { Parser } from './types.js';
import { itemEvent } from './types.js';

/** `# Heading` (ATX) at the start of a Markdown line. */
const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/m;

/** How many leading lines may hold the headline of a text copied from a web page. */
const HEADLINE_SEARCH_LINES = 5;
const MAX_HEADLINE_CHARS = 150;

/**
 * The headline among the first lines: the first one that reads like a headline (three words or
 * more, at most 150 characters, not ending like a sentence or a lead-in with `.`, `:`, `;` or `,`)
 * before the first paragraph.
 * Articles copied from web pages often open with kickers like `FYI.` or `Tech` before the real
 * headline. When no line qualifies, the first line is the title (cut to a sane length later).
 */
function headline(lines: string[]): string | null {
  for (const line of lines.slice(0, HEADLINE_SEARCH_LINES)) {
    // A paragraph means the body has begun; a short line after it is a caption, not the headline.
    if (line.length > MAX_HEADLINE_CHARS) break;
    if (line.split(/\s+/).length >= 3 && !/[.:;,]$/.test(line)) return line;
  }
  return lines[0] ?? null;
}

/**
 * Plain text and Markdown. The title is the first heading for Markdown, else the headline
 * among the first lines (see headline). A first line that is a bare date is the publication date:
 * news sites copied as text often start that way.
 */
export const parseText: Parser = async function* (input, context) {
  const bytes = await input.source.readAll();
  // The detector sniffed the head; a file can still turn binary further on (a corrupt tail).
  if (looksBinary(bytes.length > 65_536 ? bytes.subarray(bytes.length - 8192) : bytes)) {
    throw ingestError('BINARY_CONTENT', input.origin, 'The file holds binary data, not text.');
  }
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') {
    throw ingestError('FILE_EMPTY', input.origin, 'The file holds only white space.');
  }

  const lines = leadingLines(decoded.text, HEADLINE_SEARCH_LINES + 1);
  const publishedAt = headerDate(decoded.text);
  const markdownTitle =
    input.format === 'markdown' ? MARKDOWN_HEADING.exec(decoded.text)?.[1] : undefined;
  const title =
    markdownTitle ?? headline(lines[0] && datelineDate(lines[0]) ? lines.slice(1) : lines);

  yield itemEvent({
    document: buildDocument(
      {
        id: input.id,
        kind: input.format === 'markdown' ? 'markdown' : 'text',
        origin: input.origin,
        mimeType: input.format === 'markdown' ? 'text/markdown' : 'text/plain',
        sizeBytes: bytes.length,
        text: decoded.text,
        title,
        publishedAt,
        intel: parseIntelBlock(decoded.text, title),
        metadata: {
          charset: decoded.charset,
          ...(decoded.confidence < 100 ? { charsetConfidence: decoded.confidence } : {}),
        },
      },
      context.options.limits,
    ),
    parent: null,
  });
};
