import { describe, expect, it } from 'vitest';
import { extract } from './test-helpers.js';

const figures = (text: string, language: 'en' | 'es' = 'en') =>
  extract(text, { language }).figures.map((f) => [f.value, f.unit, f.about]);

describe('figures', () => {
  it('finds counts with the noun phrase they quantify', () => {
    expect(
      figures('Police seized 1,200 rifles and arrested two “drug lords” and 14 other suspects.'),
    ).toEqual([
      [1200, 'rifles', 'rifles'],
      [2, 'lords', 'drug lords'],
      [14, 'suspects', 'other suspects'],
    ]);
  });

  it('normalises measures, money, shares and percentages', () => {
    expect(
      figures(
        'They moved 337 kilos of cocaine and $2 million, a third of the trade, up 40 percent.',
      ),
    ).toEqual([
      [337, 'kilograms', 'cocaine'],
      [2_000_000, 'USD', null],
      [1 / 3, 'share', 'trade'],
      [40, 'percent', null],
    ]);
  });

  it('skips designations, calibres, ordinals, dates and relative times', () => {
    expect(
      figures(
        'An AK-47 and .50 caliber rounds from the 5th Brigade arrived in 2011, four years ago.',
      ),
    ).toEqual([]);
  });

  it('reads Spanish numbers and units', () => {
    expect(
      figures('Detuvieron a dos sicarios con 250 kilos de cocaína y 3 millones de pesos.', 'es'),
    ).toEqual([
      [2, 'sicarios', 'sicarios'],
      [250, 'kilograms', 'cocaína'],
      [3_000_000, 'MXN', null],
    ]);
  });
});
