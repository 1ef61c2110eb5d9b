import { describe, expect, it } from 'vitest';
import { cartelCoreKey, cleanName, foldName, nameKey, tokenSetKey } from './names.js';

describe('cleanName', () => {
  it('strips titles, also behind a qualifier, but never the last word', () => {
    expect(cleanName('Texas Governor Greg Abbott', 'person').display).toBe('Greg Abbott');
    expect(cleanName('Mexican President-Elect Nieto Pena', 'person').display).toBe('Nieto Pena');
    expect(cleanName('Attorney General Eric Holder', 'person').display).toBe('Eric Holder');
    expect(cleanName('Gov. Greg Abbott', 'person').display).toBe('Greg Abbott');
    expect(cleanName('Sr. Lic. Juan Pérez', 'person').display).toBe('Juan Pérez');
    expect(cleanName('General', 'person').display).toBe('General');
  });

  it('takes a quoted nickname out of a person name', () => {
    expect(cleanName('Joaquín “El Chapo” Guzmán', 'person')).toEqual({
      display: 'Joaquín Guzmán',
      nickname: 'El Chapo',
    });
    expect(cleanName('Ismael (El Mayo) Zambada', 'person').nickname).toBe('El Mayo');
    expect(cleanName('Conan O’Brien', 'person')).toEqual({
      display: 'Conan O’Brien',
      nickname: null,
    });
  });

  it('drops an organisation’s leading article and brackets, not a capitalised The', () => {
    expect(cleanName('the Juárez cartel', 'organization').display).toBe('Juárez cartel');
    expect(cleanName('of the Attorney General’s Office', 'organization').display).toBe(
      'Attorney General’s Office',
    );
    expect(cleanName('[Juárez]', 'organization').display).toBe('Juárez');
    expect(cleanName('The Wall Street Journal', 'organization').display).toBe(
      'The Wall Street Journal',
    );
  });
});

describe('keys', () => {
  it('fold case, accents, punctuation and a leading article', () => {
    expect(foldName('The Wall Street Journal')).toBe('wall street journal');
    expect(nameKey('place', 'Ciudad Juárez')).toBe('place:ciudad juarez');
    expect(nameKey('person', 'President Felipe Calderón')).toBe('person:felipe calderon');
  });

  it('compare names without word order or particles', () => {
    expect(tokenSetKey('person', 'nieto pena')).toBe(tokenSetKey('person', 'pena nieto'));
    expect(tokenSetKey('organization', 'department of justice')).toBe(
      tokenSetKey('organization', 'justice department'),
    );
    expect(tokenSetKey('person', 'madonna')).toBeNull();
  });

  it('read a cartel by its core name', () => {
    const sinaloa = 'organization:sinaloa';
    expect(cartelCoreKey('organization', 'sinaloa drug cartel')).toBe(sinaloa);
    expect(cartelCoreKey('organization', 'cartel de sinaloa')).toBe(sinaloa);
    expect(cartelCoreKey('organization', 'sinaloa')).toBe(sinaloa);
    expect(cartelCoreKey('organization', 'narco news')).toBeNull();
    expect(cartelCoreKey('organization', 'drug enforcement administration')).toBeNull();
    expect(cartelCoreKey('place', 'sinaloa')).toBeNull();
  });
});
