import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { toIsoDate } from '../dates.js';
import { buildDocument } from '../document.js';
import { ingestError } from '../failures.js';
import { findOcrTools, OCR_INSTALL_HINT, ocrPdfPage } from '../ocr.js';
import type { Parser } from './types.js';
import { itemEvent } from './types.js';

/** pdf.js verbosity: errors only (it would otherwise print warnings about damaged files to stdout). */
const PDFJS_ERRORS_ONLY = 0;

/**
 * PDFs through unpdf (pdf.js): the text layer page by page, and the document info (title, author,
 * creation date). Pages without a text layer (scans) are OCRed with tesseract when it is
 * installed and options.ocr is on; otherwise the pages are listed in `metadata.ocr` so the user
 * knows text is missing, and a PDF with no text at all is a failure.
 */
export const parsePdf: Parser = async function* (input, context) {
  const bytes = await input.source.readAll();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given; hand it a copy so `bytes` stays usable for OCR.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: PDFJS_ERRORS_ONLY });
  } catch (error) {
    throw openError(error, input.origin);
  }
  try {
    let pages: string[];
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } catch (error) {
      throw ingestError(
        'MALFORMED_INPUT',
        input.origin,
        `The PDF's pages cannot be read: ${message(error)}`,
        { cause: error },
      );
    }
    const info = await getMeta(pdf, { parseDates: true }).then(
      (meta) => meta.info as Record<string, unknown>,
      () => ({}) as Record<string, unknown>,
    );

    const pagesWithoutText = pages.flatMap((page, index) =>
      page.trim() === '' ? [index + 1] : [],
    );
    const metadata: Record<string, unknown> = { pages: pages.length };
    // pdf.js rebuilds a damaged cross-reference table and reads what it can; say so, because
    // pages or text may be missing.
    if (!bytes.subarray(Math.max(0, bytes.length - 1024)).includes('%%EOF')) {
      metadata.warnings = [
        'No %%EOF marker at the end: the PDF looks truncated, text may be missing.',
      ];
    }
    if (pagesWithoutText.length > 0) {
      metadata.ocr = await recogniseMissingPages(
        bytes,
        pages,
        pagesWithoutText,
        context.options.ocr,
      );
    }
    const text = pages.join('\n\n');
    if (text.trim() === '') {
      const ocr = metadata.ocr as { engine?: string; note?: string } | undefined;
      const pageCount = `${pages.length} page${pages.length === 1 ? '' : 's'}`;
      if (ocr?.engine) {
        throw ingestError(
          'FILE_EMPTY',
          input.origin,
          `The PDF has no text layer and OCR found no text on its ${pageCount}.`,
          {
            hint: 'The scan may be blank or too poor to read; check it by eye.',
          },
        );
      }
      throw ingestError(
        'OCR_UNAVAILABLE',
        input.origin,
        `The PDF has no text layer (${pageCount}) and cannot be OCRed here.`,
        {
          hint: ocr?.note ?? OCR_INSTALL_HINT,
        },
      );
    }

    yield itemEvent({
      document: buildDocument(
        {
          id: input.id,
          kind: 'pdf',
          origin: input.origin,
          mimeType: 'application/pdf',
          sizeBytes: bytes.length,
          text,
          title: stringField(info.Title),
          byline: stringField(info.Author),
          publishedAt: info.CreationDate instanceof Date ? toIsoDate(info.CreationDate) : null,
          metadata,
        },
        context.options.limits,
      ),
      parent: null,
    });
  } finally {
    await pdf.destroy();
  }
};

/** Fills `pages` in place with OCR text where possible; returns the note for the metadata. */
async function recogniseMissingPages(
  bytes: Buffer,
  pages: string[],
  pagesWithoutText: number[],
  ocrEnabled: boolean,
): Promise<Record<string, unknown>> {
  if (!ocrEnabled)
    return { pagesWithoutText, note: 'OCR is turned off (ocr: false); these pages have no text.' };
  const tools = await findOcrTools();
  if (!tools.available) return { pagesWithoutText, note: tools.missing ?? OCR_INSTALL_HINT };
  const recognised: number[] = [];
  const failed: Array<{ page: number; reason: string }> = [];
  for (const page of pagesWithoutText) {
    try {
      pages[page - 1] = await ocrPdfPage(bytes, page, tools.languages);
      recognised.push(page);
    } catch (error) {
      failed.push({ page, reason: message(error) });
    }
  }
  return {
    engine: 'tesseract',
    languages: tools.languages,
    pagesWithoutText,
    recognisedPages: recognised,
    ...(failed.length > 0 ? { failedPages: failed } : {}),
  };
}

function openError(error: unknown, origin: string) {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return ingestError('UNSUPPORTED_FORMAT', origin, 'The PDF is encrypted with a password.', {
      hint: 'Remove the password (qpdf --decrypt --password=… in.pdf out.pdf) and ingest the result.',
      cause: error,
    });
  }
  return ingestError('MALFORMED_INPUT', origin, `The PDF cannot be opened: ${message(error)}`, {
    hint: 'The file is truncated or corrupt; download or export it again (qpdf --check shows the damage).',
    cause: error,
  });
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
