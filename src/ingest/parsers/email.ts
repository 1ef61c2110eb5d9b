import {
  simpleParser,
  type AddressObject,
  type EmailAddress,
  type ParsedMail,
  type SimpleParserOptions,
} from 'mailparser';
import { decodeWith, guessLegacyCharset, isUtf8Sample, usableCharset } from '../charset.js';
import { toIsoDate } from '../dates.js';
import { startsWithEmailHeaders } from '../detect.js';
import { buildDocument, cleanLine } from '../document.js';
import { ingestError } from '../failures.js';
import { htmlToText } from '../html-text.js';
import { parseIntelBlock } from '../intel-block.js';
import type { EmailInfo } from '../types.js';
import type { ParseContext, ParseEvent, Parser } from './types.js';
import { itemEvent } from './types.js';

/**
 * Created once: mailparser reads the options per call. Everything we do not use is switched off
 * (HTML rendering of text parts, link detection, MD5 of attachments: we hash with SHA-256
 * ourselves), which matters at thousands of messages a second. Embedded `message/rfc822` parts
 * stay attachments so each forwarded message becomes its own document, linked to its parent.
 */
const MAIL_PARSER_OPTIONS: SimpleParserOptions = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  skipTextLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
  ignoreEmbedded: true,
};

/** Where one message sits: its id, origin and nesting depth. */
export interface MessageLocation {
  id: string;
  origin: string;
  depth: number;
}

/** A single `.eml` file (or an attached message). */
export const parseEmail: Parser = async function* (input, context) {
  yield* parseEmailMessage(await input.source.readAll(), input, context);
};

/** Parses one raw RFC 5322 message, then its attachments as child documents. Used by mbox too. */
export async function* parseEmailMessage(
  raw: Buffer,
  where: MessageLocation,
  context: ParseContext,
): AsyncGenerator<ParseEvent> {
  if (!startsWithEmailHeaders(raw)) {
    throw ingestError(
      'MALFORMED_INPUT',
      where.origin,
      'This does not start with e-mail headers (From:, Subject:, …).',
      {
        hint: 'If it is a plain-text copy of a message, name it .txt; if it is damaged, re-export it from the mail program.',
        byteOffset: 0,
      },
    );
  }
  const { bytes, warnings } = repairCharsets(raw);
  const parsed = await simpleParser(bytes, MAIL_PARSER_OPTIONS);
  warnings.push(...structureWarnings(parsed, bytes));

  const email = emailInfo(parsed);
  // With skipHtmlToText mailparser leaves `text` empty for HTML-only messages; we convert the HTML
  // ourselves, the same way as HTML files, so script and style never reach the text.
  const bodyFromHtml = !parsed.text?.trim() && typeof parsed.html === 'string';
  const text = bodyFromHtml ? htmlToText(parsed.html as string) : (parsed.text ?? '');
  const attachments = parsed.attachments.map((attachment, index) => ({
    attachment,
    name: attachmentName(attachment.filename, attachment.contentType, index),
  }));

  yield itemEvent({
    document: buildDocument(
      {
        id: where.id,
        kind: 'email',
        origin: where.origin,
        mimeType: 'message/rfc822',
        sizeBytes: raw.length,
        text,
        title: email.subject,
        byline: email.from,
        publishedAt: email.sentAt,
        email,
        intel: parseIntelBlock(text, email.subject),
        metadata: {
          ...(attachments.length > 0
            ? {
                attachments: attachments.map(({ attachment, name }) => ({
                  name,
                  contentType: attachment.contentType,
                  size: attachment.size,
                })),
              }
            : {}),
          ...(bodyFromHtml ? { bodyFrom: 'html' } : {}),
          ...(warnings.length > 0 ? { warnings } : {}),
        },
      },
      context.options.limits,
    ),
    parent: null,
  });

  for (const { attachment, name } of attachments) {
    const prefix = `${where.origin}#attachment/`;
    const nested = context.parseNested({
      bytes: attachment.content,
      origin: `${prefix}${name}`,
      name,
      declaredType: attachment.contentType,
      depth: where.depth + 1,
      unreadable: 'attachment-document',
      container: 'email',
    });
    for await (const event of nested) {
      if (event.type === 'item' && event.item.parent === null) {
        // The attachment itself, or the members of an attached archive (which is no document):
        // link them to this message, named by their path below it.
        const { origin } = event.item.document;
        const linkName = origin.startsWith(prefix) ? origin.slice(prefix.length) : name;
        yield itemEvent({
          document: event.item.document,
          parent: { parentId: where.id, relation: 'attachment', name: linkName },
        });
      } else {
        yield event;
      }
    }
  }
}

