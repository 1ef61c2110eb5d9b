import { describe, expect, it } from 'vitest';
import { resolveEntities } from '../index.js';
import { doc } from '../test-helpers.js';
import type { GoldFile } from './gold.js';
import { scoreResolution } from './score.js';
import { formatResolutionScore } from './format.js';

const documents = () => [
  doc('a.txt', 'Joaquín “El Chapo” Guzmán met Raúl Soto in Culiacán. El Chapo left.', [
    ['Joaquín “El Chapo” Guzmán', 'person', 'Joaquín Guzmán Loera'],
    ['Raúl Soto', 'person'],
    ['Culiacán', 'place'],
    ['El Chapo', 'person', 'Joaquín Guzmán Loera'],
  ]),
  doc('b.txt', 'Joaquín Guzmán Loera was tried; Soto testified.', [
    ['Joaquín Guzmán Loera', 'person'],
    ['Soto', 'person'],
  ]),
];

const gold: GoldFile[] = [
  {
    document: 'a.txt',
    entities: [
      {
        type: 'person',
        name: 'Joaquín Guzmán Loera',
        mentions: ['Joaquín “El Chapo” Guzmán', 'El Chapo'],
        also_known_as: ['Chapo Guzmán'],
      },
      { type: 'person', name: 'Raúl Soto', mentions: ['Raúl Soto'] },
      { type: 'place', name: 'Culiacán', mentions: ['Culiacán'] },
      { type: 'organization', name: 'Sinaloa Cartel', mentions: ['Sinaloa cartel'] },
    ],
  },
  {
    document: 'b.txt',
    entities: [
      { type: 'person', name: 'Joaquín Guzmán Loera', mentions: ['Joaquín Guzmán Loera'] },
      { type: 'person', name: 'Raúl Soto', mentions: ['Soto'] },
    ],
  },
];

describe('scoreResolution', () => {
  it('counts gold entities that end as exactly one entity, per document and across documents', () => {
    const score = scoreResolution(resolveEntities(documents()), gold);
    // Per document: everything but the cartel nobody extracted.
    expect(score.perDocument).toMatchObject({ total: 6, exact: 5, exactGivenExtraction: 5 });
    // Across documents: "Soto" in b is its own one-document entity, so Raúl Soto is split.
    expect(score.acrossDocuments).toMatchObject({ total: 4, exact: 2 });
    expect(score.failures.map((f) => [f.scope, f.kind, f.name])).toEqual([
      ['document', 'missing', 'Sinaloa Cartel'],
      ['corpus', 'split', 'Raúl Soto'],
      ['corpus', 'missing', 'Sinaloa Cartel'],
    ]);
  });

  it('calls an entity that swallowed another gold entity conflated', () => {
    const score = scoreResolution(
      resolveEntities(documents(), {
        merges: [{ keys: ['person:raul soto', 'person:joaquin guzman loera'] }],
      }),
      gold,
    );
    const conflated = score.failures.filter(
      (f) => f.kind === 'conflated' && f.scope === 'document',
    );
    expect(conflated.map((f) => [f.name, f.conflatedWith])).toEqual([
      ['Joaquín Guzmán Loera', ['Raúl Soto']],
      ['Raúl Soto', ['Joaquín Guzmán Loera']],
    ]);
    expect(formatResolutionScore(score)).toContain('document conflated with Raúl Soto');
  });
});
