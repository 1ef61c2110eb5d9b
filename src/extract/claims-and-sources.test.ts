import { describe, expect, it } from 'vitest';
import { extract } from './test-helpers.js';

describe('claims', () => {
  it('finds reported speech with its claimant', () => {
    const result = extract(
      'Prosecutor Dana Lyle claimed in court filings that the bank laundered cartel money.',
    );
    expect(result.claims.map((c) => [c.speaker, c.verb, c.text])).toEqual([
      ['Dana Lyle', 'claimed', 'the bank laundered cartel money'],
    ]);
  });

  it('handles "according to" and "según"', () => {
    const en = extract('According to Reuters, the convoy left at dawn.');
    expect(en.claims.map((c) => [c.speaker, c.text])).toEqual([
      ['Reuters', 'the convoy left at dawn'],
    ]);
    const es = extract('Según la Fiscalía General de la República, los detenidos eran cinco.', {
      language: 'es',
    });
    expect(es.claims.map((c) => [c.speaker, c.text])).toEqual([
      ['Fiscalía General de la República', 'los detenidos eran cinco'],
    ]);
  });
});

describe('sources cited', () => {
  it('collects outlets and people named as sources', () => {
    const text =
      'From Borderland Beat:\nThe figures were first reported by Proceso. Two officials told NBC News the plan was ready, according to leaked e-mails from Stratfor.\nSource: codigomagenta';
    const names = extract(text).sourcesCited.map((s) => `${s.name} (${s.cue})`);
    expect(names).toEqual([
      'Borderland Beat (from:)',
      'Proceso (reported by)',
      'NBC News (told)',
      'Stratfor (according to)',
      'Código Magenta (source line)',
    ]);
  });
});
