import { describe, expect, it } from 'vitest';
import { fixture, ingest, ingestOne } from '../test-helpers.js';

describe('text and Markdown parser', () => {
  it('reads a Spanish UTF-8 article: dateline as date, next line as title', async () => {
    const { document, parent } = await ingestOne(fixture('cartel-memo-es.txt'));
    expect(parent).toBeNull();
    expect(document).toMatchObject({
      kind: 'text',
      mimeType: 'text/plain',
      language: 'es',
      publishedAt: '2012-02-14',
      title: 'Operativo conjunto en Ciudad Juárez: la Fiscalía confirma tres detenciones',
      origin: fixture('cartel-memo-es.txt'),
      intel: null,
      email: null,
    });
    expect(document.text).toContain('Ramón Íñiguez');
    expect(document.metadata.charset).toBe('utf-8');
  });

  it('decodes a windows-1252 Spanish file with correct accents and records the charset', async () => {
    const { document } = await ingestOne(fixture('informe-windows-1252.txt'));
    expect(document.metadata.charset).toBe('windows-1252');
    expect(document.title).toBe('Informe de la Comisión de Derechos Humanos (ficticia)');
    expect(document.text).toContain('“detenciones arbitrarias”');
    expect(document.text).toContain('El señor Benítez Muñoz');
    expect(document.text).not.toContain('\r');
    expect(document.language).toBe('es');
  });

  it('reads invalid UTF-8 (a latin1 line after UTF-8 ones) without mojibake or replacement characters', async () => {
    const { document } = await ingestOne(fixture('mixed-invalid-utf8.txt'));
    expect(document.metadata.charset).toBe('utf-8+windows-1252');
    expect(document.text).toBe(
      'Resumen de la reunión con el enlace de la DEA en Monterrey.\nEl enlace confirmó la operación en Tamaulipas y pidió discreción.',
    );
  });

  it('takes the first Markdown heading as the title', async () => {
    const { document } = await ingestOne(fixture('field-notes.md'));
    expect(document).toMatchObject({
      kind: 'markdown',
      mimeType: 'text/markdown',
      title: 'Rutas del Cártel de la Laguna Seca: notas de campo',
      publishedAt: null,
      language: 'es',
    });
  });

  it('parses a Stratfor-style block in a text file, subject from the first line', async () => {
    const { document } = await ingestOne(fixture('insight-mx7.txt'));
    expect(document.intel).toMatchObject({
      code: 'MX7',
      sourceReliability: 'C',
      itemCredibility: '4',
      sourceDescription: 'Mid-level PGR official who handles liaison with foreign police attachés',
      subjectCountry: 'MEXICO',
      subjectTopic: 'Plaza dispute in Nuevo Laredo',
    });
    expect(document.intel?.fields.DISTRIBUTION).toBe('Latam team');
  });

  it('reports an empty file as FILE_EMPTY and binary junk named .txt as BINARY_CONTENT', async () => {
    const { items, failures } = await ingest([fixture('empty.txt'), fixture('binary-junk.txt')]);
    expect(items).toEqual([]);
    expect(failures.map((failure) => [failure.code, failure.path])).toEqual([
      ['FILE_EMPTY', fixture('empty.txt')],
      ['BINARY_CONTENT', fixture('binary-junk.txt')],
    ]);
    expect(failures.every((failure) => failure.hint && failure.reason)).toBe(true);
  });
});
