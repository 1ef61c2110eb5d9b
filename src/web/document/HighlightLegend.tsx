import {
  ANALYSIS_KIND_NAMES,
  ANALYSIS_KINDS,
  type AnalysisKind,
} from '../text/analysis-highlights';

/**
 * What each colour in the text means, how many of each there are, and a switch to hide a kind
 * (a page of dates can bury the names a reader is after). Kinds the document lacks are left out.
 */
export function HighlightLegend({
  counts,
  hidden,
  onToggle,
}: {
  counts: Record<AnalysisKind, number>;
  hidden: ReadonlySet<AnalysisKind>;
  onToggle: (kind: AnalysisKind) => void;
}) {
  return (
    <fieldset className="legend" aria-label="Highlights">
      <legend className="visually-hidden">Highlights</legend>
      {ANALYSIS_KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
        <label key={kind} className="legend-item">
          <input type="checkbox" checked={!hidden.has(kind)} onChange={() => onToggle(kind)} />
          <span className={`swatch hl-${kind}`} aria-hidden="true" />
          {ANALYSIS_KIND_NAMES[kind]} <span className="count">{counts[kind]}</span>
        </label>
      ))}
    </fieldset>
  );
}
