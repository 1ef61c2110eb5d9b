import { describe, expect, it } from 'vitest';
import { foldAccents, foldForMatch } from './text.js';

describe('foldForMatch', () => {
  it('folds case, accents, punctuation and white space so spellings compare equal', () => {
    expect(foldForMatch('Ciudad Juárez')).toBe('ciudad juarez');
    expect(foldForMatch('  JOAQUÍN  "El Chapo"   Guzmán. ')).toBe('joaquin el chapo guzman');
    expect(foldForMatch('U.S.-Mexico')).toBe('u s mexico');
    expect(foldAccents('Cártel de Juárez')).toBe('Cartel de Juarez');
  });

  it('answers the same for a remembered name, a long text, and after forgetting', () => {
    const name = 'Secretaría de la Defensa Nacional';
    expect(foldForMatch(name)).toBe('secretaria de la defensa nacional');
    expect(foldForMatch(name)).toBe('secretaria de la defensa nacional');
    const long = `${'Ciudad Juárez, '.repeat(40)}fin`;
    expect(long.length).toBeGreaterThan(200);
    expect(foldForMatch(long)).toBe(`${'ciudad juarez '.repeat(40)}fin`);
    // More distinct names than are remembered: the memory is cleared and refilled, never wrong.
    for (let i = 0; i < 60_000; i += 1) expect(foldForMatch(`Señor ${i}`)).toBe(`senor ${i}`);
    expect(foldForMatch(name)).toBe('secretaria de la defensa nacional');
  });
});
