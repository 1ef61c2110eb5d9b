import type { AnalystGrade, Credibility, Reliability } from '../assess/index.js';
import { foldForMatch } from '../core/index.js';
import type { ClaimCluster } from '../provenance/index.js';
import type { RunQuery } from './analysis-queries.js';
import { parameterSlots, readInBatches } from './analysis-sql.js';
import {
  decodeClusterData,
  encodeClusterData,
  memberRowsColumn,
  parseMemberRows,
} from './claim-cluster-codec.js';
import type { Store } from './store.js';
import type { AnalystWrite, ClaimMembership, GradeSubjectType, RecordedGrade } from './types.js';
import {
  andWrittenWithin,
  withoutHiddenSubjects,
  writerClearance,
  type Subject,
} from './analyst-visibility.js';
import {
  FULL_VIEW,
  clusterNotHidden,
  rankParams,
  type ClearanceSource,
  type MaxRank,
} from './visibility.js';

/*
 * Claim clusters and analyst grades, in the SQL both backends accept (positional `?`). A cluster
 * is stored as compact JSON (claim-cluster-codec.ts), with the columns queries filter on beside it.
 */

type Row = Record<string, unknown>;
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * A restricted reader sees a cluster only when every document carrying it is visible to them.
 * Conservative on purpose: a cluster's origin, chain, counts, independent-origin figure and
 * circular-reporting flag are computed over all its members, so showing the cluster with the
 * hidden member merely removed would still tell (through those figures) that a hidden document
 * carries the claim, and could name it as the origin. One `?` slot: the highest visible rank.
 */
const andClusterVisible = (r: MaxRank, column: string) =>
  r === null ? '' : ` AND ${clusterNotHidden(column)}`;

/** What a cluster is read from: `data`, and the columns and members its compact form leaves out. */
const CLUSTER_COLUMNS = `id, kind, text, speaker, independent_origins, circular, data,
  ${memberRowsColumn('claim_clusters.id')} AS member_rows`;

const clusterFilter = (r: MaxRank) => `
  WHERE (? = 0 OR id IN (SELECT cluster_id FROM claim_members WHERE document_id = ?))
    AND (? = 0 OR folded_speaker = ? OR folded_text LIKE ?)
    AND (? = 0 OR documents >= 2)${andClusterVisible(r, 'claim_clusters.id')}`;

/**
 * The page is chosen first, on the narrow columns, and only its clusters are read whole: sorting
 * the rows with their `data` and members read every cluster of the store whole (8.9 s for the
 * fifty most carried of 429,715 clusters at 300,000 e-mails, 0.86 s this way).
 */
const listClustersSql = (r: MaxRank) => `
  WITH page AS (
    SELECT id AS page_id, documents AS page_documents, independent_origins AS page_origins
    FROM claim_clusters ${clusterFilter(r)}
    ORDER BY documents DESC, independent_origins ASC, id
    LIMIT ? OFFSET ?)
  SELECT ${CLUSTER_COLUMNS} FROM page JOIN claim_clusters ON claim_clusters.id = page.page_id
  ORDER BY page_documents DESC, page_origins ASC, page_id`;
const countClustersSql = (r: MaxRank) =>
  `SELECT count(*) AS n FROM claim_clusters ${clusterFilter(r)}`;
const clusterByPrefixSql = (r: MaxRank) =>
  `SELECT ${CLUSTER_COLUMNS} FROM claim_clusters WHERE id >= ? AND id < ?${andClusterVisible(r, 'claim_clusters.id')}
   ORDER BY id LIMIT 2`;
/**
 * Grades a restricted reader may see (analyst-visibility.ts): written within their clearance, and
 * not about a hidden claim (a cluster with any hidden member, as claims are hidden). Source
 * subjects are checked afterwards, against every place a document can show a source.
 */
const gradesSql = (r: MaxRank) =>
  `SELECT * FROM analyst_grades WHERE (? = 0 OR subject_type = ?) AND (? = 0 OR subject_id = ?)${
    r === null ? '' : ` AND (subject_type <> 'claim' OR ${clusterNotHidden('subject_id')})`
  }${andWrittenWithin(r)} ORDER BY id`;

