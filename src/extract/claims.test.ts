import { describe, expect, it } from 'vitest';
import { extract } from './test-helpers.js';

function claims(text: string, language: 'en' | 'es' = 'en'): Array<[string | null, string]> {
  return extract(text, { language }).claims.map((c) => [c.speaker, c.text.replace(/\s+/g, ' ')]);
}

describe('pronoun claimants', () => {
  it('gives "He also says" in an intelligence e-mail to the coded source, not to the man it names', () => {
    const email = [
      'CODE: MX7',
      'PUBLICATION: No',
      'SOURCE RELIABILITY: B',
      'ITEM CREDIBILITY: 3',
      'SOURCE HANDLER: Lucía',
      '',
      'MX7 says that the truce between the Juárez and Sinaloa people held through the weekend,',
      'and that the municipal police in CDJ now take their orders from Efraín Montaño Cázares.',
      '',
      'He also says that the plaza changed hands after the army left the valley.',
    ].join('\n');
    expect(claims(email)).toEqual([
      [
        'MX7',
        'the truce between the Juárez and Sinaloa people held through the weekend, and that the municipal police in CDJ now take their orders from Efraín Montaño Cázares',
      ],
      ['MX7', 'the plaza changed hands after the army left the valley'],
    ]);
  });

  it('gives a pronoun in a report to its coded source when nobody has spoken yet', () => {
    const email = [
      'CODE: MX7',
      'PUBLICATION: No',
      'SOURCE RELIABILITY: C',
      '',
      'Met source at the consulate on Tuesday. The new plaza boss in Palomas is Arturo Gómez Villa,',
      'who took over in May.',
      '',
      'He says that the army commander in CDJ has been paid off since January.',
    ].join('\n');
    expect(claims(email)).toEqual([
      ['MX7', 'the army commander in CDJ has been paid off since January'],
    ]);
  });

  it('reads a Spanish "Él dijo que" as the prosecutor who spoke before, past a woman named in between', () => {
    expect(
      claims(
        'El fiscal especial Jorge Quintero Báez dijo que la célula operaba desde un rancho de Práxedis. La jueza Marcela Ortiz Rangel ordenó la detención de cinco hombres el viernes. Él dijo que los detenidos pertenecen a la misma célula.',
        'es',
      ),
    ).toEqual([
      ['Jorge Quintero Báez', 'la célula operaba desde un rancho de Práxedis'],
      ['Jorge Quintero Báez', 'los detenidos pertenecen a la misma célula'],
    ]);
  });

  it('reads "Ella dijo que" as the mayor who spoke before, not as someone named Ella', () => {
    expect(
      claims(
        'La alcaldesa Laura Quiñones Vega afirmó que el albergue no cerrará. Su antecesor, Tomás Herrera, cerró dos en 2019. Ella dijo que las familias no tienen a dónde ir.',
        'es',
      ),
    ).toEqual([
      ['Laura Quiñones Vega', 'el albergue no cerrará'],
      ['Laura Quiñones Vega', 'las familias no tienen a dónde ir'],
    ]);
  });

  it('reads "según él" in a Spanish report as its coded source', () => {
    const email = [
      'CODE: MX9',
      'PUBLICATION: No',
      'SOURCE RELIABILITY: B',
      '',
      'Comí con MX9 en Ciudad Juárez. Según él, la gente de Joaquín Salazar Ruiz controla las',
      'casetas del puente desde enero.',
    ].join('\n');
    expect(claims(email, 'es')).toEqual([
      ['MX9', 'la gente de Joaquín Salazar Ruiz controla las casetas del puente desde enero'],
    ]);
  });

  it('takes the pronoun before the verb as the claimant, not a man named earlier in its sentence', () => {
    expect(
      claims(
        'Ana Torres, the state auditor, said that the contract was never signed. After meeting Luis Prieto on Friday, she said that the money had gone to a shell company.',
      ),
    ).toEqual([
      ['Ana Torres', 'the contract was never signed'],
      ['Ana Torres', 'the money had gone to a shell company'],
    ]);
  });

  it('drops the claim when the pronoun is ambiguous or stands for someone unnamed', () => {
    // a new man opens a sentence between the harbor master's claim and "He"
    expect(
      claims(
        'Juan Ortega, the harbor master, said that the port would reopen on Monday. Customs chief Pedro Salinas disagreed with the timetable. He said that the inspections were not finished.',
      ),
    ).toEqual([['Juan Ortega', 'the port would reopen on Monday']]);
    // the last to speak was a deputy nobody names, not the sheriff
    expect(
      claims(
        'Sheriff Mark Dunn said that the toll stood at nine. A deputy who asked not to be named said that two more bodies had been found near the levee. He also said that the morgue was full.',
      ),
    ).toEqual([['Mark Dunn', 'the toll stood at nine']]);
  });
});
