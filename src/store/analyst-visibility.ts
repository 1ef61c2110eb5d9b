import { foldForMatch, tlpFromRank, tlpRank, type TlpLevel } from '../core/index.js';
import { nameKey, type EntityType } from '../resolve/index.js';
import type { RunQuery } from './analysis-queries.js';
import type { EntityDecision } from './types.js';
import type { MaxRank } from './visibility.js';

/*
 * Analysts' records (grades, entity decisions, hypotheses, marks) as a clearance-restricted reader
 * sees them. Two rules, both needed:
 *
 * 1. The writer's clearance. A reason, a hypothesis or a new name is free text that may quote
 *    anything its writer could read, and the grade, mark or decision itself is a judgement that
 *    may rest on it (a credibility of 1, "confirmed", after reading a RED debrief). So each record
 *    keeps the clearance of the view it was written through (the full store, the CLI and the
 *    single-user workbench write as RED) and is shown whole, or not at all, to views cleared at
 *    least that high. Rows from before clearances were recorded count as RED: their writers'
 *    clearance is unknown, and anything lower could show a restricted reader what an unrestricted
 *    analyst wrote.
 * 2. The subject. A record about a claim cluster, a document, an entity, a name or a source that
 *    only hidden documents show is hidden, whoever wrote it: documents get re-marked after the
 *    fact, and a name known only from a RED debrief stays secret however it reached the record.
 *    "Only": a subject also seen in a visible document stays visible, and one seen in no
 *    document at all (a source the analyst knows from elsewhere) tells nothing about any.
 */

/** The clearance rank a write records: the one asked for, never above the view's own. */
export function writerRank(view: TlpLevel, asked: TlpLevel | undefined): number {
  return Math.min(tlpRank(view), tlpRank(asked ?? view));
}

/** The writer's clearance of a stored row (`clearance_rank`). */
export const writerClearance = (row: Record<string, unknown>): TlpLevel =>
  tlpFromRank(Number(row.clearance_rank));

/** ` AND <alias.>clearance_rank <= ?` on a restricted view; one `?` slot (the max rank) when set. */
export const andWrittenWithin = (r: MaxRank, alias = ''): string =>
  r === null ? '' : ` AND ${alias ? `${alias}.` : ''}clearance_rank <= ?`;

/** What a record is about, as far as the documents are concerned. */
export type Subject =
  /** A document, by id. */
  | { kind: 'document'; id: string }
  /** An entity id or a name key (`type:folded name`), with the name it came from when known. */
  | { kind: 'entity'; key: string; name?: string }
  /** A graded source: a speaker, a source code (MX1), a cited outlet, or a document id. */
  | { kind: 'source'; name: string };

/**
 * One way a document can show a subject: rows of `from` whose `document` column is a carrying
 * document, where `where` holds for the subject row `s` (see SUBJECT_COLUMNS).
 */
interface Carrier {
  from: string;
  /** The carrier's column naming the document: its id, or (`byKey`) its integer key. */
  document: string;
  byKey?: boolean;
  where: string;
}

/**
 * Each kind of subject becomes a row `s(i, a, b, c, d)` of text values, and each kind has its
 * carriers: the tables whose rows tie such a subject to a document.
 */
const SUBJECT_COLUMNS = 's(i, a, b, c, d)';

const KINDS: Record<Subject['kind'], { row: (s: Subject) => string[]; carriers: Carrier[] }> = {
  // a: the document id.
  document: {
    row: (s) => [s.kind === 'document' ? s.id : '', '', '', ''],
    carriers: [{ from: 'documents x', document: 'x.id', where: 'x.id = s.a' }],
  },
  // a: the key; b, c: its folded name as the key folds it (nameKey drops titles and a leading
  // article) and as mentions and aliases are stored (plain folding); d: the entity type.
  entity: {
    row: (s) => {
      if (s.kind !== 'entity') return ['', '', '', ''];
      const colon = s.key.indexOf(':');
      const keyed = s.key.slice(colon + 1);
      return [
        s.key,
        keyed,
        s.name ? foldForMatch(s.name) : keyed,
        s.key.slice(0, Math.max(0, colon)),
      ];
    },
    carriers: [
      {
        from: 'mention_entities x',
        document: 'x.document_key',
        byKey: true,
        where: 'x.entity_id = s.a',
      },
      {
        from: 'mentions x',
        document: 'x.document_key',
        byKey: true,
        // `|| ''`: the folded name, not the type (thousands of rows), picks the index.
        where: "x.folded IN (s.b, s.c) AND x.type || '' = s.d",
      },
      {
        from: `entity_aliases a JOIN entities e ON e.id = a.entity_id
          JOIN entity_alias_documents x ON x.entity_id = a.entity_id AND x.name = a.name`,
        document: 'x.document_key',
        byKey: true,
        where: "a.folded IN (s.b, s.c) AND e.type || '' = s.d",
      },
    ],
  },
  // a: the name as graded; b: upper-cased (source codes); c: folded. Every place the assess stage
  // takes a source's name from (reliability.ts: a claim's speaker, its origin document, an intel
  // report's code), and the names extraction found.
  source: {
    row: (s) => {
      const name = s.kind === 'source' ? s.name.trim() : '';
      return [name, name.toUpperCase(), foldForMatch(name), ''];
    },
    carriers: [
      { from: 'documents x', document: 'x.id', where: 'x.id = s.a' },
      { from: 'intel_reports x', document: 'x.document_id', where: 'x.code IN (s.a, s.b)' },
      { from: 'mentions x', document: 'x.document_key', byKey: true, where: 'x.folded = s.c' },
      { from: 'quotes x', document: 'x.document_key', byKey: true, where: 'x.speaker = s.a' },
      { from: 'claims x', document: 'x.document_key', byKey: true, where: 'x.speaker = s.a' },
      { from: 'citations x', document: 'x.document_key', byKey: true, where: 'x.name = s.a' },
      {
        from: 'claim_clusters c JOIN claim_members x ON x.cluster_id = c.id',
        document: 'x.document_id',
        where: 'c.folded_speaker = s.c',
      },
      {
        from: `entity_aliases a
          JOIN entity_alias_documents x ON x.entity_id = a.entity_id AND x.name = a.name`,
        document: 'x.document_key',
        byKey: true,
        where: 'a.folded = s.c',
      },
    ],
  },
};