const gradeSubjects = (grade: RecordedGrade): Subject[] =>
  grade.subjectType === 'source' ? [{ kind: 'source', name: grade.subjectId }] : [];

/** The same document can be a member more than once (two sentences): one row per cluster. */
const membershipsSql = (r: MaxRank, n: number) => `
  SELECT DISTINCT m.document_id, m.cluster_id, c.documents FROM claim_members m
  JOIN claim_clusters c ON c.id = m.cluster_id
  WHERE m.document_id IN (${parameterSlots(n)})${andClusterVisible(r, 'c.id')}`;

/**
 * A cluster from its row. The compact `data` (claim-cluster-codec.ts) leans on the row's columns
 * and on its `claim_members` rows, which the same statement reads (CLUSTER_COLUMNS): one
 * statement, so a concurrent `analyze` replacing every cluster cannot pair one generation's
 * `data` with the other's members.
 */
const parse = (row: Row): ClaimCluster =>
  decodeClusterData(
    row.data,
    {
      id: String(row.id),
      kind: String(row.kind) as ClaimCluster['kind'],
      text: String(row.text),
      speaker: row.speaker === null || row.speaker === undefined ? null : String(row.speaker),
      independentOrigins: Number(row.independent_origins),
      circular: Number(row.circular) === 1,
    },
    parseMemberRows(row.member_rows),
  );

/**
 * One statement at a time, as the resolution's and the reuse's rows are: a list of every member's
 * insert held at once took the analysis from 1.2 to 1.9 GB at 100,000 e-mails. The clusters may
 * come one at a time too (a tracer building each when asked), so none need outlive its insert.
 *
 * Rows go to staging tables first and are copied over in key order once. Cluster ids are content
 * hashes, so inserting clusters as they are built put every row on a random page of the tables'
 * B-trees: at 1,000,000 e-mails SQLite spent tens of minutes rewriting the same pages through its
 * write-ahead log (70 MB/s), its statement runs most of the analysis's last phase. Appended, then
 * sorted once, the rows fill the pages in order. Temporary tables, so a failed write leaves none.
 */
export function* replaceClaimStatements(clusters: Iterable<ClaimCluster>): Generator<Statement> {
  yield { sql: 'DELETE FROM claim_members', params: [] };
  yield { sql: 'DELETE FROM claim_clusters', params: [] };
  for (const table of CLAIM_TABLES) {
    yield {
      sql: `CREATE TEMPORARY TABLE ${staged(table)} AS SELECT * FROM ${table} WHERE 1 = 0`,
      params: [],
    };
  }
  for (const cluster of clusters) {
    yield {
      sql: `INSERT INTO ${staged('claim_clusters')} (id, kind, text, speaker, folded_text, folded_speaker,
              documents, independent_origins, circular, earliest_date, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        cluster.id,
        cluster.kind,
        cluster.text,
        cluster.speaker,
        foldForMatch(cluster.text),
        foldForMatch(cluster.speaker ?? ''),
        cluster.documents.length,
        cluster.independentOrigins,
        cluster.circular ? 1 : 0,
        cluster.earliest.date,
        encodeClusterData(cluster),
      ],
    };
    for (const [seq, member] of cluster.members.entries()) {
      yield {
        sql: `INSERT INTO ${staged('claim_members')} (cluster_id, seq, document_id, start_offset, end_offset)
              VALUES (?, ?, ?, ?, ?)`,
        params: [cluster.id, seq, member.documentId, member.start, member.end],
      };
    }
  }
  for (const table of CLAIM_TABLES) {
    yield {
      sql: `INSERT INTO ${table} SELECT * FROM ${staged(table)} ORDER BY ${CLAIM_TABLE_KEYS[table]}`,
      params: [],
    };
    yield { sql: `DROP TABLE ${staged(table)}`, params: [] };
  }
}

/** The claim tables, each with the key its rows are copied over in. */
const CLAIM_TABLE_KEYS = { claim_clusters: 'id', claim_members: 'cluster_id, seq' } as const;
const CLAIM_TABLES = Object.keys(CLAIM_TABLE_KEYS) as Array<keyof typeof CLAIM_TABLE_KEYS>;
const staged = (table: keyof typeof CLAIM_TABLE_KEYS) => `staged_${table}`;

/** `clearanceRank`: the writer's (see writerRank). */
export function insertGradeStatement(
  grade: AnalystWrite<RecordedGrade>,
  clearanceRank: number,
): Statement {
  return {
    sql: `INSERT INTO analyst_grades (subject_type, subject_id, reliability, credibility, analyst, at, reason, clearance_rank)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      grade.subjectType,
      grade.subjectId,
      grade.reliability ?? null,
      grade.credibility ?? null,
      grade.analyst,
      grade.at,
      grade.reason,
      clearanceRank,
    ],
  };
}

