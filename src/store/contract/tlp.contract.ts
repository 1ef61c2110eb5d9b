import { describe, expect, it } from 'vitest';
import type { TlpLevel } from '../../core/index.js';
import type { Store } from '../store.js';
import { RestrictedViewError } from '../visibility.js';
import type { StoreFactory } from './documents.contract.js';
import { item } from './fixtures.js';
import {
  DEBRIEF,
  DESK,
  EXTRACTIONS,
  MEETING_CLAIM,
  PLAZA,
  PUBLIC,
  RED_ONLY,
  RESOLUTION,
  REUSE,
  SHIPMENT,
} from './tlp-fixtures.js';

const MARKINGS: Array<[typeof PUBLIC, TlpLevel]> = [
  [PUBLIC, 'CLEAR'],
  [DESK, 'AMBER+STRICT'],
  [DEBRIEF, 'RED'],
];

/** The case as the pipeline leaves it: documents, extraction, reuse, claims, entities. */
export async function seededCase(open: StoreFactory): Promise<Store> {
  const store = await open();
  const run = await store.startRun(['fixtures']);
  await store.writeBatch({
    runId: run.id,
    items: [
      ...MARKINGS.map(([document, tlp]) => ({ ...item(document), tlp })),
      // The debrief came attached to the desk e-mail.
      {
        ...item(DEBRIEF, { parentId: DESK.id, relation: 'attachment', name: 'mx9.txt' }),
        tlp: 'RED',
      },
    ],
    failures: [],
    completedFiles: [],
  });
  await store.writeExtractions(EXTRACTIONS);
  await store.replaceReuse(REUSE);
  await store.replaceClaimClusters([PLAZA, SHIPMENT, MEETING_CLAIM]);
  await store.replaceResolution(RESOLUTION);
  return store;
}

/**
 * The case with analysts' records: the desk (cleared AMBER+STRICT, writing through its view)
 * grades and marks what it sees; an analyst cleared RED (the full store) grades the shipment,
 * splits off the name only the debrief holds and states a hypothesis quoting it.
 */
async function seeded(open: StoreFactory): Promise<Store> {
  const store = await seededCase(open);
  const desk = store.restrictedTo('AMBER+STRICT');
  await store.addAnalystGrade({
    subjectType: 'claim',
    subjectId: SHIPMENT.id,
    credibility: 2,
    analyst: 'desk',
    at: '2026-11-25T10:00:00.000Z',
    reason: 'MX9 says the tlacuache shipment is real.',
  });
  await desk.addAnalystGrade({
    subjectType: 'claim',
    subjectId: PLAZA.id,
    credibility: 3,
    analyst: 'desk',
    at: '2026-11-25T10:01:00.000Z',
    reason: 'Two outlets, one spokesman.',
  });
  const hypothesis = await desk.addHypothesis({
    text: 'The cartel moves goods by sea',
    analyst: 'desk',
    at: '2026-11-25T10:02:00.000Z',
  });
  for (const claimId of [SHIPMENT.id, PLAZA.id]) {
    await desk.addHypothesisMark({
      hypothesisId: hypothesis.id,
      claimId,
      mark: 'consistent',
      analyst: 'desk',
      at: '2026-11-25T10:03:00.000Z',
      reason: null,
    });
  }
  await store.addHypothesis({
    text: 'Teodoro ships the tlacuache cargo through Manzanillo',
    analyst: 'chief',
    at: '2026-11-25T10:04:00.000Z',
  });
  await store.addEntityDecision({
    kind: 'split',
    decision: { entity: 'organization:juarez cartel', name: 'La Empresa' },
    analyst: 'chief',
    at: '2026-11-25T10:05:00.000Z',
    reason: 'La Empresa is the Manzanillo cell, per MX9',
  });
  await desk.addEntityDecision({
    kind: 'rename',
    decision: { entity: 'place:ciudad juarez', name: 'Juárez' },
    analyst: 'desk',
    at: '2026-11-25T10:06:00.000Z',
    reason: 'Short form used on the desk.',
  });
  return store;
}

