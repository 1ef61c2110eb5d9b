import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ingest } from '../test-helpers.js';

/**
 * A machine without tesseract, simulated by emptying PATH for this test file (vitest runs each
 * file with its own module state, so the OCR probe here sees no tools).
 */
describe('PDF parser on a machine without OCR tools', () => {
  const savedPath = process.env.PATH;
  beforeAll(() => {
    process.env.PATH = '/nonexistent';
  });
  afterAll(() => {
    process.env.PATH = savedPath;
  });

  it('keeps the text that exists and lists the pages without text, with the install hint', async () => {
    const { items, failures } = await ingest([fixture('mixed-text-and-scan.pdf')]);
    expect(failures).toEqual([]);
    const { document } = items[0]!;
    expect(document.text).toBe(
      'Expediente 114/2011 - portada\nAnexo: memorando escaneado de la policia estatal.',
    );
    expect(document.metadata).toEqual({
      pages: 2,
      ocr: {
        pagesWithoutText: [2],
        note: 'tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils',
      },
    });
  });

  it('fails a PDF with no text at all with OCR_UNAVAILABLE and that hint', async () => {
    const { items, failures } = await ingest([fixture('memo-scanned-no-text.pdf')]);
    expect(items).toEqual([]);
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'OCR_UNAVAILABLE',
        parser: 'pdf',
        hint: 'tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils',
      }),
    ]);
  });
});
