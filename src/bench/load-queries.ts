import { Random } from './corpus/index.js';
import {
  FIGURES,
  PLACES_MX,
  PLACES_US,
  SURNAMES_EN,
  SURNAMES_ES,
  TOPICS_EN,
  TOPICS_ES,
} from './corpus/vocab.js';

/** What a query looks like, so the mix can be checked and reported. */
export type QueryShape = 'word' | 'phrase' | 'name' | 'boolean';

/** Words the generated corpus uses on its own (agencies, cartels, reporting vocabulary). */
const WORDS = [
  'cartel',
  'cártel',
  'DEA',
  'ATF',
  'Sedena',
  'Zetas',
  'Sinaloa',
  'Golfo',
  'informant',
  'shipment',
  'extradition',
  'laundering',
  'checkpoint',
  'plaza',
  'agentes',
  'negoci*',
  'trafic*',
] as const;

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '');
const single = (items: readonly string[]) => items.filter((s) => !s.includes(' '));
const multi = (items: readonly string[]) => items.filter((s) => s.includes(' '));

/** One query of the given shape, from the corpus's own vocabulary; accents dropped at times. */
export function makeQuery(rng: Random, shape: QueryShape): string {
  const maybeFold = (s: string) => (rng.chance(0.3) ? stripAccents(s) : s);
  switch (shape) {
    case 'word':
      return maybeFold(
        rng.pick([
          ...WORDS,
          ...SURNAMES_EN,
          ...SURNAMES_ES,
          ...single(PLACES_MX),
          ...single(PLACES_US),
        ]),
      );
    case 'phrase':
      return `"${maybeFold(rng.pick([...multi(PLACES_MX), ...multi(TOPICS_EN), ...multi(TOPICS_ES)]))}"`;
    case 'name': {
      const figure = rng.pick(FIGURES);
      // A name as people type it: the full name (every word must match), quoted, or an alias.
      const forms = [
        figure.name,
        `"${figure.name}"`,
        `"${rng.pick(figure.aliases)}"`,
        figure.short,
      ];
      return maybeFold(rng.pick(forms));
    }
    case 'boolean': {
      const a = rng.pick(single(PLACES_MX));
      const b = rng.pick(WORDS.filter((w) => !w.endsWith('*')));
      return rng.pick([`${a} AND ${b}`, `${a} OR ${b}`, `${b} NOT ${a}`]);
    }
  }
}

/** Share of each shape in the mix: mostly words and names, as a search box sees. */
const SHAPES: ReadonlyArray<[QueryShape, number]> = [
  ['word', 0.4],
  ['name', 0.25],
  ['phrase', 0.2],
  ['boolean', 0.15],
];

function pickShape(rng: Random): QueryShape {
  let x = rng.float();
  for (const [shape, share] of SHAPES) {
    if ((x -= share) < 0) return shape;
  }
  return 'word';
}

export interface SearchMixOptions {
  /** Share of requests with a language, type or date filter. */
  filtered: number;
  /** Share of requests asking for facet counts (a first results page in the web UI). */
  facets: number;
}

/**
 * `count` search request paths, deterministic for a seed: a realistic mix of shapes, a share
 * filtered by language, document type or date range (inside the corpus's 2009–2012), some on
 * later pages, a share with facet counts as the web UI's first page asks.
 */
export function searchPaths(count: number, seed: number, mix: SearchMixOptions): string[] {
  const rng = Random.derive(seed, 'load-search');
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams({ q: makeQuery(rng, pickShape(rng)) });
    if (rng.chance(mix.filtered)) {
      const filter = rng.int(0, 2);
      if (filter === 0) params.set('lang', rng.pick(['en', 'es']));
      if (filter === 1) params.set('type', rng.pick(['email', 'text', 'html']));
      if (filter === 2) {
        const year = rng.int(2009, 2012);
        params.set('from', `${year}-${String(rng.int(1, 6)).padStart(2, '0')}`);
        params.set('to', `${year}-12-31`);
      }
    }
    params.set('limit', '20');
    if (rng.chance(0.1)) params.set('offset', String(20 * rng.int(1, 5)));
    params.set('facets', rng.chance(mix.facets) ? 'true' : 'false');
    paths.push(`/api/search?${params.toString()}`);
  }
  return paths;
}

/** `count` document-read paths for ids drawn at random (with repeats) from `ids`. */
export function documentPaths(ids: readonly string[], count: number, seed: number): string[] {
  const rng = Random.derive(seed, 'load-documents');
  return Array.from({ length: count }, () => `/api/documents/${rng.pick(ids)}`);
}
