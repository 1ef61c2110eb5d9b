import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ingest, ingestOne, temporaryFolder } from '../test-helpers.js';

describe('HTML parser', () => {
  it('extracts the article with title, byline, language and publication date', async () => {
    const { document } = await ingestOne(fixture('border-article.html'));
    expect(document).toMatchObject({
      kind: 'html',
      mimeType: 'text/html',
      language: 'en',
      byline: 'Dana Whitcombe',
      publishedAt: '2012-03-02T20:30:00.000Z',
    });
    expect(document.title).toMatch(/^Leaked e-mails describe informant network/);
    expect(document.metadata).toMatchObject({
      extraction: 'readability',
      charset: 'utf-8',
      siteName: 'The Frontier Ledger',
    });
    expect(document.text).toContain('a source identified only by the code MX7');
  });

  it('separates paragraphs with blank lines and leaves out navigation, scripts, styles and handlers', async () => {
    const { document } = await ingestOne(fixture('border-article.html'));
    expect(document.text).toMatch(
      /according to documents reviewed by The Frontier Ledger\.\n\nThe messages, written/,
    );
    for (const marker of [
      'SCRIPT_SHOULD_NOT_APPEAR',
      'INLINE_SCRIPT',
      'STYLE_SHOULD_NOT_APPEAR',
      'ONERROR',
      'font-family',
      'Another story',
    ]) {
      expect(document.text).not.toContain(marker);
    }
  });

  it('falls back to the page body for a short page and detects Spanish without a lang attribute', async () => {
    const { document } = await ingestOne(fixture('short-page-es.html'));
    expect(document.title).toBe('Comunicado');
    expect(document.language).toBe('es');
    expect(document.text).toBe(
      'Comunicado de prensa: la Policía Estatal de Chihuahua informa que el operativo en Ojinaga continúa.',
    );
    expect(document.text).not.toContain('SHOULD_NOT_APPEAR');
  });

  it('decodes a page in the charset its meta tag declares, reads a bare list page, and refuses a script-only page', async () => {
    const folder = temporaryFolder();
    try {
      const legacy = join(folder.path, 'a-legacy.html');
      writeFileSync(
        legacy,
        iconv.encode(
          '<html lang="es"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Operación en Ojinaga</title></head><body><p>La Policía Estatal informó que el operativo en Ojinaga continúa y que no hubo víctimas.</p></body></html>',
          'windows-1252',
        ),
      );
      const list = join(folder.path, 'b-list.html');
      writeFileSync(
        list,
        '<html><body><ul><li>Juárez</li><li>Ojinaga</li></ul><script>SCRIPT_SHOULD_NOT_APPEAR</script></body></html>',
      );
      const empty = join(folder.path, 'c-empty.html');
      writeFileSync(
        empty,
        '<html><head><script>document.write("only script")</script></head><body></body></html>',
      );
      const { items, failures } = await ingest([folder.path]);
      expect(items[0]!.document).toMatchObject({
        title: 'Operación en Ojinaga',
        language: 'es',
        metadata: { charset: 'windows-1252' },
      });
      expect(items[0]!.document.text).toContain('La Policía Estatal informó');
      expect(items[1]!.document.text).toBe('Juárez\nOjinaga');
      expect(failures).toEqual([
        expect.objectContaining({ code: 'FILE_EMPTY', path: empty, parser: 'html' }),
      ]);
    } finally {
      folder.remove();
    }
  });

  it('reads HTML fragments and tag-less text saved as .html', async () => {
    const folder = temporaryFolder();
    try {
      writeFileSync(
        join(folder.path, 'a-fragment.html'),
        '<p>La policía detuvo a tres operadores del cártel en Juárez.</p><p>Fuentes: la Fiscalía.</p>',
      );
      writeFileSync(
        join(folder.path, 'b-plain.html'),
        'Plain text about the cartel and the state police, saved with the wrong name.',
      );
      const { items, failures } = await ingest([folder.path]);
      expect(failures).toEqual([]);
      expect(items.map((item) => item.document.text)).toEqual([
        'La policía detuvo a tres operadores del cártel en Juárez.\n\nFuentes: la Fiscalía.',
        'Plain text about the cartel and the state police, saved with the wrong name.',
      ]);
    } finally {
      folder.remove();
    }
  });
});
