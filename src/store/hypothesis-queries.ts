import { randomBytes } from 'node:crypto';
import type { RunQuery } from './analysis-queries.js';
import type { Statement } from './claims-queries.js';
import type { RecordedMark, StoredHypothesis } from './types.js';
import { FULL_VIEW, clusterNotHidden, rankParams, type ClearanceSource } from './visibility.js';

/* Competing hypotheses and their marks, in the SQL both backends accept (positional `?`). */

type Row = Record<string, unknown>;

export function newHypothesis(hypothesis: Omit<StoredHypothesis, 'id'>): {
  hypothesis: StoredHypothesis;
  statement: Statement;
} {
  // Short random ids: an analyst types them (`crosscheck hypotheses mark h3f9a2c …`).
  const stored = { id: `h${randomBytes(3).toString('hex')}`, ...hypothesis };
  return {
    hypothesis: stored,
    statement: {
      sql: `INSERT INTO hypotheses (id, text, analyst, at, position)
            VALUES (?, ?, ?, ?, (SELECT count(*) FROM hypotheses))`,
      params: [stored.id, stored.text, stored.analyst, stored.at],
    },
  };
}

export function insertMarkStatement(mark: Omit<RecordedMark, 'id'>): Statement {
  return {
    sql: `INSERT INTO hypothesis_marks (hypothesis_id, claim_id, mark, analyst, at, reason)
          VALUES (?, ?, ?, ?, ?, ?)`,
    params: [mark.hypothesisId, mark.claimId, mark.mark, mark.analyst, mark.at, mark.reason],
  };
}

export function hypothesisQueries(run: RunQuery, clearance: ClearanceSource = FULL_VIEW) {
  return {
    async listHypotheses(): Promise<StoredHypothesis[]> {
      return (await run('SELECT * FROM hypotheses ORDER BY position, at, id', [])).map(
        (r: Row) => ({
          id: String(r.id),
          text: String(r.text),
          analyst: String(r.analyst),
          at: String(r.at),
        }),
      );
    },
    async listHypothesisMarks(): Promise<RecordedMark[]> {
      // Marks of hidden claims are hidden with the claims; hypotheses are analysts' own words.
      const rank = clearance();
      const sql = `SELECT * FROM hypothesis_marks${
        rank === null ? '' : ` WHERE ${clusterNotHidden('claim_id')}`
      } ORDER BY id`;
      return (await run(sql, rankParams(rank))).map((r: Row) => ({
        id: Number(r.id),
        hypothesisId: String(r.hypothesis_id),
        claimId: String(r.claim_id),
        mark: String(r.mark) as RecordedMark['mark'],
        analyst: String(r.analyst),
        at: String(r.at),
        reason: r.reason === null ? null : String(r.reason),
      }));
    },
  };
}
