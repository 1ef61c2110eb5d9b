import { randomBytes } from 'node:crypto';
import { tlpFromRank } from '../core/index.js';
import type { RunQuery } from './analysis-queries.js';
import { andWrittenWithin, writerClearance } from './analyst-visibility.js';
import type { Statement } from './claims-queries.js';
import type { AnalystWrite, RecordedMark, StoredHypothesis } from './types.js';
import { FULL_VIEW, clusterNotHidden, rankParams, type ClearanceSource } from './visibility.js';

/* Competing hypotheses and their marks, in the SQL both backends accept (positional `?`). */

type Row = Record<string, unknown>;

/** `clearanceRank`: the writer's (see writerRank). */
export function newHypothesis(
  hypothesis: AnalystWrite<StoredHypothesis>,
  clearanceRank: number,
): {
  hypothesis: StoredHypothesis;
  statement: Statement;
} {
  // Short random ids: an analyst types them (`crosscheck hypotheses mark h3f9a2c …`).
  const stored: StoredHypothesis = {
    id: `h${randomBytes(3).toString('hex')}`,
    text: hypothesis.text,
    analyst: hypothesis.analyst,
    at: hypothesis.at,
    clearance: tlpFromRank(clearanceRank),
  };
  return {
    hypothesis: stored,
    statement: {
      sql: `INSERT INTO hypotheses (id, text, analyst, at, position, clearance_rank)
            VALUES (?, ?, ?, ?, (SELECT count(*) FROM hypotheses), ?)`,
      params: [stored.id, stored.text, stored.analyst, stored.at, clearanceRank],
    },
  };
}

/** `clearanceRank`: the writer's (see writerRank). */
export function insertMarkStatement(
  mark: AnalystWrite<RecordedMark>,
  clearanceRank: number,
): Statement {
  return {
    sql: `INSERT INTO hypothesis_marks (hypothesis_id, claim_id, mark, analyst, at, reason, clearance_rank)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    params: [
      mark.hypothesisId,
      mark.claimId,
      mark.mark,
      mark.analyst,
      mark.at,
      mark.reason,
      clearanceRank,
    ],
  };
}

/*
 * A restricted reader sees (analyst-visibility.ts) the hypotheses written within their clearance,
 * and the marks written within it whose hypothesis they see and whose claim is not hidden (a
 * cluster with any hidden member, as claims are hidden).
 */
const hypothesesSql = (rank: number | null) =>
  `SELECT * FROM hypotheses WHERE 1 = 1${andWrittenWithin(rank)} ORDER BY position, at, id`;
const marksSql = (rank: number | null) =>
  rank === null
    ? 'SELECT * FROM hypothesis_marks ORDER BY id'
    : `SELECT * FROM hypothesis_marks m
       WHERE ${clusterNotHidden('m.claim_id')}${andWrittenWithin(rank, 'm')}
         AND NOT EXISTS (SELECT 1 FROM hypotheses h
                         WHERE h.id = m.hypothesis_id AND h.clearance_rank > ?)
       ORDER BY m.id`;

export function hypothesisQueries(run: RunQuery, clearance: ClearanceSource = FULL_VIEW) {
  return {
    async listHypotheses(): Promise<StoredHypothesis[]> {
      const rank = clearance();
      return (await run(hypothesesSql(rank), rankParams(rank))).map((r: Row) => ({
        id: String(r.id),
        text: String(r.text),
        analyst: String(r.analyst),
        at: String(r.at),
        clearance: writerClearance(r),
      }));
    },
    async listHypothesisMarks(): Promise<RecordedMark[]> {
      const rank = clearance();
      return (await run(marksSql(rank), rankParams(rank, 3))).map((r: Row) => ({
        id: Number(r.id),
        hypothesisId: String(r.hypothesis_id),
        claimId: String(r.claim_id),
        mark: String(r.mark) as RecordedMark['mark'],
        analyst: String(r.analyst),
        at: String(r.at),
        reason: r.reason === null ? null : String(r.reason),
        clearance: writerClearance(r),
      }));
    },
  };
}
