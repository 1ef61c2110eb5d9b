import { describe, expect, it } from 'vitest';
import { detectLanguage, languageFromTag } from './language.js';

describe('detectLanguage', () => {
  it('tells English from Spanish', () => {
    expect(
      detectLanguage(
        'Federal authorities have been quietly supporting certain criminal organisations, according to leaked e-mails.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'La Fiscalía confirmó la detención de tres presuntos integrantes del cártel durante un operativo conjunto.',
      ),
    ).toBe('es');
  });

  it('reads a short English e-mail that mentions Spanish names as English', () => {
    // franc alone scores this Spanish (1 against 0.995).
    expect(
      detectLanguage(
        'Legal team, attached below is the draft about the informant network inside the Laguna Seca cartel. Thanks, Dana',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'Reva, la lista de contenedores que nos pasó el contacto del puerto de Manzanillo.',
      ),
    ).toBe('es');
  });

  it('answers und for text too short to judge', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('MX1')).toBe('und');
  });

  it('reads only the first few kilobytes', () => {
    const spanishStart =
      'La policía estatal detuvo a tres operadores del cártel en Ciudad Juárez. '.repeat(80);
    expect(
      detectLanguage(spanishStart + 'The rest of this very long file is English. '.repeat(2000)),
    ).toBe('es');
  });
});

describe('languageFromTag', () => {
  it('reads language tags', () => {
    expect(languageFromTag('es-MX')).toBe('es');
    expect(languageFromTag('EN_us')).toBe('en');
    expect(languageFromTag('fr')).toBe('und');
    expect(languageFromTag('')).toBeNull();
    expect(languageFromTag(null)).toBeNull();
  });
});
