import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ingest, ingestOne, optionsWith, temporaryFolder } from '../test-helpers.js';

function onPath(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const ocrInstalled = onPath('tesseract', ['--version']) && onPath('pdftoppm', ['-v']);

describe('PDF parser', () => {
  it('reads the text layer page by page with the document info', async () => {
    const { document } = await ingestOne(fixture('report-text-layer.pdf'));
    expect(document).toMatchObject({
      kind: 'pdf',
      mimeType: 'application/pdf',
      title: 'Informe reservado: Cártel de la Laguna Seca',
      byline: 'Unidad de Análisis Fronterizo',
      publishedAt: '2012-03-14T15:30:00.000Z',
      language: 'es',
      metadata: { pages: 2 },
    });
    expect(document.text).toContain('comandante alias "El Búho"');
    // Pages are separated by a blank line.
    expect(document.text).toMatch(/segunda agencia\.\n\nANNEX - English summary/);
  });

  it('reads a PDF cut off before its startxref and %%EOF, with a warning', async () => {
    const folder = temporaryFolder();
    try {
      const bytes = readFileSync(fixture('report-text-layer.pdf'));
      const path = join(folder.path, 'cut.pdf');
      writeFileSync(path, bytes.subarray(0, bytes.indexOf('startxref')));
      const { document } = await ingestOne(path);
      expect(document.text).toContain('Cártel de la Laguna Seca');
      expect(document.metadata.warnings).toEqual([expect.stringContaining('looks truncated')]);
    } finally {
      folder.remove();
    }
  });

  it('reports a truncated PDF as MALFORMED_INPUT with a hint', async () => {
    const { items, failures } = await ingest([fixture('report-truncated.pdf')]);
    expect(items).toEqual([]);
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'MALFORMED_INPUT',
        parser: 'pdf',
        hint: expect.stringContaining('truncated'),
      }),
    ]);
  });

  it('fails with OCR_UNAVAILABLE and the install hint for a scan when OCR is off', async () => {
    const { items, failures } = await ingest(
      [fixture('memo-scanned-no-text.pdf')],
      optionsWith({ ocr: false }),
    );
    expect(items).toEqual([]);
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'OCR_UNAVAILABLE',
        hint: expect.stringContaining('ocr: false'),
      }),
    ]);
  });

  it.skipIf(!ocrInstalled)(
    'OCRs a page without a text layer (needs tesseract-ocr, -eng, -spa and poppler-utils)',
    async () => {
      const { document } = await ingestOne(fixture('memo-scanned-no-text.pdf'));
      expect(document.text).toMatch(/MEMORANDO INTERNO/);
      expect(document.text).toMatch(/detuvo a tres/);
      expect(document.metadata.ocr).toMatchObject({
        engine: 'tesseract',
        pagesWithoutText: [1],
        recognisedPages: [1],
      });
      expect(document.language).toBe('es');
    },
  );

  it.skipIf(!ocrInstalled)('OCRs only the pages that lack a text layer', async () => {
    const { document } = await ingestOne(fixture('mixed-text-and-scan.pdf'));
    expect(document.text).toMatch(
      /^Expediente 114\/2011 - portada\nAnexo: memorando escaneado de la policia estatal\.\n\nMEMORANDO INTERNO/,
    );
    expect(document.metadata.ocr).toMatchObject({ pagesWithoutText: [2], recognisedPages: [2] });
  });
});
