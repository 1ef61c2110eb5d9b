import { describe, expect, it } from 'vitest';
import { seededRandom } from '../hash.js';
import { CarrierIndex, documentInfo, nameWords, type DocumentInfo } from './documents.js';

const OUTLETS = ['Border Ledger', 'Meridian Files', 'El Diario', 'Ledger of Juárez', 'Norte'];

function carrier(i: number, title: string, origin: string): DocumentInfo {
  return documentInfo({
    id: `d${String(i).padStart(4, '0')}`,
    title,
    date: null,
    kind: 'article',
    origin,
    intel: null,
  });
}

describe('CarrierIndex', () => {
  it('finds the latest earlier carrier whose title or file name has every word of the outlet', () => {
    const documents = [
      carrier(0, 'Cartel war', 'news/2012-04-03-border-ledger-cartel.html'),
      carrier(1, 'The Meridian Files: guns', 'files/meridian.html'),
      carrier(2, 'Border report', 'news/report.html'),
      carrier(3, 'More from the Border Ledger', 'news/more.html'),
      carrier(4, 'Reply', 'mail/reply.eml'),
    ];
    const names = new CarrierIndex(documents);
    expect(names.before('The Border Ledger', 4)?.id).toBe('d0003');
    expect(names.before('The Border Ledger', 3)?.id).toBe('d0000');
    expect(names.before('The Border Ledger', 0)).toBeNull();
    expect(names.before('Meridian Files', 4)?.id).toBe('d0001');
    // "Border" alone is in two titles and a file name; "the" and "of" are not significant.
    expect(names.before('the border', 3)?.id).toBe('d0002');
    expect(names.before('The', 4)).toBeNull();
    expect(names.before('Ledger of Nowhere', 4)).toBeNull();
  });

  it('agrees with testing every carrier for every name, over many carriers', () => {
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const documents = Array.from({ length: 400 }, (_, i) =>
      carrier(
        i,
        `${pick(OUTLETS)} ${pick(['report', 'dispatch', 'files'])}`,
        `${pick(OUTLETS)}.html`,
      ),
    );
    const names = new CarrierIndex(documents);
    // The rule written out plainly: every carrier before `position`, latest first.
    const stopwords = new Set(['the', 'el', 'la', 'los', 'las', 'de', 'del', 'of', 'and', 'y']);
    const slow = (name: string, position: number) => {
      const words = [...nameWords(carrier(-1, name, ''))].filter(
        (w) => w.length > 0 && !stopwords.has(w),
      );
      if (words.length === 0) return null;
      for (let i = position - 1; i >= 0; i -= 1) {
        if (words.every((w) => nameWords(documents[i]!).has(w))) return documents[i]!;
      }
      return null;
    };
    let found = 0;
    for (let k = 0; k < 300; k += 1) {
      const name = `${pick(OUTLETS)} ${pick(['', 'files', 'dispatch', 'ledger'])}`;
      const position = Math.floor(random() * documents.length);
      const expected = slow(name, position);
      expect(names.before(name, position)?.id ?? null).toBe(expected?.id ?? null);
      if (expected) found += 1;
    }
    expect(found).toBeGreaterThan(50);
  });
});
