import { describe, expect, it } from 'vitest';
import type { Resolution, ResolvedEntity } from '../../resolve/index.js';
import type { StoredEntity } from '../types.js';
import type { StoreFactory } from './documents.contract.js';
import { ARTICLE_EN_EXTRACTION } from './extraction.contract.js';
import { ARTICLE_EN, ARTICLE_ES, EMAIL, item, writeDocuments } from './fixtures.js';

const resolution: Resolution = {
  entities: [
    {
      id: 'organization:juarez cartel',
      type: 'organization',
      name: 'Juárez Cartel',
      aliases: [
        { name: 'Juárez Cartel', documents: [], rule: 'canonical' },
        {
          name: 'VCF',
          documents: [ARTICLE_EN.id],
          rule: 'alias-evidence:known as',
          evidence: { documentId: ARTICLE_EN.id, start: 98, end: 129 },
        },
      ],
      mentionCount: 1,
      documentCount: 1,
    },
    {
      id: 'place:ciudad juarez',
      type: 'place',
      name: 'Ciudad Juárez',
      aliases: [{ name: 'Ciudad Juárez', documents: [ARTICLE_EN.id], rule: 'canonical' }],
      mentionCount: 1,
      documentCount: 1,
    },
  ],
  assignments: [
    { documentId: ARTICLE_EN.id, seq: 0, entityId: 'place:ciudad juarez' },
    { documentId: ARTICLE_EN.id, seq: 1, entityId: 'organization:juarez cartel' },
  ],
  merges: [
    {
      entityId: 'organization:juarez cartel',
      from: 'organization:vcf',
      into: 'organization:juarez cartel',
      rule: 'alias-evidence:known as',
    },
  ],
  unappliedDecisions: [],
};

/** An entity as the store gives it back: each name with how many documents it was seen in. */
const stored = (entity: ResolvedEntity): StoredEntity => ({
  ...entity,
  aliases: entity.aliases.map((a) => ({ ...a, documentCount: a.documents.length })),
});

/** A new store holding ARTICLE_EN and its extraction, ready to resolve. */
async function withExtractedArticle(open: StoreFactory) {
  const store = await open();
  const run = await store.startRun(['x']);
  await store.writeBatch({
    runId: run.id,
    items: [item(ARTICLE_EN)],
    failures: [],
    completedFiles: [],
  });
  await store.writeExtractions([
    { documentId: ARTICLE_EN.id, extractorVersion: 'v1', extraction: ARTICLE_EN_EXTRACTION },
  ]);
  return store;
}

