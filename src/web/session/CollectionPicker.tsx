import { useRef } from 'react';
import type { Membership } from '../api/access-types';
import { TlpBadge } from '../components/TlpBadge';

/**
 * The collection every screen shows, in the header: a disclosure (like the export menu) listing
 * each collection open to the user with its TLP marking and the user's role in it, so the marking
 * is in view before a case is opened, not after.
 */
export function CollectionPicker({
  user,
  memberships,
  current,
  onChoose,
}: {
  /** Who is signed in, as the workbench names them. */
  user: string;
  memberships: Membership[];
  current: Membership;
  onChoose: (slug: string) => void;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const choose = (slug: string) => {
    if (details.current) details.current.open = false;
    if (slug !== current.collection) onChoose(slug);
  };
  return (
    <details className="collection-picker" ref={details}>
      {/* No aria-label: the marking and the role must be read out with the name. */}
      <summary>
        <span className="visually-hidden">Collection: </span>
        <span className="collection-name">{current.title}</span> <TlpBadge level={current.tlp} />{' '}
        <span className="role-badge">{current.role}</span>
      </summary>
      <div className="collection-options">
        <p className="muted small">
          Signed in as <strong className="account-name">{user}</strong>. Collections open to you:
        </p>
        <ul>
          {memberships.map((m) => (
            <li key={m.collection}>
              <button
                type="button"
                data-collection={m.collection}
                aria-current={m.collection === current.collection ? 'true' : undefined}
                onClick={() => choose(m.collection)}
              >
                <span className="collection-title">{m.title}</span>
                <span className="mono small muted">{m.collection}</span>
                <span className="collection-marks">
                  <TlpBadge level={m.tlp} /> <span className="role-badge">{m.role}</span>
                  <span className="small muted">cleared to TLP:{m.clearance}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