export function toRecordedGrade(row: Row): RecordedGrade {
  const grade: AnalystGrade = {
    analyst: String(row.analyst),
    at: String(row.at),
    reason: String(row.reason),
  };
  if (row.reliability !== null && row.reliability !== undefined)
    grade.reliability = String(row.reliability) as Reliability;
  if (row.credibility !== null && row.credibility !== undefined)
    grade.credibility = Number(row.credibility) as Credibility;
  return {
    ...grade,
    id: Number(row.id),
    subjectType: String(row.subject_type) as GradeSubjectType,
    subjectId: String(row.subject_id),
    clearance: writerClearance(row),
  };
}

/** The claim read paths, implemented once over any backend that can run the shared SQL. */
export function claimQueries(
  run: RunQuery,
  clearance: ClearanceSource = FULL_VIEW,
): Pick<
  Store,
  'listClaimClusters' | 'listClaimMemberships' | 'getClaimCluster' | 'listAnalystGrades'
> {
  return {
    async listClaimClusters(query = {}) {
      const r = clearance();
      const about = foldForMatch(query.about ?? '').replace(/[%_\\]/g, '');
      const filter = [
        query.documentId ? 1 : 0,
        query.documentId ?? '',
        about ? 1 : 0,
        about,
        `%${about}%`,
        query.sharedOnly ? 1 : 0,
        ...rankParams(r),
      ];
      const [count] = await run(countClustersSql(r), filter);
      const limit = Math.max(1, Math.min(query.limit ?? 100, 10_000));
      const rows = await run(listClustersSql(r), [
        ...filter,
        limit,
        Math.max(0, query.offset ?? 0),
      ]);
      return { total: Number(count?.n ?? 0), clusters: rows.map(parse) };
    },
    async listClaimMemberships(documentIds) {
      const r = clearance();
      return readInBatches(documentIds, async (ids) =>
        (await run(membershipsSql(r, ids.length), [...ids, ...rankParams(r)])).map(
          (row): ClaimMembership => ({
            documentId: String(row.document_id),
            clusterId: String(row.cluster_id),
            documents: Number(row.documents),
          }),
        ),
      );
    },
    async getClaimCluster(idOrPrefix) {
      const r = clearance();
      const prefix = idOrPrefix.toLowerCase();
      if (!/^[0-9a-f]{6,64}$/.test(prefix)) return null;
      const rows = await run(clusterByPrefixSql(r), [prefix, `${prefix}g`, ...rankParams(r)]);
      return rows.length === 1 ? parse(rows[0]!) : null;
    },
    async listAnalystGrades(subject) {
      const r = clearance();
      const rows = await run(gradesSql(r), [
        subject ? 1 : 0,
        subject?.subjectType ?? '',
        subject?.subjectId ? 1 : 0,
        subject?.subjectId ?? '',
        ...rankParams(r, 2),
      ]);
      const grades = rows.map(toRecordedGrade);
      return r === null ? grades : withoutHiddenSubjects(run, grades, gradeSubjects, r);
    },
  };
}
