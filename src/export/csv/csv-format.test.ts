import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv-format.js';

describe('CSV formatting', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-3.5)).toBe('-3.5');
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('round-trips through a real CSV parser', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'Tom & "Jerry", <b>\nnext line'],
    ];
    expect(parse(rows.map(csvRow).join(''))).toEqual(rows);
  });
});
