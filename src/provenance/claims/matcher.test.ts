import { describe, expect, it } from 'vitest';
import { DenseUnionFind } from '../../core/index.js';
import { KeyTable } from './key-table.js';
import { matchStatements, relationOf } from './matcher.js';
import { resolveTraceOptions, type ResolvedTraceOptions } from './options.js';
import { shingleKeys } from './statements.js';

const OPTIONS = resolveTraceOptions();

/**
 * The matcher as it was written first, on a Set of keys per statement and a Map of every key's
 * postings: the reference the flat tables must agree with, pair for pair.
 */
function referencePairs(keySets: Array<Set<number>>, options: ResolvedTraceOptions): string[] {
  const postings = new Map<number, number[]>();
  keySets.forEach((keys, s) => {
    for (const key of keys) postings.set(key, [...(postings.get(key) ?? []), s]);
  });
  const pairs: string[] = [];
  keySets.forEach((keys, s) => {
    if (keys.size === 0) return;
    const checked = new Set([s]);
    const anchors = [...keys].sort((x, y) => x - y).slice(0, options.anchors);
    for (const anchor of anchors) {
      const list = postings.get(anchor)!;
      for (const other of list.slice(0, options.maxPostings)) {
        if (checked.has(other)) continue;
        checked.add(other);
        const [small, large] =
          keys.size <= keySets[other]!.size ? [keys, keySets[other]!] : [keySets[other]!, keys];
        let shared = 0;
        for (const key of small) if (large.has(key)) shared += 1;
        // Every changed word allowed (one per wordsPerEdit words) may break shingleWords shingles.
        const allowed = (size: number) =>
          Math.floor((size + options.shingleWords - 1) / options.wordsPerEdit) *
          options.shingleWords;
        if (small.size > 0 && shared >= Math.max(1, small.size - allowed(small.size))) {
          const relation =
            shared >= large.size - allowed(large.size)
              ? 'peers'
              : large.size <= small.size * options.partLengthRatio
                ? 'part'
                : 'carries';
          pairs.push(`${s}-${other}-${relation}`);
        } else if (
          shared >=
          Math.max(options.minSharedShingles, Math.ceil(small.size * options.minOverlapShare))
        )
          pairs.push(`${s}-${other}-overlap`);
      }
    }
  });
  return pairs.sort();
}

/** Sentences from a small vocabulary, many of them copies, trims and extensions of each other. */
function sentences(count: number, seed: number, copies = 0.5): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const vocabulary = Array.from({ length: 40 }, (_, i) => `word${i}`);
  const made: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const base =
      made.length > 0 && next() < copies ? made[Math.floor(next() * made.length)]! : null;
    if (base && next() < 0.4) made.push(base);
    else if (base) {
      const words = base.split(' ');
      const from = Math.floor(next() * (words.length / 3));
      const to = words.length - Math.floor(next() * (words.length / 3));
      made.push([...words.slice(from, to), vocabulary[Math.floor(next() * 40)]!].join(' '));
    } else {
      const length = 2 + Math.floor(next() * 25);
      made.push(Array.from({ length }, () => vocabulary[Math.floor(next() * 40)]!).join(' '));
    }
  }
  return made;
}

