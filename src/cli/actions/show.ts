import type { Command } from 'commander';
import pc from 'picocolors';
import { CrosscheckError } from '../../core/index.js';
import type { Store, StoredDocument } from '../../store/index.js';
import type { Output } from '../context.js';
import { marksOf, segmentByMarks, type MarkedSegment } from '../marks.js';
import { parseOptions, StoreJsonFlags } from '../parse-options.js';
import { withStore } from '../with-store.js';

export async function findDocument(store: Store, idOrPrefix: string): Promise<StoredDocument> {
  const id = await store.resolveDocumentId(idOrPrefix);
  const document = id ? await store.getDocument(id) : null;
  if (!document) {
    throw new CrosscheckError('NOT_FOUND', `No document has the id ${idOrPrefix}`, {
      hint: 'Use an id (or its first 6+ characters) from `crosscheck search`.',
    });
  }
  return document;
}

/** `crosscheck show <id>`. */
export async function showDocument(
  output: Output,
  idOrPrefix: string,
  raw: Record<string, unknown>,
  command: Command,
): Promise<void> {
  const flags = parseOptions(StoreJsonFlags, { ...command.optsWithGlobals(), ...raw });
  const { document, links, extraction } = await withStore(flags, async (store) => {
    const document = await findDocument(store, idOrPrefix);
    return {
      document,
      links: await store.getLinks(document.id),
      extraction: (await store.getExtraction(document.id))?.extraction ?? null,
    };
  });
  if (flags.json) return output.json({ ...document, links, extraction });
  const c = process.stdout.isTTY ? pc : pc.createColors(false);
  output.out(c.bold(document.title ?? '(untitled)'));
  output.out(
    c.dim(`${document.id}  ${document.kind} · ${document.language} · ${document.mimeType}`),
  );
  output.out(`TLP:${document.tlp}`);
  if (document.publishedAt) output.out(`Published: ${document.publishedAt}`);
  if (document.byline) output.out(`By: ${document.byline}`);
  output.out(`Found at: ${document.origins.join(', ')}`);
  if (document.email) {
    const e = document.email;
    output.out(`From: ${e.from ?? '?'}  To: ${e.to.join(', ')}`);
    if (e.messageId) output.out(`Message-ID: ${e.messageId}  Thread: ${e.threadId ?? '–'}`);
    if (e.inReplyTo) output.out(`In-Reply-To: ${e.inReplyTo}`);
  }
  if (document.intel) {
    const i = document.intel;
    output.out(
      `Source ${i.code ?? '?'}: reliability ${i.sourceReliability ?? '?'} (as written), ` +
        `item credibility ${i.itemCredibility ?? '?'}; ${i.sourceDescription ?? ''}`,
    );
  }
  for (const p of links.parents)
    output.out(`Attached to: ${p.parentId.slice(0, 12)} as ${p.name ?? '?'}`);
  for (const ch of links.children)
    output.out(`Attachment: ${ch.name ?? '?'} → ${ch.childId.slice(0, 12)}`);
  output.out('');
  if (!extraction) {
    output.out(c.dim('(not extracted yet: run `crosscheck extract`)'));
    output.out(document.text);
    return;
  }
  output.out(
    `${c.cyan('person')} ${c.magenta('organisation')} ${c.green('place')} ${c.yellow('date')} ` +
      `${c.blue('figure')} ${c.underline('quote')}`,
  );
  output.out('');
  const paint = (segment: MarkedSegment) => {
    let text = segment.text;
    const k = segment.kinds;
    if (k.has('person')) text = c.cyan(text);
    else if (k.has('organization')) text = c.magenta(text);
    else if (k.has('place')) text = c.green(text);
    else if (k.has('date')) text = c.yellow(text);
    else if (k.has('figure')) text = c.blue(text);
    if (k.has('quote')) text = c.underline(text);
    return text;
  };
  output.out(segmentByMarks(document.text, marksOf(extraction)).map(paint).join(''));
  if (extraction.quotes.length) {
    output.out('');
    output.out(c.bold('Quotes'));
    for (const q of extraction.quotes) {
      output.out(
        `  ${q.speaker ?? 'unattributed'}${q.verb ? ` (${q.verb})` : ''}${q.saidOn ? `, ${q.saidOn}` : ''}: “${q.text.slice(0, 120)}${q.text.length > 120 ? '…' : ''}”`,
      );
    }
  }
  if (extraction.sourcesCited.length) {
    output.out('');
    output.out(
      `${c.bold('Sources cited')}: ${[...new Set(extraction.sourcesCited.map((s) => s.name))].join(', ')}`,
    );
  }
}
