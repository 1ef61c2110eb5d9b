import { markingOf, type TlpLevel } from '../api/access-types';

const MEANINGS: Record<TlpLevel, string> = {
  CLEAR: 'may be shared without limit',
  GREEN: 'may be shared within the community, not publicly',
  AMBER: 'limited to the recipients’ organisations and their clients, on a need-to-know basis',
  'AMBER+STRICT': 'limited to the recipients’ organisation only',
  RED: 'for the named recipients only, not to be shared further',
};

/**
 * A Traffic Light Protocol 2.0 marking as FIRST prescribes it: the label `TLP:LEVEL` in the
 * level's colour on black (styles in access.css). The label is always written out, so the marking
 * never rests on colour alone; the title says what it allows.
 */
export function TlpBadge({ level, className = '' }: { level: TlpLevel; className?: string }) {
  const variant = level.toLowerCase().replace('+', '-');
  return (
    <span
      className={`tlp-badge tlp-${variant} ${className}`.trim()}
      data-tlp={level}
      title={`TLP:${level}: ${MEANINGS[level]}`}
    >
      TLP:{level}
    </span>
  );
}

/**
 * The marking of an API answer that may carry one (a search hit: the search route does not send
 * markings yet); nothing where it does not.
 */
export function MarkingBadge({ of }: { of: object }) {
  const level = markingOf(of);
  return level ? <TlpBadge level={level} /> : null;
}
