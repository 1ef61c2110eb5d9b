import { describe, expect, it } from 'vitest';
import { extract } from './test-helpers.js';

const quotes = (text: string, language: 'en' | 'es' = 'en') =>
  extract(text, { language }).quotes.map((q) => [q.speaker, q.text]);

describe('quotes', () => {
  it('attributes by the words after the quotation, in either order', () => {
    expect(
      quotes('“We will stay,” Director Amanda Kirwan said. “Nothing changes,” said Kirwan.'),
    ).toEqual([
      ['Amanda Kirwan', 'We will stay'],
      ['Amanda Kirwan', 'Nothing changes'],
    ]);
  });

  it('attributes by a colon introduction and continues the speaker over split quotes', () => {
    const text =
      'In a statement, Gabbard declared: “We are ready.”\n"Yes ma\'am," Dodson told CBS News. "The agency was."';
    expect(quotes(text)).toEqual([
      ['Tulsi Gabbard', 'We are ready.'],
      ['Dodson', "Yes ma'am"],
      ['Dodson', 'The agency was.'],
    ]);
  });

  it('resolves a pronoun to the previous person', () => {
    expect(quotes('Officer Brad Tilley spoke last. “It was chaos,” he said.')).toEqual([
      ['Brad Tilley', 'It was chaos'],
    ]);
  });

  it('reads a Spanish gerund with an eñe as a speech verb', () => {
    const said = (gerund: string) =>
      quotes(
        `El fiscal Jorge Quintero habló ante la prensa en Chihuahua, ${gerund}: "La investigación sigue abierta y nadie queda descartado."`,
        'es',
      );
    const expected = [
      ['Jorge Quintero', 'La investigación sigue abierta y nadie queda descartado.'],
    ];
    expect(said('diciendo')).toEqual(expected);
    expect(said('añadiendo')).toEqual(expected);
    expect(said('señalando')).toEqual(expected);
  });

  it('ignores scare quotes and quoted titles', () => {
    expect(
      quotes(
        'Analysts called them “death squads” in the book “Murder Town: The Border Years”, says Ana Ruiz.',
      ),
    ).toEqual([]);
  });

  it('reads Spanish attribution', () => {
    expect(
      quotes('"No vamos a permitir la violencia", dijo el secretario Omar García Harfuch.', 'es'),
    ).toEqual([['Omar García Harfuch', 'No vamos a permitir la violencia']]);
  });

  it('takes a reprinted block after a colon as a quote of the named writer', () => {
    const text =
      'A March 3, 2011, email from MX9 to the analysts bears reprint:\n\nThe routes are already agreed with the authorities and nobody will touch the shipments this year.';
    expect(quotes(text)).toEqual([
      [
        'MX9',
        'The routes are already agreed with the authorities and nobody will touch the shipments this year.',
      ],
    ]);
  });

  it('crosses an appositive between the name and the verb, and prefers the person', () => {
    expect(
      quotes(
        '"The roads are closed," Martin Keel, a spokesman for the county, said on Friday. "We will reopen," Port Authority spokeswoman Dana Osei said. "No comment," said Rep. Lyle Moran, who chairs the panel.',
      ),
    ).toEqual([
      ['Martin Keel', 'The roads are closed'],
      ['Dana Osei', 'We will reopen'],
      ['Lyle Moran', 'No comment'],
    ]);
  });

  it('counts words reported after a speech verb, however few, but not quoted figures', () => {
    expect(
      quotes(
        'Inspector Carla Wendt said the agency was "cooperating fully" with the review. Analysts cited "nearly 300" cases.',
      ),
    ).toEqual([['Carla Wendt', 'cooperating fully']]);
  });

  it('resolves a dropped Spanish subject to the titled person named before', () => {
    expect(
      quotes(
        'Lo confirmó el fiscal especial Tomás Ugalde Rivas. El fiscal evitó dar detalles. "No vamos a especular", afirmó.',
        'es',
      ),
    ).toEqual([['Tomás Ugalde Rivas', 'No vamos a especular']]);
  });

  it('gives a paragraph that is one quotation to the writer the colon line names', () => {
    expect(
      quotes(
        'The source, coded as MX9, wrote in 2010:\n\n"The trucks leave at night. Nobody stops them."',
      ),
    ).toEqual([['MX9', 'The trucks leave at night. Nobody stops them.']]);
  });
});

