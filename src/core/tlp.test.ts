import { describe, expect, it } from 'vitest';
import {
  TLP_LEVELS,
  TlpLevelSchema,
  isTlpLevel,
  stricterTlp,
  tlpAllows,
  tlpFromRank,
  tlpRank,
} from './tlp.js';

describe('TLP markings', () => {
  it('ranks the levels from CLEAR to RED', () => {
    expect(TLP_LEVELS.map(tlpRank)).toEqual([0, 1, 2, 3, 4]);
    expect(tlpRank('AMBER+STRICT')).toBe(3);
    expect(tlpFromRank(2)).toBe('AMBER');
    expect(tlpFromRank(17)).toBe('RED');
  });

  it('lets a clearance see its own level and every less restrictive one', () => {
    expect(tlpAllows('AMBER+STRICT', 'AMBER')).toBe(true);
    expect(tlpAllows('AMBER+STRICT', 'AMBER+STRICT')).toBe(true);
    expect(tlpAllows('AMBER+STRICT', 'RED')).toBe(false);
    expect(tlpAllows('CLEAR', 'GREEN')).toBe(false);
  });

  it('keeps the stricter of two markings', () => {
    expect(stricterTlp('RED', 'GREEN')).toBe('RED');
    expect(stricterTlp('CLEAR', 'AMBER')).toBe('AMBER');
  });

  it('parses level names as people write them and rejects anything else', () => {
    expect(TlpLevelSchema.parse('amber+strict')).toBe('AMBER+STRICT');
    expect(TlpLevelSchema.parse('TLP:RED')).toBe('RED');
    expect(TlpLevelSchema.parse('white')).toBe('CLEAR');
    expect(TlpLevelSchema.safeParse('PURPLE').success).toBe(false);
    expect(isTlpLevel('GREEN')).toBe(true);
    expect(isTlpLevel('green')).toBe(false);
  });
});
