import { describe, expect, it } from 'vitest';
import { acronymKey, acronymsOf, isAcronym } from './acronyms.js';

describe('isAcronym', () => {
  it('accepts short capitalised forms, with or without dots or lower-case joins', () => {
    for (const name of ['ATF', 'DoD', 'C.I.A.', 'SEDENA', 'VCF'])
      expect(isAcronym(name)).toBe(true);
  });
  it('rejects words, names and codes', () => {
    for (const name of ['Stratfor', 'Mexico', 'MX1', 'El Chapo', 'A']) {
      expect(isAcronym(name)).toBe(false);
    }
  });
});

describe('acronymsOf', () => {
  it('reads the capitalised words, skipping of/and/the/de/la/y', () => {
    expect(acronymsOf('Department of Homeland Security')).toContain('DHS');
    expect(acronymsOf('Alcohol, Tobacco and Firearms')).toContain('ATF');
    expect(acronymsOf('Procuraduría General de la República')).toContain('PGR');
    expect(acronymsOf('Centro de Investigación y Seguridad Nacional')).toContain('CISN');
  });
  it('also reads every word, for acronyms that keep the particle', () => {
    expect(acronymsOf('Department of Defense')).toContain('DOD');
    expect(acronymKey('DoD')).toBe('DOD');
  });
  it('drops a leading country', () => {
    expect(acronymsOf('U.S. Immigration and Customs Enforcement')).toContain('ICE');
    expect(acronymsOf('United States Department of Justice')).toContain('DOJ');
  });
  it('does not pretend to know syllabic acronyms', () => {
    expect(acronymsOf('Secretaría de la Defensa Nacional')).not.toContain('SEDENA');
    expect(acronymsOf('Mexico').size).toBe(0);
  });
});