describe('matchStatements', () => {
  it('finds exactly the pairs the set-and-map matcher found', () => {
    // Trimmed copies are at least a third of their original: a lower ratio makes carriers of some.
    const mixed = { ...OPTIONS, partLengthRatio: 1.6 };
    for (const options of [mixed, { ...mixed, anchors: 3, maxPostings: 4 }]) {
      const table = new KeyTable();
      const keySets: Array<Set<number>> = [];
      for (const text of sentences(600, 5)) {
        const keys = shingleKeys(text, options);
        table.add(keys);
        keySets.push(new Set(keys));
      }
      const pairs: string[] = [];
      matchStatements(table, options, (a, b, relation) => void pairs.push(`${a}-${b}-${relation}`));
      expect(pairs.filter((p) => p.endsWith('peers')).length).toBeGreaterThan(100);
      expect(pairs.filter((p) => p.endsWith('part')).length).toBeGreaterThan(20);
      expect(pairs.filter((p) => p.endsWith('carries')).length).toBeGreaterThan(5);
      expect(pairs.sort()).toEqual(referencePairs(keySets, options));
    }
  });

  it('makes the same sets of peers as the set-and-map matcher when skipping what is already joined', () => {
    const options = { ...OPTIONS, anchors: 4, maxPostings: 6 };
    const table = new KeyTable();
    const keySets: Array<Set<number>> = [];
    // Many copies of few sentences: big sets, whose lists end up wholly joined.
    for (const text of sentences(3000, 11, 0.95)) {
      const keys = shingleKeys(text, options);
      table.add(keys);
      keySets.push(new Set(keys));
    }
    const setsOf = (pairs: Iterable<[number, number]>) => {
      const union = new DenseUnionFind();
      for (let i = 0; i < table.size; i += 1) union.add();
      for (const [a, b] of pairs) union.union(a, b);
      return Array.from({ length: table.size }, (_, i) => union.find(i));
    };
    const union = new DenseUnionFind();
    for (let i = 0; i < table.size; i += 1) union.add();
    let verified = 0;
    matchStatements(
      table,
      options,
      (a, b, relation) => {
        if (relation === 'peers') union.union(a, b);
      },
      (statement) => {
        verified += 1;
        return union.find(statement);
      },
    );
    const reference = referencePairs(keySets, options)
      .filter((pair) => pair.endsWith('-peers'))
      .map((pair) => pair.split('-').slice(0, 2).map(Number) as [number, number]);
    const expected = setsOf(reference);
    const found = Array.from({ length: table.size }, (_, i) => union.find(i));
    // Same partition: statements together in one are together in the other, and vice versa.
    for (let i = 0; i < table.size; i += 1) {
      expect(found[i] === found[0]).toBe(expected[i] === expected[0]);
      expect(found[i] === found[expected.indexOf(expected[i]!)]).toBe(true);
      expect(expected[i] === expected[found.indexOf(found[i]!)]).toBe(true);
    }
    const sizes = new Map<number, number>();
    for (const root of found) sizes.set(root, (sizes.get(root) ?? 0) + 1);
    const largest = Math.max(...sizes.values());
    expect(largest).toBeGreaterThan(50);
    expect(verified).toBeGreaterThan(0);
  });

  it('skips pairs already known to match', () => {
    const table = new KeyTable();
    for (const text of ['one two three four five', 'one two three four five']) {
      table.add(shingleKeys(text, OPTIONS));
    }
    const pairs: Array<[number, number]> = [];
    matchStatements(
      table,
      OPTIONS,
      (a, b) => void pairs.push([a, b]),
      () => 0,
    );
    expect(pairs).toEqual([]);
    matchStatements(table, OPTIONS, (a, b) => void pairs.push([a, b]));
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('relationOf', () => {
  const table = new KeyTable();
  const add = (text: string) => table.add(shingleKeys(text, OPTIONS));
  const full = add('close to six hundred federal agents work out of the consulate in town');
  const trimmed = add('six hundred federal agents work out of the consulate');
  const other = add('the governor denied every word of the report on friday');
  const short = add('too short');
  const anyone = add('We are not going to negotiate with anyone');
  const criminals = add('We are not going to negotiate with criminals');
  const paragraph =
    'The weapons were bought by straw purchasers in Phoenix between January and March and crossed ' +
    'the bridge in the trunks of private cars, according to records the government released.';
  const original = add(paragraph);
  const substituted = add(paragraph.replace('government', 'administration'));
  const reprint = add(
    'The e-mail, sent on a Sunday night to a list of twelve analysts, reads in full: ' +
      `${paragraph} Nobody at the agency would say how many of the rifles were traced. ` +
      'The committee asked for every cable that mentions the case, and was refused twice. ' +
      'Two of the dealers in Phoenix kept selling to the same buyers for another eleven months, ' +
      'long after the first rifles turned up at crime scenes south of the border. The inspector ' +
      'general later found that nobody in Washington had read the reports from the field office, ' +
      'and that the agents who raised the alarm in the spring were moved to other cases by June.',
  );

  it('makes a lightly edited paragraph a peer, a trimmed copy a part, and not different words', () => {
    expect(relationOf(table, full, trimmed, OPTIONS)).toBe('part');
    expect(relationOf(table, trimmed, full, OPTIONS)).toBe('part');
    expect(relationOf(table, original, substituted, OPTIONS)).toBe('peers');
    expect(relationOf(table, full, other, OPTIONS)).toBeNull();
  });

  it('keeps two short quotes of one formula apart: a changed word in eight is another quote', () => {
    expect(relationOf(table, anyone, criminals, OPTIONS)).toBeNull();
  });

  it('has a much longer statement carry the words it contains, in either order', () => {
    expect(relationOf(table, original, reprint, OPTIONS)).toBe('carries');
    expect(relationOf(table, reprint, substituted, OPTIONS)).toBe('carries');
  });

  it('never matches a statement too short to have keys', () => {
    expect(relationOf(table, short, short, OPTIONS)).toBeNull();
  });

  // One stock run of twelve words, spliced into two short quotes and into two long blocks.
  const stock = 'a cambio de protección hasta el fin de la temporada de lluvias en';
  const spliced = add(`Dijo que era información ${stock} la sierra`);
  const splicedAgain = add(`Nos contaron que el trato fue ${stock} Guadalupe y Calvo`);
  const block = add(
    'Me dijeron el martes que un contador del VCF se vio con gente del Cisen en Laredo. Mi ' +
      `lectura sobre Mazatlán es que el entendimiento con los Templarios es informal, ${stock} ` +
      'Zacatecas. Si cae Rogelio Salas habrá pleito entre sus lugartenientes por lo menos seis ' +
      'meses, y nadie en la plaza cree que el Ejército sea neutral.',
  );
  const otherBlock = add(
    'Nadie en Monterrey cree que la Marina sea neutral después de lo de la semana pasada. Los ' +
      `Zetas ofrecieron a la policía municipal dinero ${stock} Nuevo Laredo. Juan Peña pagó 39 ` +
      'millones de dólares a través de un rancho ganadero cerca de Culiacán desde mayo.',
  );

  it('has two quotes sharing a long verbatim run overlap, but not two long blocks sharing a stock phrase', () => {
    expect(relationOf(table, spliced, splicedAgain, OPTIONS)).toBe('overlap');
    expect(relationOf(table, block, otherBlock, OPTIONS)).toBeNull();
    // Without the share, the stock phrase alone made the blocks quote one text.
    expect(relationOf(table, block, otherBlock, { ...OPTIONS, minOverlapShare: 0 })).toBe(
      'overlap',
    );
  });
});

describe('shingleKeys', () => {
  it('returns distinct keys in ascending order', () => {
    const keys = Array.from(shingleKeys('a b c a b c a b c d e f', OPTIONS));
    expect(keys).toEqual([...new Set(keys)].sort((x, y) => x - y));
    expect(keys.length).toBeLessThan(10);
    expect(keys.every((k) => Number.isSafeInteger(k) && k >= 0)).toBe(true);
  });
});
