import { describe, expect, it } from 'vitest';
import type { TlpLevel } from '../../core/index.js';
import type { Store } from '../store.js';
import type { StoreFactory } from './documents.contract.js';
import { DEBRIEF, DESK, PLAZA, PUBLIC, RED_ONLY, RESOLUTION, SHIPMENT } from './tlp-fixtures.js';
import { seededCase } from './tlp.contract.js';

/*
 * Analysts' records (grades, entity decisions, hypotheses, marks) under clearance-restricted
 * views: each is shown only to views cleared at least as high as its writer, and none about a
 * subject only hidden documents show (see analyst-visibility.ts). The case: PUBLIC (CLEAR), DESK
 * (AMBER+STRICT) and DEBRIEF (RED), which alone names Teodoro, Manzanillo and La Empresa.
 */

const AT = '2026-11-25T12:00:00.000Z';

const sourceGrade = (store: Store, subjectId: string, reason = 'Graded on the desk.') =>
  store.addAnalystGrade({
    subjectType: 'source',
    subjectId,
    reliability: 'B',
    analyst: 'desk',
    at: AT,
    reason,
  });

const ids = (records: Array<{ id: number | string }>) => records.map((r) => r.id);

export function analystRecordsContract(open: StoreFactory): void {
  describe("analysts' records under clearance-restricted views", () => {
    it('records the clearance of the view written through, and shows a record only at or above it', async () => {
      const store = await seededCase(open);
      // The plaza claim's documents re-marked CLEAR, so that every view sees the claim marked.
      expect(await store.setDocumentTlp(DESK.id, 'CLEAR')).toBe(true);
      const levels: TlpLevel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
      const written = [];
      for (const level of levels) {
        const view = store.restrictedTo(level);
        const hypothesis = await view.addHypothesis({
          text: `Stated at ${level}`,
          analyst: 'a',
          at: AT,
        });
        const mark = await view.addHypothesisMark({
          hypothesisId: hypothesis.id,
          claimId: PLAZA.id,
          mark: 'consistent',
          analyst: 'a',
          at: AT,
          reason: `Marked at ${level}`,
        });
        const grade = await view.addAnalystGrade({
          subjectType: 'claim',
          subjectId: PLAZA.id,
          credibility: 2,
          analyst: 'a',
          at: AT,
          reason: `Graded at ${level}`,
        });
        const decision = await view.addEntityDecision({
          kind: 'rename',
          decision: { entity: 'organization:juarez cartel', name: `Cartel (${level})` },
          analyst: 'a',
          at: AT,
          reason: `Renamed at ${level}`,
        });
        for (const record of [hypothesis, mark, grade, decision])
          expect(record.clearance).toBe(level);
        written.push({ hypothesis, mark, grade, decision });
      }
      for (const [rank, level] of levels.entries()) {
        const view = store.restrictedTo(level);
        const upTo = written.slice(0, rank + 1);
        expect((await view.listHypotheses()).map((h) => h.text)).toEqual(
          upTo.map((w) => w.hypothesis.text),
        );
        expect(await view.listHypothesisMarks()).toEqual(upTo.map((w) => w.mark));
        expect(await view.listAnalystGrades()).toEqual(upTo.map((w) => w.grade));
        expect(await view.listEntityDecisions()).toEqual(upTo.map((w) => w.decision));
      }
      // The full store writes as RED, like the RED view, and sees everything.
      const unrestricted = await store.addHypothesis({
        text: 'Unrestricted',
        analyst: 'a',
        at: AT,
      });
      expect(unrestricted.clearance).toBe('RED');
      const all = await store.listHypotheses();
      expect(all.map((h) => h.clearance)).toEqual([...levels, 'RED']);
      expect(await store.restrictedTo('AMBER+STRICT').listHypotheses()).not.toContainEqual(
        unrestricted,
      );
      expect(await store.listHypothesisMarks()).toEqual(written.map((w) => w.mark));
      await store.close();
    });

    it('keeps a lower clearance given with a record (crosscheck migrate), never a higher one than the view', async () => {
      const store = await seededCase(open);
      const copied = await store.addHypothesis({
        text: 'Copied from another store',
        analyst: 'a',
        at: AT,
        clearance: 'GREEN',
      });
      expect(copied.clearance).toBe('GREEN');
      const vouched = await store.restrictedTo('GREEN').addAnalystGrade({
        subjectType: 'claim',
        subjectId: PLAZA.id,
        credibility: 3,
        analyst: 'a',
        at: AT,
        reason: 'r',
        clearance: 'RED',
      });
      expect(vouched.clearance).toBe('GREEN');
      expect((await store.listAnalystGrades())[0]?.clearance).toBe('GREEN');
      expect(await store.restrictedTo('GREEN').listHypotheses()).toEqual([copied]);
      await store.close();
    });

    it('hides a mark whose hypothesis or claim the reader may not see, whoever marked it', async () => {
      const store = await seededCase(open);
      const desk = store.restrictedTo('AMBER+STRICT');
      const secret = await store.addHypothesis({
        text: 'Written at RED',
        analyst: 'chief',
        at: AT,
      });
      const open_ = await desk.addHypothesis({
        text: 'Written on the desk',
        analyst: 'desk',
        at: AT,
      });
      const mark = (hypothesisId: string, claimId: string) =>
        desk.addHypothesisMark({
          hypothesisId,
          claimId,
          mark: 'neutral',
          analyst: 'desk',
          at: AT,
          reason: null,
        });
      await mark(secret.id, PLAZA.id);
      await mark(open_.id, SHIPMENT.id);
      const shown = await mark(open_.id, PLAZA.id);
      expect(await desk.listHypothesisMarks()).toEqual([shown]);
      expect(await store.listHypothesisMarks()).toHaveLength(3);
      await store.close();
    });

    it('hides a source grade when only hidden documents show the source, whoever graded it', async () => {
      const store = await seededCase(open);
      const desk = store.restrictedTo('AMBER+STRICT');
      // Seen only in the RED debrief: as a speaker, a mention, a quote's speaker; a document id.
      const teodoro = await sourceGrade(desk, 'Teodoro Valdivieso Ochoa');
      const accentless = await sourceGrade(desk, 'teodoro valdivieso ochoa');
      const debrief = await sourceGrade(desk, DEBRIEF.id);
      // Seen in visible documents too, in none at all, or a visible document.
      const cartel = await sourceGrade(desk, 'Juárez Cartel');
      const outside = await sourceGrade(desk, 'Reuters');
      const desksOwn = await sourceGrade(desk, DESK.id);
      const publicDoc = await sourceGrade(desk, PUBLIC.id);

      expect(ids(await desk.listAnalystGrades({ subjectType: 'source' }))).toEqual(
        ids([cartel, outside, desksOwn, publicDoc]),
      );
      expect(
        await desk.listAnalystGrades({ subjectType: 'source', subjectId: teodoro.subjectId }),
      ).toEqual([]);
      expect(ids(await store.listAnalystGrades())).toEqual(
        ids([teodoro, accentless, debrief, cartel, outside, desksOwn, publicDoc]),
      );

      // Re-marking a document after the fact hides the grades only it explains.
      expect(await store.setDocumentTlp(DESK.id, 'RED')).toBe(true);
      expect(ids(await desk.listAnalystGrades())).toEqual(ids([cartel, outside, publicDoc]));
      expect(ids(await store.restrictedTo('CLEAR').listAnalystGrades())).toEqual([]);
      await store.close();
    });

    it('hides an entity decision naming an entity or a name known only from hidden documents', async () => {
      const store = await seededCase(open);
      const desk = store.restrictedTo('AMBER+STRICT');
      const decide = (
        decision: Parameters<Store['addEntityDecision']>[0]['decision'],
        kind: 'merge' | 'split' | 'rename',
      ) =>
        desk.addEntityDecision({
          kind,
          decision,
          analyst: 'desk',
          at: AT,
          reason: 'On the desk.',
        } as Parameters<Store['addEntityDecision']>[0]);
      const cartel = 'organization:juarez cartel';
      const hidden = [
        await decide({ keys: [cartel, 'person:teodoro valdivieso ochoa'] }, 'merge'),
        await decide({ keys: ['place:manzanillo', 'place:ciudad juarez'] }, 'merge'),
        await decide({ keys: [cartel, 'organization:la empresa'] }, 'merge'),
        await decide({ entity: cartel, name: 'La Empresa' }, 'split'),
        await decide(
          { entity: cartel, mention: { documentId: DEBRIEF.id, start: 0, end: 6 } },
          'split',
        ),
        await decide({ entity: 'person:teodoro valdivieso ochoa', name: 'El Ingeniero' }, 'rename'),
      ];
      const shown = [
        await decide({ keys: [cartel, 'place:ciudad juarez'] }, 'merge'),
        await decide({ entity: cartel, name: 'Juárez Cartel' }, 'split'),
        await decide(
          { entity: cartel, mention: { documentId: DESK.id, start: 0, end: 4 } },
          'split',
        ),
        await decide({ entity: 'place:ciudad juarez', name: 'Juárez' }, 'rename'),
        // Names seen in no document tell nothing about any.
        await decide({ keys: [cartel, 'organization:los zetas'] }, 'merge'),
      ];
      expect(ids(await desk.listEntityDecisions())).toEqual(ids(shown));
      expect(ids(await store.listEntityDecisions())).toEqual(ids([...hidden, ...shown]));
      await store.close();
    });

    it('shows an entity under an analyst’s new name only to views that may read the rename', async () => {
      const store = await seededCase(open);
      const cartel = 'organization:juarez cartel';
      const rename = { entity: cartel, name: 'The Northern Firm' };
      // Resolution applies every rename, whoever wrote it; here, one written at RED.
      await store.addEntityDecision({
        kind: 'rename',
        decision: rename,
        analyst: 'chief',
        at: AT,
        reason: 'What MX9 calls them.',
      });
      await store.replaceResolution({
        ...RESOLUTION,
        entities: RESOLUTION.entities.map((e) =>
          e.id === cartel ? { ...e, name: rename.name } : e,
        ),
      });
      const desk = store.restrictedTo('AMBER+STRICT');
      const shownAs = async (view: Store) => [
        (await view.listResolvedEntities()).entities.find((e) => e.id === cartel)?.name,
        (await view.getResolvedEntity(cartel))?.entity.name,
        (await view.listResolvedEntities({ contains: 'northern' })).total,
        (await view.getResolvedEntity(rename.name))?.entity.id ?? null,
        (await view.listEntityCoOccurrences('place:ciudad juarez')).find((e) => e.id === cartel)
          ?.name,
      ];
      expect(await shownAs(store)).toEqual([rename.name, rename.name, 1, cartel, rename.name]);
      expect(await shownAs(desk)).toEqual([
        'Juárez Cartel',
        'Juárez Cartel',
        0,
        null,
        'Juárez Cartel',
      ]);

      // The same rename written on the desk may be shown there (its name is not searched for).
      await desk.addEntityDecision({
        kind: 'rename',
        decision: rename,
        analyst: 'desk',
        at: AT,
        reason: 'Agreed.',
      });
      expect(await shownAs(desk)).toEqual([rename.name, rename.name, 0, null, rename.name]);
      expect((await shownAs(store.restrictedTo('CLEAR')))[0]).toBe('Juárez Cartel');
      await store.close();
    });

    it('lets no record written above the clearance carry the hidden words out', async () => {
      const store = await seededCase(open);
      const quote = `Teodoro Valdivieso Ochoa: tlacuache via Manzanillo, for La Empresa (${DEBRIEF.id})`;
      // Everything here is about what the reader sees, but written by someone who read more.
      await store.addAnalystGrade({
        subjectType: 'claim',
        subjectId: PLAZA.id,
        credibility: 1,
        analyst: 'chief',
        at: AT,
        reason: quote,
      });
      await sourceGrade(store, 'Juárez Cartel', quote);
      const hypothesis = await store.addHypothesis({ text: quote, analyst: 'chief', at: AT });
      await store.addHypothesisMark({
        hypothesisId: hypothesis.id,
        claimId: PLAZA.id,
        mark: 'consistent',
        analyst: 'chief',
        at: AT,
        reason: quote,
      });
      await store.addEntityDecision({
        kind: 'rename',
        decision: { entity: 'place:ciudad juarez', name: 'Manzanillo' },
        analyst: 'chief',
        at: AT,
        reason: quote,
      });
      const desk = store.restrictedTo('AMBER+STRICT');
      const seen = JSON.stringify([
        await desk.listAnalystGrades(),
        await desk.listHypotheses(),
        await desk.listHypothesisMarks(),
        await desk.listEntityDecisions(),
      ]);
      for (const secret of [...RED_ONLY, DEBRIEF.id]) expect(seen).not.toContain(secret);
      expect(seen).toBe('[[],[],[],[]]');
      const full = JSON.stringify([
        await store.listAnalystGrades(),
        await store.listHypotheses(),
        await store.listHypothesisMarks(),
        await store.listEntityDecisions(),
      ]);
      expect(full.split('tlacuache').length - 1).toBe(5);
      await store.close();
    });
  });
}