/** Everything a reader can ask the store, in one object: for leak checks and view comparisons. */
async function readEverything(store: Store) {
  const documents = [];
  for await (const document of store.iterateDocuments({ batchSize: 2 })) documents.push(document);
  const extracted = [];
  for await (const document of store.iterateExtractedDocuments({ batchSize: 2 }))
    extracted.push(document);
  const { storeBytes: _storeBytes, ...stats } = await store.stats();
  return {
    documents,
    extracted,
    byId: await Promise.all([PUBLIC, DESK, DEBRIEF].map((d) => store.getDocument(d.id))),
    texts: await Promise.all([PUBLIC, DESK, DEBRIEF].map((d) => store.getDocumentText(d.id))),
    prefixes: await Promise.all(
      [PUBLIC, DESK, DEBRIEF].map((d) => store.resolveDocumentId(d.id.slice(0, 10))),
    ),
    links: await Promise.all([DESK, DEBRIEF].map((d) => store.getLinks(d.id))),
    extractions: await Promise.all([PUBLIC, DESK, DEBRIEF].map((d) => store.getExtraction(d.id))),
    toExtract: await store.countDocumentsToExtract('v2'),
    search: await Promise.all(
      ['juarez', 'tlacuache', 'Teodoro OR Manzanillo', 'plaza', 'September'].map((text) =>
        store.search({ text, limit: 50 }),
      ),
    ),
    // With a filter, SQLite joins documents for the count: the clearance must hold there too.
    filtered: await store.search({ text: 'juarez OR tlacuache', kinds: ['text'], from: '2011' }),
    facets: await Promise.all(
      ['juarez', 'tlacuache', 'plaza'].map((text) => store.searchFacets({ text })),
    ),
    dates: await store.listDatedEvents(),
    places: await store.listPlaces(),
    entities: await store.listEntities(),
    entitiesMatching: await store.listEntities({ contains: 'juarez' }),
    teodoroByName: await store.listEntities({ type: 'person', name: 'Teodoro Valdivieso Ochoa' }),
    mentions: await store.getEntityMentions('person', 'Teodoro Valdivieso Ochoa'),
    cartelMentions: await store.getEntityMentions('organization', 'Juárez Cartel'),
    coOccurring: await store.listCoOccurring('organization', 'Juárez Cartel'),
    pairs: await store.listReusePairs(),
    pairsOfDebrief: await store.listReusePairs({ documentId: DEBRIEF.id }),
    groups: await store.listPassageGroups(),
    groupsOfDebrief: await store.listPassageGroups({ documentId: DEBRIEF.id }),
    clusters: await store.listClaimClusters(),
    clustersAbout: await store.listClaimClusters({ about: 'Teodoro Valdivieso Ochoa' }),
    shipment: await store.getClaimCluster(SHIPMENT.id),
    grades: await store.listAnalystGrades(),
    sourceGrades: await store.listAnalystGrades({ subjectType: 'source' }),
    shipmentGrades: await store.listAnalystGrades({ subjectType: 'claim', subjectId: SHIPMENT.id }),
    hypotheses: await store.listHypotheses(),
    marks: await store.listHypothesisMarks(),
    decisions: await store.listEntityDecisions(),
    resolved: await store.listResolvedEntities(),
    resolvedByAlias: await store.listResolvedEntities({ contains: 'empresa' }),
    cartel: await store.getResolvedEntity('organization:juarez cartel'),
    cartelFirstDocuments: (
      await store.getResolvedEntity('organization:juarez cartel', { documentsPerName: 1 })
    )?.entity.aliases.map((a) => [a.name, a.documents, a.documentCount]),
    byAlias: await store.getResolvedEntity('La Empresa'),
    teodoro: await store.getResolvedEntity('person:teodoro valdivieso ochoa'),
    teodoroMentions: await store.listEntityMentionsById('person:teodoro valdivieso ochoa'),
    cartelMentionsById: await store.listEntityMentionsById('organization:juarez cartel'),
    cartelNeighbours: await store.listEntityCoOccurrences('organization:juarez cartel'),
    stats,
  };
}

