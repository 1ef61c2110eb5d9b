import type { HypothesisWorkspace } from '../api/workbench-types';
import { AdmiraltyBadge } from '../claims/AdmiraltyBadge';
import { claimHref } from '../router';
import { MarkCell } from './MarkCell';

const shorten = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Claims down, hypotheses across; each cell the analyst's mark, weighted by grade and origins. */
export function AchMatrix({
  workspace,
  onMarked,
}: {
  workspace: HypothesisWorkspace;
  onMarked: () => void;
}) {
  const { hypotheses, claims, matrix, suggestions } = workspace;
  const claimById = new Map(claims.map((c) => [c.cluster.id, c]));
  const suggested = new Map(suggestions.map((s) => [`${s.hypothesisId}:${s.claimId}`, s]));
  return (
    <div className="table-wrap">
      <table className="ach-matrix">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col" className="weight" title="Credibility in force × independent origins">
              Weight
            </th>
            {hypotheses.map((h) => (
              <th key={h.id} scope="col" data-hypothesis={h.id}>
                {h.text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => {
            const claim = claimById.get(row.evidenceId);
            if (!claim) return null;
            return (
              <tr
                key={row.evidenceId}
                data-claim={row.evidenceId}
                className={row.diagnostic ? undefined : 'not-diagnostic'}
              >
                <th scope="row">
                  <AdmiraltyBadge code={claim.assessment.code} />{' '}
                  <a className="claim-link" href={claimHref(row.evidenceId)}>
                    “{shorten(claim.cluster.text)}”
                  </a>
                </th>
                <td className="mono weight">{row.weight.toFixed(2)}</td>
                {hypotheses.map((h) => (
                  <MarkCell
                    key={h.id}
                    hypothesisId={h.id}
                    hypothesisText={h.text}
                    claimId={row.evidenceId}
                    mark={row.marks[h.id] ?? 'neutral'}
                    suggestion={suggested.get(`${h.id}:${row.evidenceId}`) ?? null}
                    onMarked={onMarked}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
