import { describe, expect, it } from 'vitest';
import { buildDocument, cleanLine, cleanText, leadingLines } from './document.js';
import { defaultIngestOptions } from './options.js';

describe('cleanText', () => {
  it('removes control characters, including the store highlight markers, and normalises to NFC', () => {
    const decomposed = 'Jua\u0301rez'; // a + combining acute
    const { text } = cleanText(
      `El \u0002cártel\u0003 de ${decomposed}\u0000\r\nlínea dos\u0007`,
      100,
    );
    expect(text).toBe('El cártel de Juárez\nlínea dos');
    expect(text).toContain('Juárez'.normalize('NFC'));
  });

  it('cuts at the limit, never inside a surrogate pair, and reports the cut', () => {
    const { text, truncation } = cleanText(`abc😀def`, 4);
    expect(text).toBe('abc');
    expect(truncation).toEqual({ originalChars: 8, keptChars: 3 });
  });
});

describe('cleanLine', () => {
  it('collapses white space and shortens long lines at a word', () => {
    expect(cleanLine('  Informe\n\t reservado  ')).toBe('Informe reservado');
    expect(cleanLine('   ')).toBeNull();
    const long = cleanLine('palabra '.repeat(60), 50)!;
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith('palabra…')).toBe(true);
  });
});

describe('leadingLines', () => {
  it('returns the first non-empty trimmed lines', () => {
    expect(leadingLines('\n\n  uno \n\n dos\ntres', 2)).toEqual(['uno', 'dos']);
  });
});

describe('buildDocument', () => {
  it('records truncation in the metadata and detects the language', () => {
    const options = defaultIngestOptions();
    const document = buildDocument(
      {
        id: 'x',
        kind: 'text',
        origin: 'a.txt',
        mimeType: 'text/plain',
        sizeBytes: 10,
        text: 'La policía estatal detuvo a tres operadores del cártel en Ciudad Juárez esta mañana.',
        metadata: { charset: 'utf-8' },
      },
      { ...options.limits, maxTextChars: 40 },
    );
    expect(document.text).toHaveLength(40);
    expect(document.metadata).toEqual({
      charset: 'utf-8',
      truncated: { originalChars: 84, keptChars: 40 },
    });
    expect(document.language).toBe('es');
  });
});
