import type { PassageOccurrence, ReuseResponse, SharedPassage } from '../api/analysis-types';
import { formatDate } from '../format';
import { documentHref } from '../router';
import { passageId } from '../text/analysis-highlights';

function OccurrenceLink({ occurrence }: { occurrence: PassageOccurrence }) {
  return (
    <a href={documentHref(occurrence.documentId, '', occurrence.start)}>
      {occurrence.title ?? '(untitled)'}
    </a>
  );
}

/** "First in: …; also in: …" for one passage, with links to where each copy sits. */
function PassageSources({ passage, documentId }: { passage: SharedPassage; documentId: string }) {
  const [first, ...rest] = passage.occurrences;
  if (!first) return null;
  const others = rest.filter((o) => o.documentId !== documentId);
  return (
    <p className="passage-sources small">
      {first.documentId === documentId ? (
        <span>First printed here</span>
      ) : (
        <span>
          First in: <OccurrenceLink occurrence={first} />{' '}
          <span className="muted">({formatDate(first.date)})</span>
        </span>
      )}
      {others.length > 0 && (
        <span>
          {'; also in: '}
          {others.map((o, index) => (
            <span key={`${o.documentId}-${o.start}`}>
              {index > 0 && ', '}
              <OccurrenceLink occurrence={o} />
            </span>
          ))}
        </span>
      )}
    </p>
  );
}

/**
 * Passages this document shares with others: a story "confirmed" by five outlets that reprint
 * one leaked e-mail has one source, and the reader should see that at a glance.
 */
export function ReusePanel({
  reuse,
  documentId,
  selected,
  onSelect,
}: {
  reuse: ReuseResponse;
  documentId: string;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  if (reuse.passages.length === 0 && reuse.pairs.length === 0) return null;
  const nearDuplicates = reuse.pairs.filter((p) => p.nearDuplicate);
  return (
    <section className="panel" aria-labelledby="reuse-heading">
      <h2 id="reuse-heading">Shared passages</h2>
      <ol className="passage-list">
        {reuse.passages.map((passage) => {
          const id = passageId(passage);
          return (
            <li key={id} className={id === selected ? 'selected' : undefined} data-panel-item={id}>
              <button
                type="button"
                className="link-button passage-text"
                onClick={() => onSelect(id)}
              >
                “{passage.text.length > 140 ? `${passage.text.slice(0, 140)}…` : passage.text}”
              </button>
              <span className="muted small"> {passage.words} words</span>
              <PassageSources passage={passage} documentId={documentId} />
            </li>
          );
        })}
      </ol>
      {nearDuplicates.length > 0 && (
        <>
          <h3>Near-duplicates</h3>
          <ul className="link-list">
            {nearDuplicates.map((pair) => (
              <li key={pair.otherId}>
                <a href={documentHref(pair.otherId)}>{pair.otherTitle ?? '(untitled)'}</a>{' '}
                <span className="muted">{Math.round(pair.similarity * 100)}% alike</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
