import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, isUtf8Sample, looksBinary, usableCharset } from './charset.js';

const SPANISH = 'El señor Benítez Muñoz declaró que “la Fiscalía” no respondió — ¿por qué?';

describe('decodeText', () => {
  it('reads valid UTF-8 as is and strips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SPANISH, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: SPANISH, charset: 'utf-8', confidence: 100 });
  });

  it('decodes windows-1252 Spanish with its accents and curly quotes', () => {
    const bytes = iconv.encode(`${SPANISH}\n${SPANISH}\n${SPANISH}`, 'windows-1252');
    const decoded = decodeText(bytes);
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text.split('\n')[0]).toBe(SPANISH);
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SPANISH, 'utf-16le')]);
    expect(decodeText(bytes)).toMatchObject({ text: SPANISH, charset: 'utf-16le' });
  });

  it('keeps both halves of a UTF-8 file with stray latin1 bytes', () => {
    const bytes = Buffer.concat([
      Buffer.from('Resumen de la reunión en Monterrey.\n', 'utf8'),
      Buffer.from('El enlace confirmó la operación en Tamaulipas.\n', 'latin1'),
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.charset).toBe('utf-8+windows-1252');
    expect(decoded.text).toBe(
      'Resumen de la reunión en Monterrey.\nEl enlace confirmó la operación en Tamaulipas.\n',
    );
  });

  it('prefers a declared charset to a guess when the bytes are not UTF-8', () => {
    const bytes = iconv.encode('Ciudad Juárez', 'iso-8859-15');
    expect(decodeText(bytes, 'ISO-8859-15')).toMatchObject({
      text: 'Ciudad Juárez',
      charset: 'iso-8859-15',
    });
  });

  it('ignores a declared charset when the bytes are valid UTF-8 (pages often mislabel themselves)', () => {
    expect(decodeText(Buffer.from('Ciudad Juárez', 'utf8'), 'windows-1252').text).toBe(
      'Ciudad Juárez',
    );
  });
});

describe('looksBinary', () => {
  it('flags random bytes and NUL bytes', () => {
    let seed = 7;
    const random = Buffer.alloc(4096).map(
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256,
    );
    expect(looksBinary(random)).toBe(true);
    expect(looksBinary(Buffer.from('text\u0000more text'))).toBe(true);
  });

  it('accepts latin1 text, UTF-8 text, form feeds and ANSI colour escapes', () => {
    expect(looksBinary(iconv.encode(SPANISH, 'latin1'))).toBe(false);
    expect(looksBinary(Buffer.from(SPANISH))).toBe(false);
    expect(looksBinary(Buffer.from('page one\fpage two \u001b[31mred\u001b[0m\r\n'))).toBe(false);
  });
});

describe('isUtf8Sample', () => {
  it('accepts a sample cut in the middle of a multi-byte character', () => {
    const bytes = Buffer.from('Juárez', 'utf8');
    expect(isUtf8Sample(bytes.subarray(0, 3))).toBe(true);
    expect(isUtf8Sample(Buffer.from('Juárez', 'latin1'))).toBe(false);
  });
});

describe('usableCharset', () => {
  it('maps latin1 labels to windows-1252 and refuses unknown labels', () => {
    expect(usableCharset('ISO-8859-1')).toBe('windows-1252');
    expect(usableCharset('"UTF-8"')).toBe('utf-8');
    expect(usableCharset('x-mac-klingon')).toBeNull();
  });
});
