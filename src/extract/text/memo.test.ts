import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../core/index.js';
import { foldName } from './memo.js';

describe('foldName', () => {
  it('folds names as foldForMatch does', () => {
    const text = 'La “Fiscalía General” de Ciudad Juárez';
    for (const name of [text, text.slice(4, 22), 'U.S.  Embassy', 'Mexico’s']) {
      expect(foldName(name)).toBe(foldForMatch(name));
      expect(foldName(name)).toBe(foldForMatch(name));
    }
  });
});
