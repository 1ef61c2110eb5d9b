import type { EvaluationReport } from './evaluate.js';
import type { Score } from './score.js';

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

function row(label: string, s: Score): string {
  return `${label.padEnd(22)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${String(s.correctPredicted).padStart(4)}/${String(s.predicted).padEnd(4)} ${String(s.foundGold).padStart(4)}/${s.gold}`;
}

export interface FormatOptions {
  /** Include per-document misses and spurious predictions (default true). */
  details?: boolean;
}

/** A plain-text table: precision, recall and F1 per field and entity type, then per-document detail. */
export function formatEvaluationReport(
  report: EvaluationReport,
  options: FormatOptions = {},
): string {
  const lines: string[] = [];
  lines.push(
    `Extraction evaluation: ${report.documents.length} documents (gold ${report.goldDir})`,
  );
  lines.push(`${'field'.padEnd(22)}     P     R    F1   pred ok/all  gold found/all`);
  lines.push(row('entities', report.fields.entities));
  lines.push(row('  person', report.entityTypes.person));
  lines.push(row('  organization', report.entityTypes.organization));
  lines.push(row('  place', report.entityTypes.place));
  lines.push(row('quotes (speaker+text)', report.fields.quotes));
  lines.push(row('dated events', report.fields.datedEvents));
  lines.push(row('figures (value)', report.fields.figures));
  const units = report.figureUnits;
  lines.push(
    `${'  units'.padEnd(22)} agree ${units.agree}/${units.matched} (${(units.rate * 100).toFixed(1)}%) of the figures matched by value`,
  );
  lines.push(row('sources cited', report.fields.sourcesCited));
  if (options.details === false) return lines.join('\n');
  for (const doc of report.documents) {
    lines.push('');
    lines.push(
      `## ${doc.document}  language=${doc.language} published=${doc.publishedAt ?? 'unknown'}`,
    );
    const section = (title: string, items: string[]) => {
      if (items.length > 0) lines.push(`  ${title}:`, ...items.map((i) => `    - ${i}`));
    };
    section('missed entities', doc.missedEntities);
    section('spurious entities', doc.spuriousEntities);
    section('missed quotes', doc.missedQuotes);
    section('spurious quotes', doc.spuriousQuotes);
    section('missed dates', doc.missedDates);
    section('spurious dates', doc.spuriousDates);
    section('missed figures', doc.missedFigures);
    section('spurious figures', doc.spuriousFigures);
    section('figure units that disagree', doc.unitDisagreements);
    section('missed sources', doc.missedSources);
    section('spurious sources', doc.spuriousSources);
  }
  return lines.join('\n');
}