export function entitiesContract(open: StoreFactory): void {
  describe('resolved entities', () => {
    it('stores a resolution and answers entity lookups by id, name and alias', async () => {
      const store = await withExtractedArticle(open);
      await store.replaceResolution(resolution);

      expect((await store.listResolvedEntities()).total).toBe(2);
      expect(
        (await store.listResolvedEntities({ type: 'place' })).entities.map((e) => e.id),
      ).toEqual(['place:ciudad juarez']);
      // "vcf" is only an alias, and accents never matter.
      expect(
        (await store.listResolvedEntities({ contains: 'vcf' })).entities.map((e) => e.id),
      ).toEqual(['organization:juarez cartel']);
      expect((await store.listResolvedEntities({ contains: 'JUAREZ' })).total).toBe(2);

      // Listings carry each alias's documents too, as lookups do.
      expect(
        (await store.listResolvedEntities()).entities.sort((a, b) => (a.id < b.id ? -1 : 1)),
      ).toEqual(resolution.entities.map(stored));

      const record = await store.getResolvedEntity('VCF');
      expect(record?.entity).toEqual(stored(resolution.entities[0]!));
      expect(record?.merges).toEqual(resolution.merges);
      expect((await store.getResolvedEntity('place:ciudad juarez'))?.entity.name).toBe(
        'Ciudad Juárez',
      );
      expect(await store.getResolvedEntity('nobody')).toBeNull();

      const mentions = await store.listEntityMentionsById('organization:juarez cartel');
      expect(mentions.map((m) => m.text)).toEqual(['VCF']);
      expect(await store.listEntityCoOccurrences('organization:juarez cartel')).toEqual([
        { id: 'place:ciudad juarez', type: 'place', name: 'Ciudad Juárez', documents: 1 },
      ]);
      expect(
        await store.listEntityCoOccurrences('organization:juarez cartel', { sample: 1 }),
      ).toEqual([
        { id: 'place:ciudad juarez', type: 'place', name: 'Ciudad Juárez', documents: 1 },
      ]);

      // A document listed twice under one name is one alias row, not a broken write.
      const [cartel] = resolution.entities;
      const twice = [ARTICLE_EN.id, ARTICLE_EN.id];
      await store.replaceResolution({
        ...resolution,
        entities: [
          { ...cartel!, aliases: cartel!.aliases.map((a) => ({ ...a, documents: twice })) },
        ],
        assignments: resolution.assignments.filter((a) => a.entityId === cartel!.id),
      });
      expect(
        (await store.getResolvedEntity('VCF'))?.entity.aliases.map((a) => [
          a.documents,
          a.documentCount,
        ]),
      ).toEqual([
        [[ARTICLE_EN.id], 1],
        [[ARTICLE_EN.id], 1],
      ]);

      // A mention linked to an entity the resolution does not hold is refused, whole.
      await expect(store.replaceResolution({ ...resolution, entities: [cartel!] })).rejects.toThrow(
        /entity resolution/,
      );
      expect((await store.listResolvedEntities()).total).toBe(1);
      expect(await store.listEntityMentionsById(cartel!.id)).toHaveLength(1);

      await store.replaceResolution({
        entities: [],
        assignments: [],
        merges: [],
        unappliedDecisions: [],
      });
      expect((await store.listResolvedEntities()).total).toBe(0);
      await store.close();
    });

    it('writes a resolution handed over as lazy lists, and keeps the old one if reading fails', async () => {
      const store = await withExtractedArticle(open);
      // Each list read once, as the resolver streams it: a generator cannot be read twice.
      const once = <T>(items: T[]): Iterable<T> =>
        (function* () {
          yield* items;
        })();
      await store.replaceResolution({
        entities: once(resolution.entities),
        assignments: once(resolution.assignments),
        merges: once(resolution.merges),
      });
      expect((await store.listResolvedEntities()).total).toBe(2);
      expect((await store.getResolvedEntity('VCF'))?.entity).toEqual(
        stored(resolution.entities[0]!),
      );
      expect((await store.getResolvedEntity('VCF'))?.merges).toEqual(resolution.merges);
      expect(
        (await store.listEntityMentionsById('organization:juarez cartel')).map((m) => m.text),
      ).toEqual(['VCF']);

      const failing = (function* () {
        yield resolution.assignments[0]!;
        throw new Error('the resolver failed half-way');
      })();
      await expect(
        store.replaceResolution({ entities: [], assignments: failing, merges: [] }),
      ).rejects.toThrow(/entity resolution/);
      expect((await store.listResolvedEntities()).total).toBe(2);
      expect(
        (await store.listEntityMentionsById('organization:juarez cartel')).map((m) => m.text),
      ).toEqual(['VCF']);
      await store.close();
    });

    it("lists a name's documents whole, sorted, or the first stored with the count", async () => {
      const store = await open();
      // Stored in an order that is not the ids' order, so the two readings differ.
      const documents = [EMAIL, ARTICLE_ES, ARTICLE_EN];
      await writeDocuments(store, documents);
      const ids = documents.map((d) => d.id);
      const place: ResolvedEntity = {
        id: 'place:ciudad juarez',
        type: 'place',
        name: 'Ciudad Juárez',
        aliases: [
          { name: 'Ciudad Juárez', documents: [...ids].sort(), rule: 'canonical' },
          { name: 'Juárez', documents: [ids[2]!], rule: 'extract:normalized' },
          { name: 'Paso del Norte', documents: [], rule: 'alias-table' },
        ],
        mentionCount: 4,
        documentCount: 3,
      };
      await store.replaceResolution({ entities: [place], assignments: [], merges: [] });

      expect((await store.getResolvedEntity(place.id))?.entity).toEqual(stored(place));
      const firstTwo = [
        ['Ciudad Juárez', ids.slice(0, 2), 3],
        ['Juárez', [ids[2]], 1],
        ['Paso del Norte', [], 0],
      ];
      const names = (entity: StoredEntity | undefined) =>
        entity?.aliases.map((a) => [a.name, a.documents, a.documentCount]);
      expect(
        names((await store.getResolvedEntity(place.id, { documentsPerName: 2 }))?.entity),
      ).toEqual(firstTwo);
      expect(
        names((await store.listResolvedEntities({ documentsPerName: 2 })).entities[0]),
      ).toEqual(firstTwo);
      expect(
        names((await store.listResolvedEntities({ documentsPerName: 0 })).entities[0]),
      ).toEqual(firstTwo.map(([name, , count]) => [name, [], count]));
      await store.close();
    });

    it('keeps analysts’ entity decisions in order', async () => {
      const store = await open();
      const merge = await store.addEntityDecision({
        kind: 'merge',
        decision: { keys: ['person:el guero', 'person:guero salas'] },
        analyst: 'desk',
        at: '2026-11-25T10:00:00.000Z',
        reason: 'Same man: the arrest report gives both names.',
      });
      const rename = await store.addEntityDecision({
        kind: 'rename',
        decision: { entity: 'person:el guero', name: 'Ramiro “El Güero” Salas' },
        analyst: 'desk',
        at: '2026-11-25T10:01:00.000Z',
        reason: 'Full name from court filing.',
      });
      await store.replaceResolution({
        entities: [],
        assignments: [],
        merges: [],
        unappliedDecisions: [],
      });
      expect(await store.listEntityDecisions()).toEqual([merge, rename]);
      await store.close();
    });
  });
}
