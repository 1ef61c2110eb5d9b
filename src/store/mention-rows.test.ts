import { describe, expect, it } from 'vitest';
import type { Mention } from '../extract/index.js';
import {
  entryKey,
  MENTION_DICTIONARIES,
  MENTION_NAMES,
  MENTION_READINGS,
  MentionIdCache,
  mentionSpanValues,
} from './mention-rows.js';

const JUAREZ: Mention = {
  start: 40,
  end: 46,
  text: 'Juarez',
  type: 'place',
  normalized: 'Ciudad Juárez',
  confidence: 0.95,
  source: 'lexicon:cities',
  geo: { lat: 31.72, lon: -106.46, country: 'MX', admin1: '06', gazetteerId: 'geonames:4013708' },
};
const VCF: Mention = {
  start: 60,
  end: 63,
  text: 'VCF',
  type: 'organization',
  normalized: 'Juárez Cartel',
  confidence: 0.9,
  source: 'cartel-phrase:lexicon',
};
const CARTEL: Mention = { ...VCF, start: 70, end: 83, text: 'Juárez Cartel' };

describe('mention rows', () => {
  it("keys an entry alike from a mention and from the entry's stored values", () => {
    for (const mention of [
      JUAREZ,
      VCF,
      { ...JUAREZ, geo: { ...JUAREZ.geo!, admin1: undefined } },
    ]) {
      for (const dictionary of MENTION_DICTIONARIES) {
        expect(dictionary.keyOf(mention)).toBe(entryKey(dictionary, dictionary.values(mention)));
      }
    }
    // A place without coordinates is not the same reading as one with them.
    const unplaced = { ...JUAREZ, geo: undefined };
    expect(MENTION_READINGS.keyOf(unplaced)).not.toBe(MENTION_READINGS.keyOf(JUAREZ));
    expect(MENTION_NAMES.keyOf(unplaced)).toBe(MENTION_NAMES.keyOf(JUAREZ));
  });

  it('asks for each new name and reading once, and stores a text only where it is not the name', () => {
    const cache = new MentionIdCache();
    const asked: string[] = [];
    let next = 1;
    const unknown = (dictionary: { table: string }, values: unknown[]) => {
      asked.push(`${dictionary.table}:${String(values[0])}`);
      return next++;
    };
    const vcf = cache.spanIds(VCF, unknown);
    const cartel = cache.spanIds(CARTEL, unknown);
    const juarez = cache.spanIds(JUAREZ, unknown);
    expect(asked).toEqual([
      'mention_names:organization',
      'mention_readings:cartel-phrase:lexicon',
      'mention_names:place',
      'mention_readings:lexicon:cities',
    ]);
    expect(cartel).toEqual(vcf);
    expect(juarez).toEqual([3, 4]);
    expect(mentionSpanValues(VCF, vcf)).toEqual([60, 63, 1, 2, 'VCF']);
    expect(mentionSpanValues(CARTEL, cartel)).toEqual([70, 83, 1, 2, null]);
    cache.clear();
    cache.spanIds(CARTEL, unknown);
    expect(asked).toHaveLength(6);
  });
});
