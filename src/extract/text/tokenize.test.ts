import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps dotted abbreviations whole and splits possessives off', () => {
    const tokens = tokenize('The U.S. Embassy and Mexico’s army; EE.UU. too.');
    expect(tokens.map((t) => t.text)).toEqual([
      'The',
      'U.S.',
      'Embassy',
      'and',
      'Mexico',
      '’s',
      'army',
      ';',
      'EE.UU.',
      'too',
      '.',
    ]);
    expect(tokens.find((t) => t.text === 'U.S.')!.kind).toBe('abbr');
  });

  it('gives exact offsets, folds accents and marks sentence starts', () => {
    const text = 'Ciudad Juárez is big. “Yes,” she said.\nNew line';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    const tokens = tokenize(text);
    expect(tokens.find((t) => t.text === 'Juárez')!.fold).toBe('juarez');
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual([
      'Ciudad',
      'Yes',
      'New',
    ]);
  });

  it('does not end a sentence after a title abbreviation or an initial', () => {
    const tokens = tokenize('Mr. Smith met George W. Bush.');
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual(['Mr']);
  });

  it('cuts non-ASCII words, numbers and abbreviations as ASCII ones', () => {
    const text = "Á.B. y EE.UU., O’Neil’s 1º 3°C 2nd, rock'n'roll Zé\u0301 𝐀bc U.S.A. x.y.z";
    expect(tokenize(text).map((t) => t.text)).toEqual([
      'Á.B.',
      'y',
      'EE.UU.',
      ',',
      'O’Neil',
      '’s',
      '1º',
      '3°',
      'C',
      '2nd',
      ',',
      "rock'n'roll",
      'Zé\u0301',
      '𝐀bc',
      'U.S.A.',
      'x.y.',
      'z',
    ]);
  });

  it('gives the tokens of the plain pattern, read by character codes where ASCII', () => {
    // the pattern and possessive rule the hand-written scanner stands for
    const pattern =
      /(?:\p{L}{1,3}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|º|°)?|\S/gu;
    const reference = (text: string) =>
      [...text.matchAll(pattern)].flatMap((m) => {
        const possessive = /^(.+?)(['’]s)$/u.exec(m[0]);
        return possessive && possessive[1]!.length > 1 ? [possessive[1]!, possessive[2]!] : [m[0]];
      });
    const pieces = [
      ..."aZ.,-19'’sºª°$ \n\t\u00a0\u3000éÉñ😀𝐀\u0301\u0000_".split(''),
      ...['st', 'nd', 'th', 'U.S.', 'EE.UU.', 'á.b.', '1,000.5', 'ſ'],
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(random() * 10); k > 0; k--)
        text += pieces[Math.floor(random() * pieces.length)];
      expect(tokenize(text).map((t) => t.text)).toEqual(reference(text));
    }
  });
});

describe('tokenize, hard-wrapped text', () => {
  it('counts a paragraph’s own line breaks as spaces, and a blank line or a short line as breaks', () => {
    const text = [
      'CODE: MX19',
      'PUBLICATION: Yes',
      '',
      'Creo que el gobierno federal deja que la organización de los Beltrán Leyva se',
      'quede con la plaza porque así se lo pidió Víctor Urías Téllez, dijo Héctor',
      'Domínguez.',
    ].join('\n');
    const breaks = tokenize(text)
      .filter((t) => t.newlineBefore)
      .map((t) => t.text);
    expect(breaks).toEqual(['CODE', 'PUBLICATION', 'Creo']);
    const domínguez = tokenize(text).find((t) => t.text === 'Domínguez')!;
    expect(domínguez.sentenceStart).toBe(false);
  });
});
