import { describe, expect, it } from 'vitest';
import { isTlpLevel, markingOf, TLP_LEVELS } from './access-types';

describe('markingOf', () => {
  it('reads a TLP 2.0 marking an answer carries', () => {
    for (const level of TLP_LEVELS) expect(markingOf({ id: 'x', tlp: level })).toBe(level);
  });

  it('is null for answers without one (the embedded server) or with anything else', () => {
    expect(markingOf({ id: 'x' })).toBeNull();
    expect(markingOf({ tlp: 'WHITE' })).toBeNull();
    expect(markingOf({ tlp: 'red' })).toBeNull();
    expect(markingOf({ tlp: 3 })).toBeNull();
    expect(isTlpLevel('AMBER+STRICT')).toBe(true);
  });
});
