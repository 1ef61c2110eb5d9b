import type { ClaimCluster } from '../api/workbench-types';
import { formatCount } from '../format';
import { documentHref } from '../router';
import type { DocumentLabels } from './document-labels';

const shorten = (text: string, max = 220) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Every place the words are printed, each a link to the reader at that spot. */
export function MemberList({ cluster, labels }: { cluster: ClaimCluster; labels: DocumentLabels }) {
  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Carried by</h2>
      {cluster.members.length < cluster.memberCount && (
        <p className="muted small members-shown">
          The first {formatCount(cluster.members.length)} of {formatCount(cluster.memberCount)}{' '}
          places that print these words; the earliest documents come first.
        </p>
      )}
      <ol className="member-list">
        {cluster.members.map((m) => (
          <li key={`${m.documentId}:${m.start}`}>
            <a className="member-link" href={documentHref(m.documentId, '', m.start)}>
              {labels.label(m.documentId)}
            </a>{' '}
            <span className="muted small">
              {[
                m.kind,
                m.encloses && 'within a longer passage',
                m.date ?? 'undated',
                m.speaker && `attributed to ${m.speaker}`,
                m.citedSource && `via ${m.citedSource}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <blockquote className="member-text">{shorten(m.text)}</blockquote>
          </li>
        ))}
      </ol>
    </section>
  );
}
