import type { EvaluationReport } from './evaluate.js';

/**
 * The scores a regression guard holds to a floor, by name: F1, and for `figureUnits` the share of
 * value-matched figures whose unit agrees with the gold's.
 */
export type GuardedScore =
  | 'entities'
  | 'person'
  | 'organization'
  | 'place'
  | 'quotes'
  | 'datedEvents'
  | 'figures'
  | 'figureUnits'
  | 'sourcesCited';

export function guardedScores(report: EvaluationReport): Record<GuardedScore, number> {
  return {
    entities: report.fields.entities.f1,
    person: report.entityTypes.person.f1,
    organization: report.entityTypes.organization.f1,
    place: report.entityTypes.place.f1,
    quotes: report.fields.quotes.f1,
    datedEvents: report.fields.datedEvents.f1,
    figures: report.fields.figures.f1,
    figureUnits: report.figureUnits.rate,
    sourcesCited: report.fields.sourcesCited.f1,
  };
}

/** Every score that fell below its floor, as [name, floor] pairs: empty when all hold. */
export function scoresBelow(
  report: EvaluationReport,
  floors: Record<GuardedScore, number>,
): Array<[GuardedScore, number]> {
  const scores = guardedScores(report);
  return (Object.entries(floors) as Array<[GuardedScore, number]>).filter(
    ([name, floor]) => scores[name] < floor,
  );
}
