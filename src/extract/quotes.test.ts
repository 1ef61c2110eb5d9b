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
