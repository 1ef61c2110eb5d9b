import {
  findSourceGrade,
  isCodedSource,
  RELIABILITY,
  type AnalystGrade,
  type Reliability,
} from '../assess/index.js';
import { foldForMatch } from '../core/index.js';
import type { ExportSnapshot } from './snapshot.js';

/**
 * A source as the exports show it: a claim's origin (a named speaker, a coded source such as
 * "MX7") or an intermediary a document cites (an outlet, a leak), with the reliability letter
 * Crosscheck gives it.
 */
export interface GradedSource {
  name: string;
  /** The resolved person or organisation it is, when one goes by this name. */
  entityId: string | null;
  coded: boolean;
  reliability: Reliability | null;
  /** `analyst` when an analyst graded the source; `derived` when read off its claims' grades. */
  basis: 'analyst' | 'derived' | null;
  reason: string | null;
  /** The claims this source is the origin of, by cluster id. */
  claimIds: string[];
}

/** Most cautious first, F ("cannot be judged") last: it says nothing, so any judgement wins. */
const CAUTION: Reliability[] = ['E', 'D', 'C', 'B', 'A', 'F'];

function latestBySubject(snapshot: ExportSnapshot): Map<string, AnalystGrade> {
  const latest = new Map<string, AnalystGrade>();
  for (const grade of snapshot.sourceGrades) latest.set(grade.subjectId, grade);
  return latest;
}

/**
 * Every source the snapshot's claims name, sorted by folded name. An analyst's source grade wins;
 * otherwise a source takes the most cautious reliability its claims were graded with, because a
 * source graded C on one claim and B on another has earned no better than C.
 */
export function gradeSources(snapshot: ExportSnapshot): GradedSource[] {
  const aliasIndex = new Map<string, string>();
  for (const { entity } of snapshot.entities) {
    if (entity.type === 'place') continue;
    for (const alias of [entity.name, ...entity.aliases.map((a) => a.name)]) {
      const key = foldForMatch(alias);
      if (!aliasIndex.has(key)) aliasIndex.set(key, entity.id);
    }
  }
  const sources = new Map<string, GradedSource>();
  const touch = (name: string): GradedSource => {
    const key = foldForMatch(name);
    let source = sources.get(key);
    if (!source) {
      source = {
        name,
        entityId: aliasIndex.get(key) ?? null,
        coded: isCodedSource(name),
        reliability: null,
        basis: null,
        reason: null,
        claimIds: [],
      };
      sources.set(key, source);
    }
    return source;
  };
  const derived = new Map<string, Reliability[]>();
  for (const { cluster, assessment } of snapshot.claims) {
    if (cluster.origin.speaker) {
      const source = touch(cluster.origin.speaker);
      source.claimIds.push(cluster.id);
      const letters = derived.get(foldForMatch(source.name)) ?? [];
      letters.push(assessment.reliability.value);
      derived.set(foldForMatch(source.name), letters);
    }
    for (const member of cluster.members) if (member.citedSource) touch(member.citedSource);
  }
  const analystGrades = latestBySubject(snapshot);
  for (const [key, source] of sources) {
    const analyst = findSourceGrade(analystGrades, [source.name]);
    if (analyst?.grade.reliability) {
      source.reliability = analyst.grade.reliability;
      source.basis = 'analyst';
      source.reason = `graded by ${analyst.grade.analyst} on ${analyst.grade.at.slice(0, 10)}: ${analyst.grade.reason}`;
      continue;
    }
    const letters = derived.get(key);
    if (!letters) continue;
    const letter = CAUTION.find((l) => letters.includes(l))!;
    source.reliability = letter;
    source.basis = 'derived';
    source.reason = `${RELIABILITY[letter].label}: the most cautious grade of the ${letters.length} claim(s) it is the origin of`;
  }
  return [...sources.values()].sort((a, b) =>
    foldForMatch(a.name) < foldForMatch(b.name) ? -1 : 1,
  );
}
