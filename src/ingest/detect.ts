import { extname } from 'node:path';
import type { ErrorCode } from '../core/index.js';
import { looksBinary } from './charset.js';

/** The formats a parser exists for. */
export type Format =
  'text' | 'markdown' | 'html' | 'email' | 'mbox' | 'pdf' | 'csv' | 'tsv' | 'jsonl' | 'zip';

/** Formats read as a stream, so a big file is never held in memory whole. */
export const STREAMING_FORMATS: ReadonlySet<Format> = new Set([
  'mbox',
  'csv',
  'tsv',
  'jsonl',
  'zip',
]);

export interface Rejection {
  code: Extract<ErrorCode, 'UNSUPPORTED_FORMAT' | 'BINARY_CONTENT' | 'MALFORMED_INPUT'>;
  reason: string;
  hint: string;
}

export type Detection =
  { format: Format; rejection?: undefined } | { format?: undefined; rejection: Rejection };

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.eml': 'email',
  '.mbox': 'mbox',
  '.mbx': 'mbox',
  '.pdf': 'pdf',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.zip': 'zip',
};

const BY_MIME_TYPE: Record<string, Format> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'message/rfc822': 'email',
  'application/mbox': 'mbox',
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
};

/** Formats people will drop in that Crosscheck does not read (yet), with what to do instead. */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  '.doc': 'Convert Word files to PDF first (libreoffice --headless --convert-to pdf FILE).',
  '.docx': 'Convert Word files to PDF first (libreoffice --headless --convert-to pdf FILE).',
  '.odt': 'Convert it to PDF first (libreoffice --headless --convert-to pdf FILE).',
  '.rtf': 'Convert it to PDF first (libreoffice --headless --convert-to pdf FILE).',
  '.xls': 'Export the sheet as CSV and ingest the CSV.',
  '.xlsx': 'Export the sheet as CSV and ingest the CSV.',
  '.ods': 'Export the sheet as CSV and ingest the CSV.',
  '.ppt': 'Convert it to PDF first (libreoffice --headless --convert-to pdf FILE).',
  '.pptx': 'Convert it to PDF first (libreoffice --headless --convert-to pdf FILE).',
  '.msg': 'Convert Outlook .msg files to .eml (for example with msgconvert) and ingest those.',
  '.pst': 'Export the Outlook store to mbox (for example with readpst) and ingest that.',
  '.json': 'Only JSON Lines (one object per line, .jsonl) is read; convert it with jq -c ".[]".',
  '.7z': 'Repack it as .zip, or extract it and ingest the folder.',
  '.rar': 'Repack it as .zip, or extract it and ingest the folder.',
  '.gz': 'Decompress it (gunzip) and ingest the result.',
  '.tar': 'Extract it and ingest the folder, or repack it as .zip.',
  '.jpg':
    'Images are not read; OCR them into a PDF first (for example with tesseract FILE out pdf).',
  '.jpeg':
    'Images are not read; OCR them into a PDF first (for example with tesseract FILE out pdf).',
  '.png':
    'Images are not read; OCR them into a PDF first (for example with tesseract FILE out pdf).',
  '.tif':
    'Images are not read; OCR them into a PDF first (for example with tesseract FILE out pdf).',
  '.tiff':
    'Images are not read; OCR them into a PDF first (for example with tesseract FILE out pdf).',
  '.gif': 'Images are not read.',
};

/**
 * A file named .pdf may have up to 1 KiB of junk before its header (PDF 1.7, annex H), and readers
 * accept that; any other file must start with the header, or a text that mentions `%PDF-` would
 * be taken for a PDF.
 */
function hasPdfMagic(head: Buffer, namedPdf: boolean): boolean {
  return namedPdf
    ? head.subarray(0, 1024).includes('%PDF-')
    : head.subarray(0, 5).toString('latin1') === '%PDF-';
}

function hasZipMagic(head: Buffer): boolean {
  return (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 0x03 || head[2] === 0x05) &&
    (head[3] === 0x04 || head[3] === 0x06)
  );
}

