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

  it('skips Spanish relative times, accented units included', () => {
    for (const unit of ['años', 'días', 'décadas', 'semanas'])
      expect(figures(`Hace dos ${unit}, el cártel controlaba la plaza de Juárez.`, 'es')).toEqual(
        [],
      );
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

  it('reads no unit across a hard line break, and none from a report header', () => {
    const header =
      'CODE: MX40\nSOURCE RELIABILITY: B\nITEM CREDIBILITY: 4\nSPECIAL HANDLING: Do not forward\n' +
      'SOURCE HANDLER: Carlos Beltrán\n\nMy contacts say 40 agents are there.';
    expect(figures(header)).toEqual([[40, 'agents', 'agents']]);
    expect(figures('Seized at the ranch:\nrifles, 45\nCartridges were not counted.')).toEqual([
      [45, null, null],
    ]);
  });

  it('reads the unit across a soft break of a wrapped paragraph', () => {
    const wrapped =
      'Residents of Ojinaga and the nearby towns described long columns of 383\n' +
      'SUVs moving through the center before dawn, and the army says the convoy\n' +
      'came from the west.';
    expect(figures(wrapped)).toEqual([[383, 'suvs', 'SUVs']]);
  });

  it('never takes a verb, a preposition or a postmodifier for the unit', () => {
    expect(
      figures(
        'The figure of 489 does not match what the Tribune ran. The estimate of 397 officers ' +
          'appears in a report, and the count of 146 agents comes from a briefing by two ' +
          'officials familiar with the program. The 458 agents "never carry guns," not the 590 ' +
          'the government admits. We should not use the 313 figure. Police made 12 arrests.',
      ),
    ).toEqual([
      [489, null, null],
      [397, 'officers', 'officers'],
      [146, 'agents', 'agents'],
      [2, 'officials', 'officials'],
      [458, 'agents', 'agents'],
      [590, null, null],
      [313, null, null],
      [12, 'arrests', 'arrests'],
    ]);
  });

  it('takes the Spanish noun before its adjectives, and no verb after a count', () => {
    expect(
      figures(
        'La cifra de 261 aparece en un informe. La cifra de 309 agentes proviene de un reporte, ' +
          'y los 131 casos publicados por el diario se quedan cortos. Vecinos vieron 130 ' +
          'camionetas blindadas y la Sedena tiene 140 analistas operando ahí.',
        'es',
      ),
    ).toEqual([
      [261, null, null],
      [309, 'agentes', 'agentes'],
      [131, 'casos', 'casos publicados'],
      [130, 'camionetas', 'camionetas blindadas'],
      [140, 'analistas', 'analistas'],
    ]);
  });

  it('keeps a word cut by the tokenizer whole, and skips clock times, roads and nicknames', () => {
    expect(
      figures('They seized 378 AK-47s at 12:55 a.m. on Carretera 45, where 30 people live.'),
    ).toEqual([
      [378, 'ak-47s', 'AK-47s'],
      [30, 'people', 'people'],
    ]);
    expect(figures('Dijo que El Ocho trasladó a 12 sicarios a las 19:25 horas.', 'es')).toEqual([
      [12, 'sicarios', 'sicarios'],
    ]);
  });

  it('takes the noun after a name that stands between the number and it', () => {
    expect(
      figures(
        'The task force drew 40 Immigration and Customs Enforcement agents and 18 Alcohol, ' +
          'Tobacco, Firearms and Explosives agents to the border, with 12 DEA agents and five ' +
          'Border Patrol agents. There are close to 500 US agents working out of Chihuahua, and ' +
          '14 other Border Patrol agents in Sonora.',
      ),
    ).toEqual([
      [40, 'agents', 'Immigration and Customs Enforcement agents'],
      [18, 'agents', 'Alcohol, Tobacco, Firearms and Explosives agents'],
      [12, 'agents', 'DEA agents'],
      [5, 'agents', 'Border Patrol agents'],
      [500, 'agents', 'US agents'],
      [14, 'agents', 'other Border Patrol agents'],
    ]);
    // Spanish names the agency after the noun
    expect(figures('Llegaron 40 agentes de la DEA y 200 Zetas armados a Ojinaga.', 'es')).toEqual([
      [40, 'agentes', 'agentes'],
      [200, 'zetas', 'Zetas armados'],
    ]);
  });

  it('keeps a name as the unit when no lower-case noun follows it', () => {
    expect(
      figures(
        'He met two El Paso dealers and 300 people. Officials sent 40 Immigration. The 30 ' +
          'Zetas armed with rifles left in 383 SUVs moving north.',
      ),
    ).toEqual([
      [2, 'dealers', 'El Paso dealers'],
      [300, 'people', 'people'],
      [40, 'immigration', 'Immigration'],
      [30, 'zetas', 'Zetas'],
      [383, 'suvs', 'SUVs'],
    ]);
    expect(figures('Police Find 12 Bodies\nThe road is Carretera 45.')).toEqual([
      [12, 'bodies', 'Bodies'],
    ]);
  });
});
