import { describe, expect, it } from 'vitest';
import { CrosscheckError } from '../core/index.js';
import { EntityResolver, resolveEntities } from './index.js';
import { doc, entityOf } from './test-helpers.js';
import type { ResolveDocument } from './types.js';

/** Rules alone, without the curated list, unless a test is about the list. */
const rulesOnly = { knownAliases: [] };

describe('folding', () => {
  it('joins spellings that differ only in accents, case and punctuation', () => {
    const r = resolveEntities(
      [
        doc('a', 'Troops reached Ciudad Juárez at dawn.', [['Ciudad Juárez', 'place']]),
        doc('b', 'CIUDAD JUAREZ - Officials said…', [['CIUDAD JUAREZ', 'place']]),
        doc('c', 'The Zambada-Niebla file.', [['Zambada-Niebla', 'person', 'Zambada Niebla']]),
        doc('d', 'A note on Zambada Niebla.', [['Zambada Niebla', 'person']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'a', 0).id).toBe(entityOf(r, 'b', 0).id);
    expect(entityOf(r, 'a', 0).name).toBe('Ciudad Juárez');
    expect(entityOf(r, 'c', 0).id).toBe(entityOf(r, 'd', 0).id);
  });

  it('never joins names of different types', () => {
    const r = resolveEntities([
      doc('a', 'Sinaloa gunmen; Sinaloa is a state.', [
        ['Sinaloa', 'organization'],
        ['Sinaloa', 'place'],
      ]),
    ]);
    expect(entityOf(r, 'a', 0).id).not.toBe(entityOf(r, 'a', 1).id);
  });
});

describe('acronyms', () => {
  it('joins an acronym to the name it abbreviates in the same document', () => {
    const r = resolveEntities(
      [
        doc('a', 'The Department of Homeland Security said DHS agents would help.', [
          ['Department of Homeland Security', 'organization'],
          ['DHS', 'organization'],
        ]),
      ],
      {},
      rulesOnly,
    );
    const entity = entityOf(r, 'a', 1);
    expect(entity.id).toBe('organization:department of homeland security');
    expect(entity.aliases.find((a) => a.name === 'DHS')?.rule).toBe('acronym:in-document');
  });

  it('joins an acronym across documents when one organisation fits', () => {
    const r = resolveEntities(
      [
        doc('a', 'Agents of the Federal Office of Tides arrived.', [
          ['Federal Office of Tides', 'organization'],
        ]),
        doc('b', 'A FOT spokesman declined to comment.', [['FOT', 'organization']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'b', 0).id).toBe('organization:federal office of tides');
    expect(r.merges).toContainEqual(
      expect.objectContaining({ rule: 'acronym', from: 'organization:federal office of tides' }),
    );
  });

  it('knows ATF is the Bureau of Alcohol, Tobacco, Firearms and Explosives from the curated list', () => {
    const r = resolveEntities([
      doc('a', 'The ATF traced the rifles.', [['ATF', 'organization']]),
      doc('b', 'The Bureau of Alcohol, Tobacco, Firearms and Explosives said…', [
        ['Bureau of Alcohol, Tobacco, Firearms and Explosives', 'organization'],
      ]),
      doc('c', 'Alcohol, Tobacco and Firearms agents…', [
        ['Alcohol, Tobacco and Firearms', 'organization'],
      ]),
    ]);
    const atf = entityOf(r, 'a', 0);
    expect(atf.name).toBe('Bureau of Alcohol, Tobacco, Firearms and Explosives');
    expect(entityOf(r, 'b', 0).id).toBe(atf.id);
    expect(entityOf(r, 'c', 0).id).toBe(atf.id);
    expect(atf.documentCount).toBe(3);
    expect(atf.aliases.find((a) => a.name === 'ATF')).toMatchObject({
      documents: ['a'],
      rule: 'known-alias',
    });
  });
});

describe('aliases', () => {
  it('merges on "X, alias Y" in the text and records the span', () => {
    const text = 'Police detained Leonardo Daniel Martínez Vara, alias “El Pato,” on Tuesday.';
    const r = resolveEntities(
      [
        doc('a', text, [
          ['Leonardo Daniel Martínez Vara', 'person'],
          ['El Pato', 'person'],
        ]),
        doc('b', 'El Pato was moved to a federal prison.', [['El Pato', 'person']]),
      ],
      {},
      rulesOnly,
    );
    const entity = entityOf(r, 'b', 0);
    expect(entity.id).toBe('person:leonardo daniel martinez vara');
    expect(entity.documentCount).toBe(2);
    const alias = entity.aliases.find((a) => a.name === 'El Pato')!;
    expect(alias.rule).toBe('alias-evidence:alias');
    expect(alias.documents).toEqual(['a', 'b']);
    expect(text.slice(alias.evidence!.start, alias.evidence!.end)).toBe(
      'Leonardo Daniel Martínez Vara, alias “El Pato',
    );
  });

  it('reads "known as", "conocido como", "apodado", "dubbed" and a quoted nickname in brackets', () => {
    const r = resolveEntities(
      [
        doc('a', 'Ramiro Quintana Ortiz, known as El Gallo, fled.', [
          ['Ramiro Quintana Ortiz', 'person'],
          ['El Gallo', 'person'],
        ]),
        doc('b', 'Detuvieron a Marta Ibarra Solís, conocida como “La Jefa”.', [
          ['Marta Ibarra Solís', 'person'],
        ]),
        doc('c', 'Tomás Pardo Ruiz, apodado El Zurdo, fue liberado.', [
          ['Tomás Pardo Ruiz', 'person'],
        ]),
        doc('d', 'An informant dubbed “Halcón” named Ernesto Vidal Mena (“El Halcón”).', [
          ['Ernesto Vidal Mena', 'person'],
        ]),
        doc('e', 'La Jefa, El Zurdo and El Halcón were named in the filing.', [
          ['La Jefa', 'person'],
          ['El Zurdo', 'person'],
          ['El Halcón', 'person'],
        ]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'a', 1).id).toBe('person:ramiro quintana ortiz');
    expect(entityOf(r, 'e', 0).id).toBe('person:marta ibarra solis');
    expect(entityOf(r, 'e', 1).id).toBe('person:tomas pardo ruiz');
    expect(entityOf(r, 'e', 2).id).toBe('person:ernesto vidal mena');
  });

  it('reads a nickname quoted inside a name: Joaquín “El Chapo” Guzmán', () => {
    const r = resolveEntities(
      [
        doc('a', 'Joaquín “El Chapo” Guzmán escaped.', [['Joaquín “El Chapo” Guzmán', 'person']]),
        doc('b', 'El Chapo was recaptured.', [['El Chapo', 'person']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'b', 0).id).toBe(entityOf(r, 'a', 0).id);
    expect(entityOf(r, 'a', 0).aliases.map((a) => a.name)).toContain('El Chapo');
  });

  it('joins El Chapo and Joaquín Guzmán through the curated list', () => {
    const r = resolveEntities([
      doc('a', 'El Chapo ran the Sinaloa cartel.', [['El Chapo', 'person']]),
      doc('b', 'Joaquín Guzmán was extradited.', [['Joaquín Guzmán', 'person']]),
    ]);
    expect(entityOf(r, 'a', 0).id).toBe('person:joaquin guzman loera');
    expect(entityOf(r, 'b', 0).id).toBe('person:joaquin guzman loera');
  });

  it('resolves a coded source once a text names it, and keeps the code corpus-wide', () => {
    const r = resolveEntities(
      [
        doc(
          'a',
          'So wrote MX1, identified by the paper as a Mexican lawyer named Tomás Ferrer Ibarra.',
          [
            ['MX1', 'person'],
            ['Tomás Ferrer Ibarra', 'person'],
          ],
        ),
        doc('b', 'Another e-mail from MX1 followed.', [['MX1', 'person']]),
      ],
      {},
      rulesOnly,
    );
    const entity = entityOf(r, 'b', 0);
    expect(entityOf(r, 'a', 1).id).toBe(entity.id);
    expect(entity.name).toBe('Tomás Ferrer Ibarra');
    expect(entity.aliases.find((a) => a.name === 'MX1')?.rule).toBe('alias-evidence:named');
  });

  it('lets type and context decide: VCF is the cartel, CDJ the city', () => {
    const r = resolveEntities(
      [
        doc('a', 'Routes through CDJ [Ciudad Juárez] favoured VCF [the Juárez cartel].', [
          ['CDJ', 'place'],
          ['Ciudad Juárez', 'place'],
          ['VCF', 'organization'],
          ['Juárez cartel', 'organization'],
        ]),
        doc('b', 'The Juárez cartel lost ground.', [['Juárez cartel', 'organization']]),
      ],
      {},
      rulesOnly,
    );
    const city = entityOf(r, 'a', 0);
    const cartel = entityOf(r, 'a', 2);
    expect(entityOf(r, 'a', 1).id).toBe(city.id);
    expect(entityOf(r, 'a', 3).id).toBe(cartel.id);
    expect(entityOf(r, 'b', 0).id).toBe(cartel.id);
    expect(city.type).toBe('place');
    expect(cartel.type).toBe('organization');
    expect(cartel.aliases.find((a) => a.name === 'VCF')?.rule).toBe('alias-evidence:parenthesis');
  });

  it('does not read a place in brackets as an alias', () => {
    const r = resolveEntities(
      [
        doc('a', 'He lives in Phoenix (Arizona).', [
          ['Phoenix', 'place'],
          ['Arizona', 'place'],
        ]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'a', 0).id).not.toBe(entityOf(r, 'a', 1).id);
  });
});

describe('names', () => {
  it('joins a name written in another order: Nieto Pena = Enrique Peña Nieto', () => {
    const r = resolveEntities(
      [
        doc('a', 'President-Elect Nieto Pena met donors.', [['Nieto Pena', 'person']]),
        doc('b', 'Enrique Peña Nieto took office.', [['Enrique Peña Nieto', 'person']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'a', 0).id).toBe('person:enrique pena nieto');
  });

  it('joins a Spanish name without its second surname, unless two full names fit', () => {
    const one = resolveEntities(
      [
        doc('a', 'Joaquín Guzmán Loera was sentenced.', [['Joaquín Guzmán Loera', 'person']]),
        doc('b', 'Joaquín Guzmán appealed.', [['Joaquín Guzmán', 'person']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(one, 'b', 0).id).toBe('person:joaquin guzman loera');
    expect(entityOf(one, 'b', 0).aliases.find((a) => a.name === 'Joaquín Guzmán')?.rule).toBe(
      'partial-name',
    );

    const two = resolveEntities(
      [
        doc('a', 'Joaquín Guzmán Loera was sentenced.', [['Joaquín Guzmán Loera', 'person']]),
        doc('b', 'Joaquín Guzmán appealed.', [['Joaquín Guzmán', 'person']]),
        doc('c', 'Joaquín Guzmán López surrendered.', [['Joaquín Guzmán López', 'person']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(two, 'b', 0).id).toBe('person:joaquin guzman');
  });

  it('resolves a partial name per document, so it never bridges two people', () => {
    const r = resolveEntities(
      [
        doc('a', 'Joaquín Guzmán Loera, or Joaquín Guzmán as the paper calls him.', [
          ['Joaquín Guzmán Loera', 'person'],
          ['Joaquín Guzmán', 'person'],
        ]),
        doc('b', 'Joaquín Guzmán López; Joaquín Guzmán, the son, surrendered.', [
          ['Joaquín Guzmán López', 'person'],
          ['Joaquín Guzmán', 'person'],
        ]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'a', 1).id).toBe('person:joaquin guzman loera');
    expect(entityOf(r, 'b', 1).id).toBe('person:joaquin guzman lopez');
  });

  it('joins a surname to the full name in the same document only', () => {
    const r = resolveEntities(
      [
        doc('a', 'Texas Governor Greg Abbott spoke. Abbott said more.', [
          ['Texas Governor Greg Abbott', 'person'],
          ['Abbott', 'person'],
        ]),
        doc('b', 'Abbott, a farmer, disagreed.', [['Abbott', 'person']]),
        doc('c', 'Greg Abbott and Diane Abbott met; Abbott left.', [
          ['Greg Abbott', 'person'],
          ['Diane Abbott', 'person'],
          ['Abbott', 'person'],
        ]),
      ],
      {},
      rulesOnly,
    );
    const greg = entityOf(r, 'a', 0);
    expect(greg.id).toBe('person:greg abbott');
    expect(entityOf(r, 'a', 1).id).toBe(greg.id);
    expect(greg.aliases.find((a) => a.name === 'Abbott')?.rule).toBe('surname:in-document');
    expect(entityOf(r, 'b', 0).id).toBe('person:abbott@b');
    expect(entityOf(r, 'c', 2).id).toBe('person:abbott@c');
  });

  it('strips titles: President, Gov., Lic., General', () => {
    const r = resolveEntities(
      [
        doc('a', 'President Felipe Calderón and Lic. Juan Pérez Vega.', [
          ['President Felipe Calderón', 'person'],
          ['Lic. Juan Pérez Vega', 'person'],
        ]),
        doc('b', 'Felipe Calderon and General Juan Perez Vega.', [
          ['Felipe Calderon', 'person'],
          ['General Juan Perez Vega', 'person'],
        ]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'a', 0).id).toBe(entityOf(r, 'b', 0).id);
    expect(entityOf(r, 'a', 1).id).toBe('person:juan perez vega');
    expect(entityOf(r, 'b', 1).id).toBe('person:juan perez vega');
  });

  it('joins cartel names around their core: Sinaloa cartel, Cártel de Sinaloa, Sinaloa', () => {
    const r = resolveEntities(
      [
        doc('a', 'The Sinaloa drug cartel grew.', [['Sinaloa drug cartel', 'organization']]),
        doc('b', 'El Cártel de Sinaloa creció.', [['Cártel de Sinaloa', 'organization']]),
        doc('c', 'Sinaloa is winning.', [['Sinaloa', 'organization']]),
      ],
      {},
      rulesOnly,
    );
    expect(new Set([0, 1, 2].map((i) => entityOf(r, 'abc'[i]!, 0).id)).size).toBe(1);
  });

  it('finds the fuller name of a partial name whose words repeat', () => {
    const r = resolveEntities(
      [
        doc('a', 'Ana Ana Ruiz was named.', [['Ana Ana Ruiz', 'person']]),
        doc('b', 'Ana Ana spoke.', [['Ana Ana', 'person']]),
      ],
      {},
      rulesOnly,
    );
    expect(entityOf(r, 'b', 0).id).toBe('person:ana ana ruiz');
  });

  it('runs the rules again when a link settles what was ambiguous before it', () => {
    // "Capital Office" is written for two entities until name-order, at a later key in the same
    // pass, makes them one: only a second pass can join it.
    const r = resolveEntities(
      [
        doc('a', 'Capital Office said so.', [
          ['Capital Office', 'organization', 'Office of Works'],
        ]),
        doc('b', 'Capital Office agreed.', [['Capital Office', 'organization', 'Works Office']]),
        doc('c', 'Capital Office declined.', [['Capital Office', 'organization']]),
      ],
      {},
      rulesOnly,
    );
    expect(new Set([0, 1, 2].map((i) => entityOf(r, 'abc'[i]!, 0).id)).size).toBe(1);
    expect(r.merges.map(({ from, into, rule }) => `${from} ${into} ${rule}`)).toContain(
      'organization:capital office organization:office of works surface-match',
    );
  });
});

describe('the result', () => {
  const corpus = (): ResolveDocument[] => [
    doc('a', 'Joaquín Guzmán Loera, alias El Chapo, met the DEA.', [
      ['Joaquín Guzmán Loera', 'person'],
      ['El Chapo', 'person'],
      ['DEA', 'organization'],
    ]),
    doc('b', 'The Drug Enforcement Administration (DEA) said El Chapo fled to Culiacán.', [
      ['Drug Enforcement Administration', 'organization'],
      ['DEA', 'organization'],
      ['El Chapo', 'person'],
      ['Culiacán', 'place'],
    ]),
    doc('c', 'Nieto Pena and Enrique Peña Nieto; Abbott and Greg Abbott.', [
      ['Nieto Pena', 'person'],
      ['Enrique Peña Nieto', 'person'],
      ['Abbott', 'person'],
      ['Greg Abbott', 'person'],
    ]),
  ];

  it('is the same whatever order the documents come in', () => {
    const forward = resolveEntities(corpus());
    const backward = resolveEntities(corpus().reverse());
    const sorted = (r: typeof forward) =>
      [...r.assignments].sort((x, y) => (x.documentId + x.seq < y.documentId + y.seq ? -1 : 1));
    expect(backward.entities).toEqual(forward.entities);
    expect(backward.merges).toEqual(forward.merges);
    expect(sorted(backward)).toEqual(sorted(forward));
    expect(resolveEntities(corpus())).toEqual(forward);
  });

  it('streams: documents added one at a time give the same result', () => {
    const resolver = new EntityResolver();
    for (const document of corpus()) resolver.add(document);
    expect(resolver.finish()).toEqual(resolveEntities(corpus()));
    expect(() => resolver.add(corpus()[0]!)).toThrow(CrosscheckError);
  });

  it('assigns every mention once and counts mentions and documents', () => {
    const r = resolveEntities(corpus());
    expect(r.assignments).toHaveLength(11);
    const chapo = entityOf(r, 'b', 2);
    expect(chapo).toMatchObject({
      id: 'person:joaquin guzman loera',
      mentionCount: 3,
      documentCount: 2,
    });
    const dea = entityOf(r, 'a', 2);
    expect(dea).toMatchObject({
      name: 'Drug Enforcement Administration',
      mentionCount: 3,
      documentCount: 2,
    });
    expect(r.entities.reduce((sum, e) => sum + e.mentionCount, 0)).toBe(11);
  });

  it('records every merge with its rule, and evidence where a text gave it', () => {
    const documents = corpus();
    const r = resolveEntities(documents, {}, rulesOnly);
    const merge = r.merges.find((m) => m.from === 'person:el chapo')!;
    expect(merge).toMatchObject({
      entityId: 'person:joaquin guzman loera',
      into: 'person:joaquin guzman loera',
      rule: 'alias-evidence:alias',
      evidence: { documentId: 'a', start: 0 },
    });
    expect(documents[0]!.text.slice(0, merge.evidence!.end)).toBe(
      'Joaquín Guzmán Loera, alias El Chapo',
    );
    expect(r.merges.map((m) => m.rule)).toEqual(
      expect.arrayContaining([
        'alias-evidence:parenthesis',
        'partial-name:in-document',
        'surname:in-document',
      ]),
    );
  });
});