/** An RFC 5322 header at the top (`Received:`, `From:`…), allowing a leading mbox `From ` line. */
export function startsWithEmailHeaders(head: Buffer): boolean {
  const text = head
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^(?:\r?\n)+/, '')
    .replace(/^From [^\n]*\n/, '');
  return (
    /^[!-9;-~]{1,76}:/.test(text) &&
    /^(?:from|to|subject|date|message-id|received|return-path|mime-version|delivered-to|x-[\w-]+):/im.test(
      text,
    )
  );
}

export function startsWithMboxSeparator(head: Buffer): boolean {
  return head.subarray(0, 5).toString('latin1') === 'From ';
}

function looksLikeHtml(head: Buffer): boolean {
  const start = head.subarray(0, 1024).toString('latin1').trimStart().slice(0, 200).toLowerCase();
  return (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    (start.startsWith('<?xml') && start.includes('<html'))
  );
}

/**
 * Picks a parser from the name, the declared MIME type (for attachments) and a sniff of the first
 * bytes. Content wins over the name where the bytes are unambiguous (a PDF named `.txt` is read as
 * a PDF, random bytes named `.txt` are refused), because leaked material is often misnamed.
 */
export function detectFormat(
  name: string,
  head: Buffer,
  declaredType: string | null = null,
): Detection {
  const extension = extname(name).toLowerCase();
  const unsupportedHint = KNOWN_UNSUPPORTED[extension];
  if (unsupportedHint) {
    return reject('UNSUPPORTED_FORMAT', `${extension} files are not supported.`, unsupportedHint);
  }
  const claimed =
    BY_EXTENSION[extension] ??
    (declaredType ? BY_MIME_TYPE[declaredType.toLowerCase()] : undefined);
  if (hasPdfMagic(head, claimed === 'pdf')) return { format: 'pdf' };
  if (hasZipMagic(head)) {
    return claimed === undefined || claimed === 'zip'
      ? { format: 'zip' }
      : reject(
          'MALFORMED_INPUT',
          `Named as ${claimed} but the bytes are a zip archive.`,
          'Rename it to .zip and ingest it again.',
        );
  }
  if (claimed === 'pdf') {
    return reject(
      'MALFORMED_INPUT',
      'Named as a PDF but does not start with %PDF-.',
      'Check the real type of the file (for example with `file`); it may be damaged or mislabelled.',
    );
  }
  if (claimed === 'zip') {
    return reject(
      'MALFORMED_INPUT',
      'Named as a zip archive but does not start with a zip signature.',
      'The archive may be truncated or not a zip at all; check it with `unzip -t`.',
    );
  }
  // E-mail and mbox are checked by their structure instead: a mailbox with one corrupt message, or
  // a message with a raw binary part, is still worth reading.
  if (claimed !== 'email' && claimed !== 'mbox' && looksBinary(head.subarray(0, 8192))) {
    return claimed
      ? reject(
          'BINARY_CONTENT',
          `Named as ${claimed} but holds binary data, not text.`,
          'Check the real type of the file (for example with `file`); it may be damaged or mislabelled.',
        )
      : reject(
          'UNSUPPORTED_FORMAT',
          `Unknown binary format${extension ? ` (${extension})` : ''}.`,
          'Convert it to a supported format (text, HTML, e-mail, mbox, PDF, CSV, JSON Lines, zip).',
        );
  }
  if (claimed) return { format: claimed };
  // Text with an unknown name: recognise what we can by its first bytes, else read it as text.
  if (startsWithMboxSeparator(head) && startsWithEmailHeaders(head)) return { format: 'mbox' };
  if (startsWithEmailHeaders(head)) return { format: 'email' };
  if (looksLikeHtml(head)) return { format: 'html' };
  return { format: 'text' };
}

function reject(code: Rejection['code'], reason: string, hint: string): Detection {
  return { rejection: { code, reason, hint } };
}
