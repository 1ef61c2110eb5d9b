import { describe, expect, it } from 'vitest';
import { unitsAgree } from './units.js';

describe('figure unit agreement', () => {
  it('disagrees on a word that is not the counted noun', () => {
    // the extractor once took the next word: "500 … agents does" gave "does"
    expect(unitsAgree('does', 'agents')).toBe(false);
    expect(unitsAgree('alcohol', 'agents')).toBe(false);
    expect(unitsAgree('figures', 'people')).toBe(false);
  });

  it('treats singular and plural, case and accents as the same noun', () => {
    expect(unitsAgree('agents', 'agent')).toBe(true);
    expect(unitsAgree('agentes', 'Agente', 'es')).toBe(true);
    expect(unitsAgree('vehículos', 'vehiculo', 'es')).toBe(true);
    expect(unitsAgree('men', 'man')).toBe(true);
    expect(unitsAgree('AK-47s', 'ak-47s')).toBe(true);
  });

  it('needs a unit on both sides or on neither', () => {
    expect(unitsAgree(null, null)).toBe(true);
    expect(unitsAgree(null, undefined)).toBe(true);
    // seed 002: "from 19" to "69" State Department staff
    expect(unitsAgree(null, 'staff')).toBe(false);
    expect(unitsAgree('staff', null)).toBe(false);
  });

  it('takes the head noun of a gold phrase', () => {
    expect(unitsAgree('agents', 'federal agents')).toBe(true);
    expect(unitsAgree('lords', 'drug lords')).toBe(true);
    expect(unitsAgree('members', 'members of Congress')).toBe(true);
    expect(unitsAgree('scenes', 'crime scenes and seizures')).toBe(true);
    expect(unitsAgree('seizures', 'crime scenes and seizures')).toBe(true);
    expect(unitsAgree('rifles', 'assault rifles')).toBe(true);
    expect(unitsAgree('years', 'years (age)')).toBe(true);
    // a modifier is not the head
    expect(unitsAgree('federal', 'federal agents')).toBe(false);
    expect(unitsAgree('congress', 'members of Congress')).toBe(false);
    // in Spanish the noun comes first
    expect(unitsAgree('armas', 'armas largas', 'es')).toBe(true);
    expect(unitsAgree('armas', 'armas largas', 'en')).toBe(false);
  });

  it('knows currencies and measures by code and by name', () => {
    expect(unitsAgree('USD', 'dollars')).toBe(true);
    expect(unitsAgree('USD', 'USD')).toBe(true);
    expect(unitsAgree('USD', 'dólares')).toBe(true);
    expect(unitsAgree('MXN', 'pesos')).toBe(true);
    expect(unitsAgree('MXN', 'Mexican pesos')).toBe(true);
    expect(unitsAgree('kilograms', 'kilos')).toBe(true);
    expect(unitsAgree('percent', '%')).toBe(true);
    expect(unitsAgree('USD', 'pesos')).toBe(false);
    expect(unitsAgree('MXN', 'dollars')).toBe(false);
  });

  it('translates the Spanish nouns the sample gold writes in English', () => {
    expect(unitsAgree('compradores', 'buyers', 'es')).toBe(true);
    expect(unitsAgree('homicidios', 'homicides', 'es')).toBe(true);
    expect(unitsAgree('armerías', 'gun shops', 'es')).toBe(true);
    expect(unitsAgree('armas', 'long guns', 'es')).toBe(true);
    expect(unitsAgree('rastreos', 'weapon traces', 'es')).toBe(true);
    expect(unitsAgree('años', 'years', 'es')).toBe(true);
    expect(unitsAgree('hombres', 'men', 'es')).toBe(true);
    expect(unitsAgree('hombres', 'vehicles', 'es')).toBe(false);
  });
});
