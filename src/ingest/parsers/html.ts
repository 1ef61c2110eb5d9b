import { Readability } from '@mozilla/readability';
import { decodeText } from '../charset.js';
import { toIsoDate } from '../dates.js';
import { buildDocument } from '../document.js';
import { ingestError } from '../failures.js';
import { domToText, htmlToText, parseHtmlDocument, type DomNode } from '../html-text.js';
import { detectLanguage, languageFromTag } from '../language.js';
import type { Parser } from './types.js';
import { itemEvent } from './types.js';

/** The charset an HTML page declares in its first bytes (`<meta charset>` or http-equiv). */
function declaredCharset(head: Buffer): string | null {
  const start = head.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(start)?.[1] ?? null;
}

type HtmlDocument = ReturnType<typeof parseHtmlDocument>;

/** Selectors for the publication date, most specific first. */
const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

/**
 * The publication date the page states. Read before Readability runs, because Readability
 * removes the elements it does not keep.
 */
function statedPublishedAt(document: HtmlDocument): string | null {
  for (const selector of DATE_META) {
    const value = toIsoDate(document.querySelector(selector)?.getAttribute('content'));
    if (value) return value;
  }
  const fromJsonLd = jsonLdDatePublished(document);
  if (fromJsonLd) return fromJsonLd;
  const time =
    document.querySelector('time[itemprop="datePublished"][datetime]') ??
    document.querySelector('time[pubdate][datetime]') ??
    document.querySelector('time[datetime]');
  return toIsoDate(time?.getAttribute('datetime'));
}

/** `datePublished` from JSON-LD, also inside `@graph` arrays. Broken JSON-LD is ignored. */
function jsonLdDatePublished(document: HtmlDocument): string | null {
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const pending: unknown[] = [data];
    for (let seen = 0; pending.length > 0 && seen < 1000; seen++) {
      const node = pending.pop();
      if (Array.isArray(node)) pending.push(...node);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        const date =
          typeof record.datePublished === 'string' ? toIsoDate(record.datePublished) : null;
        if (date) return date;
        if (record['@graph']) pending.push(record['@graph']);
      }
    }
  }
  return null;
}

function statedByline(document: HtmlDocument): string | null {
  return (
    document.querySelector('meta[name="author"]')?.getAttribute('content') ??
    document.querySelector('meta[property="article:author"]')?.getAttribute('content') ??
    null
  );
}

/**
 * HTML pages: Readability finds the article (dropping navigation, ads and comments), linkedom
 * provides the DOM. linkedom never runs scripts or loads resources, so `<script>` and
 * `<img onerror>` are inert; script and style text is never taken into the document text.
 */
export const parseHtml: Parser = async function* (input, context) {
  const bytes = await input.source.readAll();
  const decoded = decodeText(bytes, declaredCharset(input.source.head));
  const document = parseHtmlDocument(decoded.text);

  const declaredLanguage = languageFromTag(document.documentElement?.getAttribute('lang'));
  const publishedAt = statedPublishedAt(document);
  const metaByline = statedByline(document);
  const pageTitle = document.title || document.querySelector('h1')?.textContent || null;
  const fallbackText = domToText((document.body ?? document.documentElement) as unknown as DomNode);

  let article: ReturnType<Readability['parse']> = null;
  try {
    // Readability mutates the DOM it is given, which is why everything else is read first.
    article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  } catch {
    article = null; // A page Readability cannot handle still has its body text.
  }
  let text = '';
  if (article?.content) {
    text = htmlToText(article.content);
  }
  const usedReadability = text.trim() !== '';
  if (!usedReadability) text = fallbackText;
  if (text.trim() === '') {
    throw ingestError('FILE_EMPTY', input.origin, 'The page has no visible text.', {
      hint: 'It may be a script-only page or a frame set; save the rendered page from a browser instead.',
    });
  }

  yield itemEvent({
    document: buildDocument(
      {
        id: input.id,
        kind: 'html',
        origin: input.origin,
        mimeType: 'text/html',
        sizeBytes: bytes.length,
        text,
        title: article?.title || pageTitle,
        byline: article?.byline || metaByline,
        publishedAt: publishedAt ?? toIsoDate(article?.publishedTime),
        language: declaredLanguage ?? detectLanguage(text),
        metadata: {
          charset: decoded.charset,
          extraction: usedReadability ? 'readability' : 'body',
          ...(article?.siteName ? { siteName: article.siteName } : {}),
        },
      },
      context.options.limits,
    ),
    parent: null,
  });
};
