import type { ResolutionScore, Tally } from './score.js';

/** A plain-text report for `crosscheck eval`: the two fractions, then every failure. */
export function formatResolutionScore(score: ResolutionScore): string {
  const line = (label: string, tally: Tally) =>
    `${label}: ${tally.exact}/${tally.total} gold entities end as exactly one entity ` +
    `(${percent(tally.fraction)}; ${percent(tally.fractionGivenExtraction)} counting only extracted forms)`;
  const lines = [
    line('per document', score.perDocument),
    line('across documents', score.acrossDocuments),
  ];
  for (const failure of score.failures) {
    const forms = failure.forms
      .map((form) => `${form.form} → ${form.entities.join(', ') || '(not extracted)'}`)
      .join('; ');
    const also =
      failure.conflatedWith.length > 0 ? ` with ${failure.conflatedWith.join(', ')}` : '';
    lines.push(
      `  ${failure.scope} ${failure.kind}${also}: ${failure.type} ${failure.name} [${failure.documents.join(', ')}] ${forms}`,
    );
  }
  return lines.join('\n');
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