function emailInfo(parsed: ParsedMail): EmailInfo {
  const messageId = cleanLine(parsed.messageId, 998);
  const inReplyTo = cleanLine(parsed.inReplyTo, 998);
  const references = (
    Array.isArray(parsed.references)
      ? parsed.references
      : parsed.references
        ? [parsed.references]
        : []
  )
    .map((reference) => cleanLine(reference, 998))
    .filter((reference): reference is string => reference !== null);
  return {
    messageId,
    inReplyTo,
    references,
    // References lists the thread from its root; In-Reply-To only names the parent.
    threadId: references[0] ?? inReplyTo ?? messageId,
    from: formatAddresses(parsed.from)[0] ?? null,
    to: formatAddresses(parsed.to),
    cc: formatAddresses(parsed.cc),
    subject: cleanLine(parsed.subject, 998),
    sentAt: parsed.headers.has('date') ? toIsoDate(parsed.date) : null,
  };
}

/** `Name <address>`, or the bare address; groups are flattened into their members. */
function formatAddresses(header: AddressObject | AddressObject[] | undefined): string[] {
  if (!header) return [];
  const pending: EmailAddress[] = (Array.isArray(header) ? header : [header]).flatMap(
    (object) => object.value,
  );
  const formatted: string[] = [];
  for (const address of pending) {
    if (address.group) {
      pending.push(...address.group);
      continue;
    }
    const name = cleanLine(address.name, 998);
    const mailbox = cleanLine(address.address, 998);
    const line = mailbox ? (name && name !== mailbox ? `${name} <${mailbox}>` : mailbox) : name;
    if (line) formatted.push(line);
  }
  return formatted;
}

const CHARSET_PARAMETER = /(charset\s*=\s*"?)([^"\s;]+)/gi;

/**
 * Repairs, before mailparser sees them, two charset problems it cannot undo afterwards:
 *
 * - a charset label it does not know (`x-mac-klingon`, typos like `utf8-`) makes it decode the
 *   part as U+FFFD replacement characters. The label is swapped for what the bytes most likely are
 *   (UTF-8 if they are valid UTF-8, else chardet's guess).
 * - raw 8-bit headers (`From: Ramón Íñiguez`, no RFC 2047 encoding), common in old mail, are read
 *   as UTF-8; a header block that is not valid UTF-8 is transcoded from its guessed charset.
 *
 * Every repair is noted in the document's metadata. The id still hashes the original bytes.
 */
function repairCharsets(raw: Buffer): { bytes: Buffer; warnings: string[] } {
  const warnings: string[] = [];
  let bytes = raw;

  const source = raw.toString('latin1');
  let guess: string | null = null;
  const relabelled = source.replace(CHARSET_PARAMETER, (whole, prefix: string, label: string) => {
    if (usableCharset(label)) return whole;
    guess ??= isUtf8Sample(raw) ? 'utf-8' : guessLegacyCharset(raw).charset;
    warnings.push(`Unknown charset "${label}": decoded as ${guess} (guessed from the bytes).`);
    return `${prefix}${guess}`;
  });
  if (warnings.length > 0) bytes = Buffer.from(relabelled, 'latin1');

  const headerEnd = endOfHeaders(bytes);
  const headers = bytes.subarray(0, headerEnd);
  if (headers.some((byte) => byte >= 0x80) && !isUtf8Sample(headers)) {
    const charset = guessLegacyCharset(headers).charset;
    warnings.push(`Raw 8-bit header values decoded as ${charset} (guessed from the bytes).`);
    bytes = Buffer.concat([
      Buffer.from(decodeWith(headers, charset), 'utf8'),
      bytes.subarray(headerEnd),
    ]);
  }
  return { bytes, warnings };
}

/** Offset of the blank line that ends the top-level header block (or the end of the message). */
function endOfHeaders(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const candidates = [crlf, lf].filter((offset) => offset >= 0);
  return candidates.length > 0 ? Math.min(...candidates) : raw.length;
}

/** Signs of a damaged message that mailparser silently tolerates. */
function structureWarnings(parsed: ParsedMail, raw: Buffer): string[] {
  // mailparser parses Content-Type into { value, params }.
  const contentType = parsed.headers.get('content-type') as
    { value?: unknown; params?: Record<string, string> } | undefined;
  const type = typeof contentType?.value === 'string' ? contentType.value : '';
  const boundary = contentType?.params?.boundary;
  if (type.startsWith('multipart/') && boundary && !raw.includes(`--${boundary}--`)) {
    return [
      `The multipart boundary "${boundary}" is never closed: the message looks truncated, its last part may be incomplete.`,
    ];
  }
  return [];
}

/** Extensions for unnamed attachments, so the type is still visible in the origin. */
const EXTENSION_BY_TYPE: Record<string, string> = {
  'text/plain': '.txt',
  'text/html': '.html',
  'message/rfc822': '.eml',
  'application/pdf': '.pdf',
  'text/csv': '.csv',
  'application/zip': '.zip',
};

function attachmentName(filename: string | undefined, contentType: string, index: number): string {
  const cleaned = cleanLine(filename, 255);
  return cleaned ?? `attachment-${index + 1}${EXTENSION_BY_TYPE[contentType.toLowerCase()] ?? ''}`;
}
