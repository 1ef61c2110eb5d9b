import { describe, expect, it } from 'vitest';
import { findAliasEvidence } from './alias-evidence.js';
import { doc, type MentionSpec } from './test-helpers.js';

function evidenceIn(text: string, specs: MentionSpec[]) {
  const { mentions } = doc('d', text, specs);
  return findAliasEvidence(text, mentions).map((found) => ({
    rule: found.rule,
    subject: mentions[found.subject]!.text,
    alias: found.alias,
    object: found.object === null ? null : mentions[found.object]!.text,
    span: text.slice(found.start, found.end),
  }));
}

describe('findAliasEvidence', () => {
  it('reads "alias" with a quoted nickname that is also a mention', () => {
    expect(
      evidenceIn('They arrested Ana Ruiz Paz, alias “La Güera,” at home.', [
        ['Ana Ruiz Paz', 'person'],
        ['La Güera', 'person'],
      ]),
    ).toEqual([
      {
        rule: 'alias-evidence:alias',
        subject: 'Ana Ruiz Paz',
        alias: 'La Güera',
        object: 'La Güera',
        span: 'Ana Ruiz Paz, alias “La Güera',
      },
    ]);
  });

  it('takes a quoted or capitalised alias that extraction missed', () => {
    const found = evidenceIn(
      'Ana Ruiz Paz, better known as "La Güera", and Luis Mora, a.k.a. El Flaco.',
      [
        ['Ana Ruiz Paz', 'person'],
        ['Luis Mora', 'person'],
      ],
    );
    expect(found.map((f) => [f.rule, f.alias, f.object])).toEqual([
      ['alias-evidence:known-as', 'La Güera', null],
      ['alias-evidence:alias', 'El Flaco', null],
    ]);
  });

  it('reads an apposition ending in a name, but not a relative clause', () => {
    const named = evidenceIn(
      'wrote XR7, identified by a newspaper as a U.S.-trained lawyer named Eva Sol Díaz.',
      [
        ['XR7', 'person'],
        ['Eva Sol Díaz', 'person'],
      ],
    );
    expect(named).toMatchObject([
      { rule: 'alias-evidence:named', subject: 'XR7', object: 'Eva Sol Díaz' },
    ]);
    expect(
      evidenceIn('Obama, who named Holder attorney general, spoke.', [
        ['Obama', 'person'],
        ['Holder', 'person'],
      ]),
    ).toEqual([]);
  });

  it('reads an acronym in brackets, either way round, and only of the same type', () => {
    expect(
      evidenceIn(
        'the Drug Enforcement Administration (DEA) and ICE [Immigration and Customs Enforcement]',
        [
          ['Drug Enforcement Administration', 'organization'],
          ['DEA', 'organization'],
          ['ICE', 'organization'],
          ['Immigration and Customs Enforcement', 'organization'],
        ],
      ).map((f) => [f.subject, f.object]),
    ).toEqual([
      ['Drug Enforcement Administration', 'DEA'],
      ['ICE', 'Immigration and Customs Enforcement'],
    ]);
    expect(
      evidenceIn('SEDENA [the Mexican military] and CDJ [Juarez]', [
        ['SEDENA', 'organization'],
        ['CDJ', 'place'],
        ['Juarez', 'organization'],
      ]),
    ).toEqual([]);
  });

  it('reads Spanish cues', () => {
    const found = evidenceIn(
      'Detuvieron a Raúl Soto, alias El Gato, y a Inés Vela, apodada "La Reina".',
      [
        ['Raúl Soto', 'person'],
        ['Inés Vela', 'person'],
      ],
    );
    expect(found.map((f) => [f.subject, f.alias])).toEqual([
      ['Raúl Soto', 'El Gato'],
      ['Inés Vela', 'La Reina'],
    ]);
  });
});
