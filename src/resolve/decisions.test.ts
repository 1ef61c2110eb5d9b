import { describe, expect, it } from 'vitest';
import { nameKey, resolveEntities, type AnalystDecisions } from './index.js';
import { doc, entityOf } from './test-helpers.js';

const rulesOnly = { knownAliases: [] };

/** Two articles about one trafficker: "Shorty" is tied to him only through "El Chapo". */
const firstRun = () => [
  doc('a', 'Joaquín Guzmán Loera, known as El Chapo, was extradited.', [
    ['Joaquín Guzmán Loera', 'person'],
    ['El Chapo', 'person'],
  ]),
  doc('b', 'El Chapo, alias Shorty, ran the Sinaloa cartel with Ismael Zambada.', [
    ['El Chapo', 'person'],
    ['Shorty', 'person'],
    ['Sinaloa cartel', 'organization'],
    ['Ismael Zambada', 'person'],
  ]),
];

/** The same corpus re-extracted: texts edited (offsets moved), one more document. */
const secondRun = () => [
  doc('a', 'UPDATED: Joaquín Guzmán Loera, known as El Chapo, was extradited to New York.', [
    ['Joaquín Guzmán Loera', 'person'],
    ['El Chapo', 'person'],
    ['New York', 'place'],
  ]),
  doc('b', 'El Chapo, alias Shorty, ran the Sinaloa cartel with Ismael Zambada.', [
    ['El Chapo', 'person'],
    ['Shorty', 'person'],
    ['Sinaloa cartel', 'organization'],
    ['Ismael Zambada', 'person'],
  ]),
  doc('c', 'El Mayo Zambada was never caught.', [['El Mayo Zambada', 'person', 'Ismael Zambada']]),
];

describe('analyst decisions', () => {
  it('merges two entities by their ids, and the merge survives re-extraction', () => {
    const before = resolveEntities(firstRun(), {}, rulesOnly);
    const chapo = entityOf(before, 'a', 0).id;
    const zambada = entityOf(before, 'b', 3).id;
    expect(chapo).not.toBe(zambada);

    const decisions: AnalystDecisions = { merges: [{ keys: [chapo, zambada] }] };
    const merged = resolveEntities(firstRun(), decisions, rulesOnly);
    expect(entityOf(merged, 'b', 3).id).toBe(entityOf(merged, 'a', 0).id);
    expect(merged.merges).toContainEqual(expect.objectContaining({ rule: 'decision:merge' }));

    const rerun = resolveEntities(secondRun(), decisions, rulesOnly);
    expect(entityOf(rerun, 'c', 0).id).toBe(entityOf(rerun, 'a', 0).id);
    expect(rerun.unappliedDecisions).toEqual([]);
  });

  it('splits a name off an entity and keeps the rest together, even what it held together', () => {
    const decisions: AnalystDecisions = {
      splits: [{ entity: 'person:joaquin guzman loera', name: 'El Chapo' }],
    };
    for (const run of [firstRun, secondRun]) {
      const r = resolveEntities(run(), decisions, rulesOnly);
      const guzman = entityOf(r, 'a', 0);
      const chapo = entityOf(r, 'b', 0);
      expect(chapo.id).toBe('person:el chapo');
      expect(guzman.id).toBe('person:joaquin guzman loera');
      expect(entityOf(r, 'a', 1).id).toBe(chapo.id);
      // "Shorty" reached Guzmán only through "El Chapo"; the split does not take it away.
      expect(entityOf(r, 'b', 1).id).toBe(guzman.id);
      expect(guzman.aliases.map((a) => a.name)).not.toContain('El Chapo');
      expect(
        r.merges.filter((m) => m.from === 'person:el chapo' || m.into === 'person:el chapo'),
      ).toEqual([]);
    }
  });

  it('splits one mention by its span, leaving the other mentions of that name', () => {
    const text = 'El Chapo, alias Shorty, ran the Sinaloa cartel with Ismael Zambada.';
    const decisions: AnalystDecisions = {
      splits: [{ entity: 'person:el chapo', mention: { documentId: 'b', start: 16, end: 22 } }],
    };
    expect(text.slice(16, 22)).toBe('Shorty');
    const r = resolveEntities(firstRun(), decisions, rulesOnly);
    expect(entityOf(r, 'b', 1).id).toBe('person:shorty@b:16');
    expect(entityOf(r, 'b', 0).id).toBe(entityOf(r, 'a', 0).id);
  });

  it('renames an entity without changing its id', () => {
    const decisions: AnalystDecisions = {
      renames: [{ entity: nameKey('person', 'El Chapo'), name: 'Joaquín Archivaldo Guzmán Loera' }],
    };
    for (const run of [firstRun, secondRun]) {
      const entity = entityOf(resolveEntities(run(), decisions, rulesOnly), 'a', 0);
      expect(entity).toMatchObject({
        id: 'person:joaquin guzman loera',
        name: 'Joaquín Archivaldo Guzmán Loera',
      });
    }
  });

  it('finds an entity by any of its names, and reports decisions it cannot place', () => {
    const r = resolveEntities(
      firstRun(),
      {
        renames: [{ entity: 'person:Shorty', name: 'Guzmán' }],
        merges: [{ keys: ['person:el chapo', 'person:nobody here'] }],
        splits: [{ entity: 'organization:sinaloa cartel', name: 'Gulf cartel' }],
      },
      rulesOnly,
    );
    expect(entityOf(r, 'a', 0).name).toBe('Guzmán');
    expect(r.unappliedDecisions.map((d) => [d.kind, d.key])).toEqual([
      ['merge', 'person:nobody here'],
      ['split', 'organization:gulf cartel'],
    ]);
  });

  it('lets decisions win over automatic rules and the curated list', () => {
    const r = resolveEntities(firstRun(), {
      splits: [{ entity: 'person:el chapo', name: 'Joaquín Guzmán Loera' }],
    });
    expect(entityOf(r, 'a', 0).id).toBe('person:joaquin guzman loera');
    expect(entityOf(r, 'a', 1).id).not.toBe('person:joaquin guzman loera');
  });
});
