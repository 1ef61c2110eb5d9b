import type { HypothesisWorkspace } from '../api/workbench-types';

/** Heuer's ranking: the hypothesis with the least weighted evidence against it comes first. */
export function Ranking({ workspace }: { workspace: HypothesisWorkspace }) {
  const text = new Map(workspace.hypotheses.map((h) => [h.id, h.text]));
  return (
    <section className="panel" aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">Ranking</h2>
      <p className="muted small">
        Least inconsistent first; consistent evidence is shown, never used to rank.
      </p>
      <ol className="ranking">
        {workspace.matrix.scores.map((score) => (
          <li key={score.hypothesisId} data-hypothesis={score.hypothesisId}>
            <span className="rank">{score.rank}</span>
            <span className="ranking-text">{text.get(score.hypothesisId)}</span>
            <span className="ranking-scores small">
              <span title="Weighted inconsistent evidence">
                against {score.inconsistency.toFixed(2)}
              </span>
              {' · '}
              <span title="Weighted consistent evidence">for {score.consistency.toFixed(2)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