const subjectKey = (subject: Subject): string => JSON.stringify(subject);

/** Subject rows per statement: four parameters each, well under either backend's limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * The subjects (by `subjectKey`) a reader with highest rank `r` may not be told about: seen in a
 * hidden document and in no visible one. One statement per kind of subject (its text does not
 * grow with the number of subjects, so it is planned once); each probe is an indexed lookup that
 * stops at the first document found, and the hidden side is only looked at when the visible side
 * found nothing.
 */
async function hiddenSubjects(run: RunQuery, subjects: Subject[], r: number): Promise<Set<string>> {
  const unique = [...new Map(subjects.map((s) => [subjectKey(s), s])).values()];
  const hidden = new Set<string>();
  for (const [kind, { row, carriers }] of Object.entries(KINDS)) {
    const ofKind = unique.filter((s) => s.kind === kind);
    const seen = (comparison: '<=' | '>') =>
      carriers
        .map(
          // Each probe must stay an indexed lookup per subject, stopping at the first document.
          // The unary plus keeps SQLite from driving it by the documents_tlp index (every hidden
          // document, scanned for one carrying the subject); OFFSET 0 keeps PostgreSQL from
          // turning it into a join or a hashed subplan over the whole carrier table (all of
          // `mentions`: 0.3 s a call at 20,000 documents, measured, and growing with the corpus).
          (c) => `EXISTS (SELECT 1 FROM ${c.from}
            JOIN documents d ON d.${c.byKey ? 'rowid' : 'id'} = ${c.document}
            WHERE ${c.where} AND +d.tlp_rank ${comparison} ? LIMIT 1 OFFSET 0)`,
        )
        .join(' OR ');
    const ranks = carriers.map(() => r);
    for (let start = 0; start < ofKind.length; start += ROWS_PER_STATEMENT) {
      const chunk = ofKind.slice(start, start + ROWS_PER_STATEMENT);
      // `i` is our own index, never input: written into the SQL so both backends type it alike.
      const values = chunk
        .map(
          (_, i) => `(${i}, ${['?', '?', '?', '?'].map((v) => `CAST(${v} AS TEXT)`).join(', ')})`,
        )
        .join(', ');
      const rows = await run(
        `WITH ${SUBJECT_COLUMNS} AS (VALUES ${values})
         SELECT s.i FROM s WHERE NOT (${seen('<=')}) AND (${seen('>')})`,
        [...chunk.flatMap(row), ...ranks, ...ranks],
      );
      for (const found of rows) hidden.add(subjectKey(chunk[Number(found.i)]!));
    }
  }
  return hidden;
}

/**
 * Keeps the records a reader with highest rank `r` may be told about: those none of whose
 * subjects is known only from hidden documents.
 */
export async function withoutHiddenSubjects<T>(
  run: RunQuery,
  records: T[],
  subjectsOf: (record: T) => Subject[],
  r: number,
): Promise<T[]> {
  const subjects = records.map(subjectsOf);
  const hidden = await hiddenSubjects(run, subjects.flat(), r);
  if (hidden.size === 0) return records;
  return records.filter((_, i) => !subjects[i]!.some((s) => hidden.has(subjectKey(s))));
}

const entityType = (key: string) => key.slice(0, Math.max(0, key.indexOf(':'))) as EntityType;

/** What an entity decision names: its entities, a split-off name, a split-off mention's document. */
export function decisionSubjects(decision: EntityDecision): Subject[] {
  switch (decision.kind) {
    case 'merge':
      return decision.decision.keys.map((key) => ({ kind: 'entity', key }));
    case 'split': {
      const { entity } = decision.decision;
      const subjects: Subject[] = [{ kind: 'entity', key: entity }];
      if ('name' in decision.decision) {
        const { name } = decision.decision;
        subjects.push({ kind: 'entity', key: nameKey(entityType(entity), name), name });
      } else {
        subjects.push({ kind: 'document', id: decision.decision.mention.documentId });
      }
      return subjects;
    }
    case 'rename':
      // The new name is the analyst's own words: the writer's clearance covers it.
      return [{ kind: 'entity', key: decision.decision.entity }];
  }
}
