import type { IngestFailure } from '../api/types';

/** Files that could not be read: where, which reader, why, and what to do about it. */
export function FailureTable({
  failures,
  caption,
}: {
  failures: IngestFailure[];
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table className="failures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Problem</th>
            <th scope="col">What to do</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((failure, index) => {
            const where = [
              failure.line !== null && `line ${failure.line}`,
              failure.byteOffset !== null && `byte ${failure.byteOffset}`,
            ]
              .filter(Boolean)
              .join(', ');
            return (
              <tr key={`${failure.path}-${index}`}>
                <td className="mono break">
                  {failure.path}
                  {where && <span className="muted"> ({where})</span>}
                </td>
                <td>
                  <span className="badge badge-error">{failure.code}</span>{' '}
                  <span className="muted small">{failure.parser}</span>
                  <div>{failure.reason}</div>
                </td>
                <td>{failure.hint ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