export function tlpContract(open: StoreFactory): void {
  describe('TLP markings and clearance-restricted views', () => {
    it('hides a RED document and everything derived from it from an AMBER+STRICT reader', async () => {
      const store = await seeded(open);
      const view = store.restrictedTo('AMBER+STRICT');
      expect(view.clearance).toBe('AMBER+STRICT');
      const seen = await readEverything(view);

      // Nothing the debrief alone holds reaches the reader, wherever they look.
      const everything = JSON.stringify(seen);
      for (const secret of [...RED_ONLY, DEBRIEF.id]) expect(everything).not.toContain(secret);

      expect(seen.documents.map((d) => d.id).sort()).toEqual([PUBLIC.id, DESK.id].sort());
      expect(seen.byId.map((d) => d?.tlp ?? null)).toEqual(['CLEAR', 'AMBER+STRICT', null]);
      expect(seen.texts).toEqual([PUBLIC.text, DESK.text, null]);
      expect(seen.prefixes).toEqual([PUBLIC.id, DESK.id, null]);
      expect(seen.links[0]!.children).toEqual([]);
      expect(seen.extractions[2]).toBeNull();
      expect(seen.toExtract).toBe(2);

      const [juarez, tlacuache, names, plaza] = seen.search;
      expect(tlacuache).toEqual({
        total: 0,
        totalIsLowerBound: false,
        rankedAmong: null,
        hits: [],
      });
      expect(names!.total).toBe(0);
      expect(juarez!.total).toBe(2);
      expect(juarez!.hits.map((h) => h.id).sort()).toEqual([PUBLIC.id, DESK.id].sort());
      expect(plaza!.total).toBe(2);
      // The RED document's entities (Teodoro, Manzanillo) and its mention of the cartel are gone.
      expect(seen.facets[0]).toEqual({
        languages: { en: 2 },
        kinds: { text: 1, email: 1 },
        entities: [
          {
            id: 'organization:juarez cartel',
            name: 'Juárez Cartel',
            type: 'organization',
            count: 2,
          },
          { id: 'place:ciudad juarez', name: 'Ciudad Juárez', type: 'place', count: 2 },
        ],
        sources: [],
        sampled: false,
      });
      expect(seen.filtered.hits.map((h) => h.id)).toEqual([PUBLIC.id]);
      expect(seen.filtered.total).toBe(1);
      expect(seen.facets[1]).toEqual({
        languages: {},
        kinds: {},
        entities: [],
        sources: [],
        sampled: false,
      });

      expect(seen.dates.map((d) => d.value)).toEqual(['2011-04-19']);
      expect(seen.places).toEqual([
        expect.objectContaining({ name: 'Ciudad Juárez', documents: 2 }),
      ]);
      expect(seen.entities.total).toBe(2);
      expect(seen.entities.entities).toContainEqual({
        type: 'organization',
        name: 'Juárez Cartel',
        mentions: 2,
        documents: 2,
      });
      // The cartel's and the city's mentions in the RED document are not counted.
      expect(seen.entitiesMatching.entities.map((e) => [e.name, e.documents])).toEqual([
        ['Ciudad Juárez', 2],
        ['Juárez Cartel', 2],
      ]);
      expect(seen.teodoroByName).toEqual({ total: 0, entities: [] });
      expect(seen.mentions).toEqual([]);
      expect(seen.cartelMentions.map((m) => m.documentId).sort()).toEqual(
        [PUBLIC.id, DESK.id].sort(),
      );
      expect(seen.coOccurring.map((e) => e.name)).toEqual(['Ciudad Juárez']);

      expect(seen.pairs.map((p) => [p.a, p.b])).toEqual([[PUBLIC.id, DESK.id].sort()]);
      expect(seen.pairsOfDebrief).toEqual([]);
      // The passage three documents share stays, carried by the two visible ones; the one only
      // the desk e-mail and the debrief share is gone (a passage in one document is no reuse).
      expect(seen.groups).toHaveLength(1);
      expect(seen.groups[0]!.occurrences.map((o) => o.documentId).sort()).toEqual(
        [PUBLIC.id, DESK.id].sort(),
      );
      expect(seen.groupsOfDebrief).toEqual([]);

      expect(seen.clusters.total).toBe(1);
      expect(seen.clusters.clusters.map((c) => c.id)).toEqual([PLAZA.id]);
      expect(seen.clustersAbout.total).toBe(0);
      expect(seen.shipment).toBeNull();
      expect(seen.grades.map((g) => g.subjectId)).toEqual([PLAZA.id]);
      expect(seen.grades[0]!.clearance).toBe('AMBER+STRICT');
      expect(seen.shipmentGrades).toEqual([]);
      expect(seen.hypotheses.map((h) => h.text)).toEqual(['The cartel moves goods by sea']);
      expect(seen.marks.map((m) => m.claimId)).toEqual([PLAZA.id]);
      // The RED analyst's split (naming La Empresa) is hidden; the desk's own rename is not.
      expect(seen.decisions.map((d) => [d.kind, d.analyst, d.clearance])).toEqual([
        ['rename', 'desk', 'AMBER+STRICT'],
      ]);

      expect(seen.resolved.total).toBe(2);
      expect(seen.resolved.entities.map((e) => e.id).sort()).toEqual([
        'organization:juarez cartel',
        'place:ciudad juarez',
      ]);
      expect(seen.resolvedByAlias.total).toBe(0);
      expect(seen.cartel?.entity).toMatchObject({
        name: 'Juárez Cartel',
        mentionCount: 2,
        documentCount: 2,
        aliases: [
          {
            name: 'Juárez Cartel',
            documents: [PUBLIC.id, DESK.id].sort(),
            documentCount: 2,
            rule: 'canonical',
          },
        ],
      });
      // The first visible document stored, and how many are visible.
      expect(seen.cartelFirstDocuments).toEqual([['Juárez Cartel', [PUBLIC.id], 2]]);
      expect(seen.cartel?.merges).toEqual([]);
      expect(seen.byAlias).toBeNull();
      expect(seen.teodoro).toBeNull();
      expect(seen.teodoroMentions).toEqual([]);
      expect(seen.cartelMentionsById).toHaveLength(2);
      expect(seen.cartelNeighbours).toEqual([
        { id: 'place:ciudad juarez', type: 'place', name: 'Ciudad Juárez', documents: 2 },
      ]);

      expect(seen.stats).toMatchObject({
        documents: 2,
        byKind: { text: 1, email: 1 },
        byLanguage: { en: 2 },
      });
      expect(seen.stats.textBytes).toBe(
        Buffer.byteLength(PUBLIC.text) + Buffer.byteLength(DESK.text),
      );
      expect((await view.stats()).storeBytes).toBeNull();
      await store.close();
    });

    it('lets the full store and a RED view see everything, and a CLEAR view only CLEAR', async () => {
      const store = await seeded(open);
      const full = await readEverything(store);
      expect(await readEverything(store.restrictedTo('RED'))).toEqual(full);
      expect(full.documents).toHaveLength(3);
      expect(full.byId[2]?.tlp).toBe('RED');
      expect(full.search[1]!.total).toBe(1);
      expect(full.search[0]!.total).toBe(3);
      expect(full.filtered.total).toBe(2);
      expect(full.facets[0]).toMatchObject({
        languages: { en: 3 },
        kinds: { text: 2, email: 1 },
        sampled: false,
      });
      expect(full.facets[0]!.entities.map((e) => [e.id, e.count])).toEqual([
        ['organization:juarez cartel', 3],
        ['place:ciudad juarez', 2],
        ['person:teodoro valdivieso ochoa', 1],
        ['place:manzanillo', 1],
      ]);
      expect(full.dates.map((d) => d.value)).toContain('2011-09-09');
      expect(full.places.map((p) => p.name).sort()).toEqual(['Ciudad Juárez', 'Manzanillo']);
      expect(full.pairs).toHaveLength(3);
      expect(full.groups).toHaveLength(2);
      expect(full.clusters.total).toBe(3);
      expect(full.shipment?.id).toBe(SHIPMENT.id);
      expect(full.resolved.total).toBe(4);
      expect(full.byAlias?.entity.id).toBe('organization:juarez cartel');
      expect(full.cartelFirstDocuments).toEqual([
        ['Juárez Cartel', [PUBLIC.id], 3],
        ['La Empresa', [DEBRIEF.id], 1],
      ]);
      expect(full.cartel?.merges).toEqual(RESOLUTION.merges);
      expect(full.stats.documents).toBe(3);
      expect(full.grades).toHaveLength(2);
      expect(full.grades.map((g) => g.clearance)).toEqual(['RED', 'AMBER+STRICT']);
      expect(full.hypotheses).toHaveLength(2);
      expect(full.marks).toHaveLength(2);
      expect(full.decisions.map((d) => d.clearance)).toEqual(['RED', 'AMBER+STRICT']);

      const clear = await readEverything(store.restrictedTo('CLEAR'));
      expect(clear.documents.map((d) => d.id)).toEqual([PUBLIC.id]);
      expect(clear.search[0]!.total).toBe(1);
      expect(clear.pairs).toEqual([]);
      expect(clear.groups).toEqual([]);
      expect(clear.clusters.total).toBe(0);
      // Everything analysts wrote here was written above CLEAR.
      expect([clear.grades, clear.hypotheses, clear.marks, clear.decisions]).toEqual([
        [],
        [],
        [],
        [],
      ]);
      expect(clear.cartel?.entity).toMatchObject({ mentionCount: 1, documentCount: 1 });
      // A view of a view never sees more than the view it came from.
      expect(store.restrictedTo('CLEAR').restrictedTo('RED').clearance).toBe('CLEAR');
      await store.close();
    });

    it('refuses pipeline writes on a view, passes analysts’ writes through, closes nothing', async () => {
      const store = await seeded(open);
      const view = store.restrictedTo('GREEN');
      const refused = [
        () => view.writeBatch({ runId: 'r', items: [], failures: [], completedFiles: [] }),
        () => view.writeExtractions([]),
        () => view.replaceReuse({ pairs: [], passages: [] }),
        () => view.replaceClaimClusters([]),
        () =>
          view.replaceResolution({
            entities: [],
            assignments: [],
            merges: [],
            unappliedDecisions: [],
          }),
      ];
      for (const write of refused) {
        const error = await write().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(RestrictedViewError);
        expect(error).toMatchObject({ code: 'FORBIDDEN' });
      }
      const grade = await view.addAnalystGrade({
        subjectType: 'source',
        subjectId: 'MX9',
        reliability: 'C',
        analyst: 'desk',
        at: '2026-11-25T11:00:00.000Z',
        reason: 'Mixed record.',
      });
      expect(grade.clearance).toBe('GREEN');
      expect(await store.listAnalystGrades({ subjectType: 'source' })).toEqual([grade]);
      await view.close();
      expect((await store.stats()).documents).toBe(3);
      await store.close();
    });

    it('never lowers a marking on re-ingest, and lets an analyst re-mark a document', async () => {
      const store = await seeded(open);
      const run = await store.startRun(['again']);
      await store.writeBatch({
        runId: run.id,
        items: [
          { ...item(DEBRIEF), tlp: 'GREEN' },
          item(DEBRIEF),
          { ...item(PUBLIC), tlp: 'AMBER' },
        ],
        failures: [],
        completedFiles: [],
      });
      expect((await store.getDocument(DEBRIEF.id))?.tlp).toBe('RED');
      // A stricter marking on re-ingest wins.
      expect((await store.getDocument(PUBLIC.id))?.tlp).toBe('AMBER');

      const green = store.restrictedTo('GREEN');
      // A reader cannot re-mark what they cannot see (lowering it would reveal it).
      expect(await green.setDocumentTlp(DEBRIEF.id, 'CLEAR')).toBe(false);
      expect(await green.getDocument(DEBRIEF.id)).toBeNull();

      expect(await store.setDocumentTlp(DEBRIEF.id, 'GREEN')).toBe(true);
      expect((await green.getDocument(DEBRIEF.id))?.tlp).toBe('GREEN');
      expect((await green.search({ text: 'tlacuache' })).total).toBe(1);
      expect(await store.setDocumentTlp('f'.repeat(64), 'RED')).toBe(false);
      await store.close();
    });
  });
}
