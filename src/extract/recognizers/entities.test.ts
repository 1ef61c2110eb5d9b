import { describe, expect, it } from 'vitest';
import { entityList, extract } from '../test-helpers.js';

describe('entity mentions (English)', () => {
  it('finds curated agencies by name and acronym, with canonical names', () => {
    const result = extract(
      'Agents of the Drug Enforcement Administration (DEA) and ICE met FBI officials in El Paso.',
    );
    expect(entityList(result)).toEqual([
      'organization:Drug Enforcement Administration',
      'organization:Drug Enforcement Administration',
      'organization:U.S. Immigration and Customs Enforcement',
      'organization:Federal Bureau of Investigation',
      'place:El Paso',
    ]);
  });

  it('types unknown names by titles, given names, heads and "who"', () => {
    const result = extract(
      'Governor Jane Doakes praised the Sonora Water Commission. Later, Senator Pruitt Hobbes, who chairs a panel, spoke to Kelly Ramírez.',
    );
    const list = entityList(result);
    expect(list).toContain('person:Jane Doakes');
    expect(list).toContain('organization:Sonora Water Commission');
    expect(list).toContain('person:Pruitt Hobbes');
    expect(list).toContain('person:Kelly Ramírez');
  });

  it('links a bare surname to the full name used elsewhere in the document', () => {
    const result = extract(
      'Investigator Dana Whitcombe filed the report. Whitcombe later resigned.',
    );
    expect(
      result.mentions.filter((m) => m.type === 'person').map((m) => [m.text, m.normalized]),
    ).toEqual([
      ['Dana Whitcombe', 'Dana Whitcombe'],
      ['Whitcombe', 'Dana Whitcombe'],
    ]);
  });

  it('does not take demonyms, sentence openers or headline words for entities', () => {
    const result = extract(
      'Mexican officials met American agents. Meanwhile, Investigators Say Cartels Grow',
    );
    expect(entityList(result)).toEqual([]);
  });

  it('reads coded sources as persons and resolves "named X" to the code', () => {
    const result = extract(
      'The source, dubbed MX7 in the files, is a lawyer named Ramón Fuentes Ortiz. MX7 wrote again.',
    );
    const persons = result.mentions.filter((m) => m.type === 'person');
    expect(persons.map((m) => m.normalized)).toEqual(['MX7', 'MX7', 'MX7']);
  });

  it('resolves cartel stems by context: the cartel in cartel talk, the state after a locative', () => {
    const result = extract(
      'The Sinaloa cartel grew. Sinaloa is winning, analysts say, while violence rose in Sinaloa.',
    );
    expect(entityList(result)).toEqual([
      'organization:Sinaloa Cartel',
      'organization:Sinaloa Cartel',
      'place:Sinaloa',
    ]);
  });

  it('expands coordinated names and nicknames', () => {
    const result = extract(
      'Troops from Central and South America joined. Authorities arrested Ovidio Guzmán López, alias “El Ratón,” in Culiacán.',
    );
    const list = entityList(result);
    expect(list).toContain('place:Central America');
    expect(list).toContain('place:South America');
    expect(list.filter((e) => e === 'person:Ovidio Guzmán López')).toHaveLength(2);
  });

  it('geocodes places with country, admin1 and a gazetteer id', () => {
    const result = extract(
      'The shipment crossed near Nuevo Laredo, Tamaulipas, on its way to Chicago.',
    );
    const laredo = result.mentions.find((m) => m.normalized === 'Nuevo Laredo')!;
    expect(laredo.geo).toMatchObject({ country: 'MX', admin1: '28' });
    expect(laredo.geo!.gazetteerId).toMatch(/^geonames:MX\.28/);
    expect(laredo.geo!.lat).toBeCloseTo(27.48, 1);
    expect(result.mentions.find((m) => m.normalized === 'Tamaulipas')!.geo).toMatchObject({
      country: 'MX',
      admin1: '28',
    });
    expect(result.mentions.find((m) => m.normalized === 'Chicago')!.geo).toMatchObject({
      country: 'US',
      admin1: 'IL',
    });
  });

  it('finds a city named after a locative through the GeoNames gazetteer', () => {
    const result = extract('The convoy was stopped in Tepalcatepec before dawn.');
    const place = result.mentions.find((m) => m.text === 'Tepalcatepec')!;
    expect(place.type).toBe('place');
    expect(place.geo).toMatchObject({ country: 'MX' });
  });
});

describe('entity mentions (Spanish)', () => {
  it('handles Spanish titles, particles and ministries', () => {
    const result = extract(
      'El secretario Ramiro Ortega de la Peña visitó la Secretaría de Marina (Semar) y luego viajó a Tijuana con la gobernadora Lucía Quintanar.',
      { language: 'es' },
    );
    const list = entityList(result);
    expect(list).toContain('person:Ramiro Ortega de la Peña');
    expect(list.filter((e) => e === 'organization:Secretaría de Marina')).toHaveLength(2);
    expect(list).toContain('place:Tijuana');
    expect(list).toContain('person:Lucía Quintanar');
  });

  it('reads Spanish cartel names and the "city, state" pattern', () => {
    const result = extract(
      'Integrantes del cártel de Sinaloa fueron detenidos en Culiacán, Sinaloa.',
      { language: 'es' },
    );
    expect(entityList(result)).toEqual([
      'organization:Sinaloa Cartel',
      'place:Culiacán',
      'place:Sinaloa',
    ]);
  });
});
