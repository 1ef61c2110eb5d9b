import { parseHTML } from 'linkedom';

/**
 * Plain text from a DOM tree, with paragraphs separated by blank lines. Hand-written because
 * `textContent` runs paragraphs together and includes script and style source; a converter
 * library (html-to-text) would parse the HTML a second time. Iterative rather than recursive so a
 * hostile page nested a hundred thousand levels deep cannot overflow the stack.
 */

/** Minimal view of a DOM node, satisfied by linkedom's and the browser's. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Never text: code, styling, embedded objects and document metadata. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'BUTTON',
  'INPUT',
  'TEXTAREA',
]);

/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'UL',
  'CAPTION',
]);

/** Elements that start a new line but not a new paragraph. */
const LINES = new Set(['BR', 'LI', 'TR']);

const PARAGRAPH = '\u0000P';
const LINE = '\u0000L';

export function domToText(root: DomNode): string {
  const parts: string[] = [];
  // Each stack entry is a node to visit or a marker to emit once an element's children are done.
  const stack: Array<DomNode | string> = [root];
  let preDepth = 0;
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === 'string') {
      if (next === 'endpre') preDepth--;
      else parts.push(next);
      continue;
    }
    if (next.nodeType === TEXT_NODE) {
      // eslint-disable-next-line no-control-regex -- NUL is our marker; no document may forge one.
      const value = (next.nodeValue ?? '').replace(/\u0000/g, '');
      parts.push(preDepth > 0 ? value.replace(/\n/g, LINE) : value.replace(/\s+/g, ' '));
      continue;
    }
    if (next.nodeType !== ELEMENT_NODE && next !== root) continue;
    const name = next.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    const boundary = BLOCKS.has(name)
      ? PARAGRAPH
      : LINES.has(name)
        ? LINE
        : name === 'TD' || name === 'TH'
          ? ' '
          : '';
    if (boundary) parts.push(boundary);
    if (name === 'PRE') preDepth++;
    // Blocks close with a paragraph break too; line elements (li, tr) only open one.
    if (boundary === PARAGRAPH) stack.push(boundary);
    if (name === 'PRE') stack.push('endpre');
    const children = next.childNodes;
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  return joinParts(parts.join(''));
}

/** Turns the boundary markers into line breaks and tidies the spaces around them. */
function joinParts(raw: string): string {
  return raw
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split(LINE)
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((line, index, lines) => line !== '' || (index > 0 && index < lines.length - 1))
        .join('\n')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * A DOM for any HTML: a whole page, or a fragment (a saved snippet, an e-mail body), which linkedom
 * would otherwise leave without <html> and <body>.
 */
export function parseHtmlDocument(html: string) {
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document;
}

/** Text of an HTML string, a whole page or a fragment (an e-mail body, Readability's output). */
export function htmlToText(html: string): string {
  const document = parseHtmlDocument(html);
  return domToText((document.body ?? document.documentElement) as unknown as DomNode);
}
