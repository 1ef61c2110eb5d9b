import type { ReactNode } from 'react';

/** A definition list of label/value rows; rows without a value are left out. */
export function Fields({ rows, label }: { rows: Array<[string, ReactNode]>; label?: string }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="fields" aria-label={label}>
      {shown.map(([name, value]) => (
        <div className="field" key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
