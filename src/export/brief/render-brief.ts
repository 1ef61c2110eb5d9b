import type { TlpLevel } from '../../core/index.js';
import type { ExportSnapshot } from '../snapshot.js';
import { buildBrief } from './brief-data.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderPdf } from './pdf.js';

export type BriefFormat = 'markdown' | 'html' | 'pdf';

/** The brief's format from the file it is written to: `.html`/`.htm`, `.pdf`, else Markdown. */
export function briefFormatOf(path: string | undefined): BriefFormat {
  if (path && /\.html?$/i.test(path)) return 'html';
  if (path && /\.pdf$/i.test(path)) return 'pdf';
  return 'markdown';
}

export async function renderBrief(
  snapshot: ExportSnapshot,
  title: string,
  format: BriefFormat,
  marking: TlpLevel = 'CLEAR',
): Promise<string | Buffer> {
  const brief = buildBrief(snapshot, title, marking);
  if (format === 'markdown') return renderMarkdown(brief);
  const html = renderHtml(brief);
  return format === 'html' ? html : renderPdf(html);
}
