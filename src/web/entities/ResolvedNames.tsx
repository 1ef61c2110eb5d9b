import type { ResolvedEntityResponse } from '../api/workbench-types';
import { formatCount } from '../format';
import { documentHref } from '../router';

/** Documents listed under each name; the rest are counted. */
const SHOWN = 3;

/** Why a name belongs, in words: the resolver's rule or the analyst's decision. */
function ruleLabel(rule: string): string {
  if (rule === 'canonical') return 'the name it is keyed by';
  if (rule === 'extract:normalized') return 'spelling of the same name in one document';
  if (rule.startsWith('decision:')) return 'an analyst’s decision';
  return rule.replace(/[:-]/g, ' ');
}

/** Every name the entity goes by, the documents each came from, and why names were merged. */
export function ResolvedNames({ detail }: { detail: ResolvedEntityResponse }) {
  const titles = new Map(
    detail.documents.map((d) => [d.id, d.title ?? `Untitled document ${d.id.slice(0, 8)}`]),
  );
  const nameOf = (key: string) => key.replace(/^[a-z]+:/, '');
  return (
    <>
      <ul className="alias-list">
        {detail.entity.aliases.map((alias) => (
          <li key={alias.name} data-alias={alias.name}>
            <strong>{alias.name}</strong>{' '}
            <span className="muted small">— {ruleLabel(alias.rule)}</span>
            {alias.documents.length > 0 && (
              <ul className="alias-documents small">
                {alias.documents.slice(0, SHOWN).map((id) => (
                  <li key={id}>
                    <a href={documentHref(id)}>{titles.get(id) ?? id.slice(0, 10)}</a>
                  </li>
                ))}
                {alias.documentCount > SHOWN && (
                  <li className="muted">and {formatCount(alias.documentCount - SHOWN)} more</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {detail.merges.length > 0 && (
        <>
          <h3>Why these names were merged</h3>
          <ul className="merge-list small">
            {detail.merges.map((m, index) => (
              <li key={index}>
                “{nameOf(m.from)}” → “{nameOf(m.into)}”: {ruleLabel(m.rule)}
                {m.evidence && (
                  <>
                    {' '}
                    (
                    <a href={documentHref(m.evidence.documentId, '', m.evidence.start)}>evidence</a>
                    )
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