describe('quotes in hard-wrapped e-mail', () => {
  // Wrapped at 76 columns, as a mailer sends it: the quotation and the block run over line breaks.
  const email = [
    'Va la tabla que le pasé a Jorge, solo llega hasta septiembre de 2008. Según',
    'El Observador de Sinaloa, el aseguramiento incluía 284 pistolas. “No vamos a',
    'negociar con nadie que tenga las manos manchadas de sangre”, dijo Sebastián',
    'Beltrán Quintero.',
    '',
    'El Observador de Sinaloa publicó hoy esto, atribuido a MX19:',
    '',
    'Mi lectura sobre Mazatlán es que el [estadounidenses] entendimiento con Los',
    'Caballeros Templarios es informal: datos sobre rivales a cambio de tiempo',
    'hasta 11 de mayo. La cifra que escucho es de 433 agentes, no los 150 que',
    'publicó Radio Bravo.',
    '',
    '--',
    'Martín Téllez Peña',
  ].join('\n');

  it('reads a quotation and a name wrapped over lines whole, and a reprinted block after its colon', () => {
    const found = extract(email, { language: 'es' }).quotes;
    expect(found.map((q) => [q.speaker, q.text.replace(/\s+/g, ' ')])).toEqual([
      [
        'Sebastián Beltrán Quintero',
        'No vamos a negociar con nadie que tenga las manos manchadas de sangre',
      ],
      [
        'MX19',
        'Mi lectura sobre Mazatlán es que el [estadounidenses] entendimiento con Los Caballeros Templarios es informal: datos sobre rivales a cambio de tiempo hasta 11 de mayo. La cifra que escucho es de 433 agentes, no los 150 que publicó Radio Bravo.',
      ],
    ]);
    // The spans index the original text, line breaks and all.
    for (const q of found) expect(email.slice(q.start, q.end)).toBe(q.text);
  });

  it('keeps each line its own paragraph where lines are wider than a mailer wraps', () => {
    const unwrapped = email.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
    const long = `${'A'.repeat(120)}\n“Esto sigue igual”, dijo Ana Ruiz.`;
    expect(quotes(long, 'es')).toEqual([['Ana Ruiz', 'Esto sigue igual']]);
    expect(extract(unwrapped, { language: 'es' }).quotes).toHaveLength(2);
  });
});

describe('pronoun and nominal speakers', () => {
  it('gives "He also says" in an intelligence e-mail to the coded source, not to a man it names', () => {
    const email = [
      'CODE: US714',
      'PUBLICATION: No',
      'SOURCE RELIABILITY: B',
      'ITEM CREDIBILITY: 3',
      'SOURCE HANDLER: Daniel',
      '',
      'US714 after the weekly meeting with the state prosecutors:',
      '',
      'The plaza boss in Nogales is Arturo Gómez Villa now. Gómez moves the money through three',
      'exchange houses and pays the municipal police every Friday. Nobody has touched him.',
      '',
      'He also says the army knew about the deal, and that the arrangement holds "until the',
      'elections".',
    ].join('\n');
    expect(quotes(email).map(([speaker, text]) => [speaker, text!.replace(/\s+/g, ' ')])).toEqual([
      [
        'US714',
        'The plaza boss in Nogales is Arturo Gómez Villa now. Gómez moves the money through three exchange houses and pays the municipal police every Friday. Nobody has touched him.',
      ],
      ['US714', 'until the elections'],
    ]);
  });

  it('reads "Él dijo" in a Spanish report as its coded source when no one spoke before', () => {
    const email = [
      'CODE: MX9',
      'PUBLICATION: No',
      'SOURCE RELIABILITY: B',
      '',
      'Comí con MX9 en Ciudad Juárez. Según él, la gente de Joaquín Salazar Ruiz controla las',
      'casetas del puente desde enero. Él dijo que los militares "ya saben todo y no hacen nada".',
    ].join('\n');
    expect(quotes(email, 'es')).toEqual([['MX9', 'ya saben todo y no hacen nada']]);
  });

  it('gives "she added" to the woman quoted before, not to a man named in between', () => {
    expect(
      quotes(
        '"We will not close the shelter," said Mayor Laura Quiñones Vega. Her predecessor, Tomás Herrera, shut two of them in 2019 after a shooting. "The families have nowhere else to go," she added.',
      ),
    ).toEqual([
      ['Laura Quiñones Vega', 'We will not close the shelter'],
      ['Laura Quiñones Vega', 'The families have nowhere else to go'],
    ]);
    expect(
      quotes(
        '"No vamos a cerrar el albergue", dijo la alcaldesa Laura Quiñones Vega. Su antecesor, Tomás Herrera, cerró dos en 2019. "Las familias no tienen a dónde ir", agregó ella.',
        'es',
      ),
    ).toEqual([
      ['Laura Quiñones Vega', 'No vamos a cerrar el albergue'],
      ['Laura Quiñones Vega', 'Las familias no tienen a dónde ir'],
    ]);
  });

  it('gives a pronoun with no earlier speaker to the last person named whose given name agrees', () => {
    expect(
      quotes('Ana Torres met Luis Prieto in March. She said the deal was "never put on paper".'),
    ).toEqual([['Ana Torres', 'never put on paper']]);
  });

  it('leaves the speaker unknown when the antecedent is ambiguous or unnamed', () => {
    // a new man opens the sentence between the quoted man and "he"
    expect(
      quotes(
        '"The port will reopen on Monday," said Juan Ortega, the harbor master. Customs chief Pedro Salinas disagreed with the timetable. "We have not finished the inspections," he said.',
      ),
    ).toEqual([
      ['Juan Ortega', 'The port will reopen on Monday'],
      [null, 'We have not finished the inspections'],
    ]);
    // someone unnamed spoke last
    expect(
      quotes(
        '"We are still counting," said Sheriff Mark Dunn. A deputy who asked not to be named said the toll would rise. "The morgue is already full," he added.',
      ),
    ).toEqual([
      ['Mark Dunn', 'We are still counting'],
      [null, 'The morgue is already full'],
    ]);
    // "a source" is someone new, not the coded source named earlier
    expect(
      quotes(
        'Meridian cites MX7 twice in the memo. "The shipment left on Tuesday," a source close to the investigation said.',
      ),
    ).toEqual([[null, 'The shipment left on Tuesday']]);
  });
});
