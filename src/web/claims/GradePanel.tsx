import type { AssessedClaim, Graded } from '../api/workbench-types';
import { AdmiraltyBadge, describeCode } from './AdmiraltyBadge';

function GradeHalf<T extends string | number>({
  label,
  graded,
}: {
  label: string;
  graded: Graded<T>;
}) {
  return (
    <div className="grade-half">
      <h3>
        {label}: <span className="mono">{graded.value}</span>
        {graded.analyst && graded.derived !== graded.value && (
          <span className="muted small"> (the evidence alone gives {graded.derived})</span>
        )}
      </h3>
      <ul className="grade-reasons">
        {graded.reasons.map((reason) => (
          <li key={reason.rule} data-rule={reason.rule}>
            {reason.text}
          </li>
        ))}
      </ul>
      {graded.stratfor && (
        <p className="small stratfor">
          The source block says <q>{graded.stratfor.original}</q> (Stratfor’s scale, kept as
          written), read as {graded.stratfor.suggested}: {graded.stratfor.rationale}
        </p>
      )}
    </div>
  );
}

function History({ history }: { history: AssessedClaim['history'] }) {
  if (history.length === 0) return <p className="muted small">No analyst has graded it yet.</p>;
  return (
    <ol className="grade-history">
      {[...history].reverse().map((grade) => (
        <li key={grade.id}>
          <span className="mono">
            {[grade.reliability, grade.credibility].filter((v) => v !== undefined).join('')}
          </span>{' '}
          by {grade.analyst} on {grade.at.slice(0, 10)}: {grade.reason}
        </li>
      ))}
    </ol>
  );
}

/** The Admiralty grade in force, the reasons for the default, and what analysts decided. */
export function GradePanel({ claim }: { claim: AssessedClaim }) {
  const { assessment } = claim;
  const overridden = assessment.code !== assessment.derivedCode;
  return (
    <section className="panel" aria-labelledby="grade-heading">
      <h2 id="grade-heading">Admiralty grade</h2>
      <p className="grade-code">
        <AdmiraltyBadge code={assessment.code} overridden={overridden} />{' '}
        <span className="small">{describeCode(assessment.code)}</span>
      </p>
      {assessment.source && <p className="muted small">Source graded: {assessment.source}</p>}
      <GradeHalf label="Reliability" graded={assessment.reliability} />
      <GradeHalf label="Credibility" graded={assessment.credibility} />
      <h3>Analyst history</h3>
      <History history={claim.history} />
    </section>
  );
}
