import type { IntelSourceBlock } from '../api/types';
import { Fields } from './Fields';

/** Fields shown by name above; any others the block carried are listed after them. */
const KNOWN_FIELDS = new Set([
  'CODE',
  'PUBLICATION',
  'ATTRIBUTION',
  'SOURCE DESCRIPTION',
  'SOURCE RELIABILITY',
  'ITEM CREDIBILITY',
  'SPECIAL HANDLING',
  'SOURCE HANDLER',
]);

/**
 * The Stratfor-style source block exactly as written. Its reliability letters and credibility
 * digits are the sender's own scale, not NATO Admiralty grades, so they are not reinterpreted.
 */
export function SourceBlock({ intel }: { intel: IntelSourceBlock }) {
  const subject = [intel.subjectType, intel.subjectCountry, intel.subjectTopic]
    .filter(Boolean)
    .join(' · ');
  const others = Object.entries(intel.fields).filter(
    ([name]) => !KNOWN_FIELDS.has(name.toUpperCase()),
  );
  return (
    <section className="panel" aria-labelledby="source-heading">
      <h2 id="source-heading">Source block</h2>
      <p className="muted small">
        As written in the message; the grades are the sender’s own scale.
      </p>
      <Fields
        label="Source block"
        rows={[
          ['Source code', intel.code && <span className="mono">{intel.code}</span>],
          ['Source reliability', intel.sourceReliability],
          ['Item credibility', intel.itemCredibility],
          ['Source description', intel.sourceDescription],
          ['Publication', intel.publication],
          ['Attribution', intel.attribution],
          ['Special handling', intel.specialHandling],
          ['Source handler', intel.sourceHandler],
          ['Subject', subject],
          ...others.map(([name, value]): [string, string] => [name, value]),
        ]}
      />
    </section>
  );
}
