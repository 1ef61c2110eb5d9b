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

describe('names the curated lists do not know', () => {
  it('types news outlets by their heads, keeping a leading article', () => {
    const list = entityList(
      extract(
        'The story ran in The Harbor Ledger and was picked up by Coastal Wire, the Bay Dispatch and the Lakeside Courier.',
      ),
    );
    expect(list).toContain('organization:Harbor Ledger');
    expect(list).toContain('organization:Coastal Wire');
    expect(list).toContain('organization:Bay Dispatch');
    expect(list).toContain('organization:Lakeside Courier');
    const es = entityList(
      extract('Lo publicaron el Diario de la Costa, el Semanario Mirador y El Heraldo Serrano.', {
        language: 'es',
      }),
    );
    expect(es).toContain('organization:Diario de la Costa');
    expect(es).toContain('organization:Semanario Mirador');
    expect(es).toContain('organization:Heraldo Serrano');
  });

  it('types an organisation by the noun before it, and a firm by its head', () => {
    const list = entityList(
      extract(
        'Files from the transparency collective Puerta Abierta reached the consultancy Halden Risk. La empresa texana Norvale Partners calló.',
      ),
    );
    expect(list).toContain('organization:Puerta Abierta');
    expect(list).toContain('organization:Halden Risk');
    expect(list).toContain('organization:Norvale Partners');
  });

  it('keeps a committee with its remit and a demonym before an organisation head', () => {
    const list = entityList(
      extract(
        'The Senate Subcommittee on Coastal Fisheries Oversight met. The Chilean Embassy said nothing.',
      ),
    );
    expect(list).toContain('organization:Senate Subcommittee on Coastal Fisheries Oversight');
    expect(list).toContain('organization:Chilean Embassy');
  });

  it('reads places named after places', () => {
    const list = entityList(
      extract(
        'Farmers in the Valle de Mexicali and the Sonora valley, in West Texas and in Práxedis G. Guerrero said so.',
      ),
    );
    expect(list).toContain('place:Valle de Mexicali');
    expect(list).toContain('place:West Texas');
    expect(list).toContain('place:Práxedis G. Guerrero');
    expect(list).not.toContain('place:Guerrero');
    expect(list).toContain('place:Sonora valley');
    expect(list).not.toContain('place:West');
  });

  it('finds Spanish bylines, and does not take "Germán" for a demonym', () => {
    const list = entityList(
      extract(
        '**Por Itziar Bermúdez Coronel** · Tijuana\n\nEl diputado Germán Olvera Ruiz habló.',
        {
          language: 'es',
        },
      ),
    );
    expect(list).toContain('person:Itziar Bermúdez Coronel');
    expect(list).toContain('person:Germán Olvera Ruiz');
  });

  it('names a Spanish institution by its head after an article', () => {
    const list = entityList(
      extract('Según la Fiscalía estatal, la Procuraduría no actuó.', { language: 'es' }),
    );
    expect(list).toContain('organization:Fiscalía estatal');
    expect(list).toContain('organization:Procuraduría');
  });
});
