import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ingest, optionsWith, temporaryFolder } from '../test-helpers.js';

describe('CSV and TSV parser', () => {
  it('makes one document per row, reports the bad row with its line and reads on', async () => {
    const path = fixture('seizures.csv');
    const { items, failures, events } = await ingest([path]);
    expect(items.map((item) => item.document.origin)).toEqual([
      `${path}#row=1`,
      `${path}#row=2`,
      `${path}#row=3`,
    ]);
    expect(failures).toEqual([
      expect.objectContaining({ code: 'MALFORMED_INPUT', parser: 'csv', line: 4, path }),
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'file-done', documents: 3, failures: 1 });
    const [first, second, last] = items.map((item) => item.document);
    expect(first).toMatchObject({
      kind: 'table-row',
      mimeType: 'text/csv',
      title: 'Decomiso en Manzanillo',
      publishedAt: '2011-03-04',
      language: 'es',
      text: 'La aduana de Manzanillo aseguró 420 kilos de cocaína ocultos en un contenedor de plátanos, según el boletín oficial.',
    });
    expect(first!.metadata).toMatchObject({
      row: 1,
      line: 2,
      fields: { place: 'Manzanillo', agency: 'Aduanas' },
    });
    expect(second!.language).toBe('en');
    expect(last!.metadata).toMatchObject({ row: 3, line: 5, fields: { id: '4' } });
  });

  it('joins all columns when there is no text column, and honours textColumn/titleColumn/dateColumn', async () => {
    const path = fixture('incidents.tsv');
    const plain = await ingest([path]);
    expect(plain.items[0]!.document.text).toBe(
      'fecha: 2012-01-09\nlugar: Ojinaga\ndescripcion: Enfrentamiento entre grupos armados en las afueras de Ojinaga, sin víctimas confirmadas.',
    );
    const chosen = await ingest(
      [path],
      optionsWith({ textColumn: 'descripcion', titleColumn: 'lugar', dateColumn: 'fecha' }),
    );
    expect(chosen.items[1]!.document).toMatchObject({
      title: 'Palomas',
      publishedAt: '2012-01-12',
      text: 'La policía estatal encontró un túnel inconcluso cerca de la garita de Palomas.',
      mimeType: 'text/tab-separated-values',
    });
  });

  it('gives identical rows one id and rows of a re-read file the same ids', async () => {
    const folder = temporaryFolder();
    try {
      const rows = 'title,text\nA,La misma fila repetida en dos exportaciones.\n';
      writeFileSync(join(folder.path, 'export-1.csv'), rows);
      writeFileSync(join(folder.path, 'export-2.csv'), `${rows}B,Otra fila distinta del cártel.\n`);
      const first = await ingest([folder.path]);
      const second = await ingest([folder.path]);
      const ids = first.items.map((item) => item.document.id);
      expect(ids[0]).toBe(ids[1]);
      expect(ids[2]).not.toBe(ids[0]);
      expect(second.items.map((item) => item.document.id)).toEqual(ids);
    } finally {
      folder.remove();
    }
  });

  it('decodes a windows-1252 CSV, names blank and repeated headers, and rejects a missing text column', async () => {
    const folder = temporaryFolder();
    try {
      const path = join(folder.path, 'legacy.csv');
      writeFileSync(
        path,
        iconv.encode('lugar,,lugar\r\nCiudad Juárez,Señor Muñoz,Cárdenas\r\n', 'windows-1252'),
      );
      const { items } = await ingest([path]);
      expect(items[0]!.document.metadata).toMatchObject({
        charset: 'windows-1252',
        fields: { lugar: 'Ciudad Juárez', column_2: 'Señor Muñoz', lugar_2: 'Cárdenas' },
      });
      const missing = await ingest([path], optionsWith({ textColumn: 'cuerpo' }));
      expect(missing.items).toEqual([]);
      expect(missing.failures).toEqual([
        expect.objectContaining({
          code: 'INVALID_ARGUMENT',
          hint: expect.stringContaining('lugar, column_2, lugar_2'),
        }),
      ]);
    } finally {
      folder.remove();
    }
  });

  it('reports a header-only table as FILE_EMPTY and binary junk named .csv as BINARY_CONTENT', async () => {
    const folder = temporaryFolder();
    try {
      writeFileSync(join(folder.path, 'a-header-only.csv'), 'title,text\n');
      writeFileSync(
        join(folder.path, 'b-junk.csv'),
        Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131 + 7) % 256)),
      );
      const { failures } = await ingest([folder.path]);
      expect(failures.map((failure) => failure.code)).toEqual(['FILE_EMPTY', 'BINARY_CONTENT']);
    } finally {
      folder.remove();
    }
  });
});
