import type { StoreStats } from '../api/types';
import { formatBytes, formatCount, kindName, languageName } from '../format';

function Breakdown({
  title,
  counts,
  name,
}: {
  title: string;
  counts: Record<string, number>;
  name(key: string): string;
}) {
  const entries = Object.entries(counts);
  return (
    <div className="breakdown">
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">None yet</p>
      ) : (
        <ul>
          {entries.map(([key, n]) => (
            <li key={key}>
              <span>{name(key)}</span>
              <span className="count">{formatCount(n)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatsPanel({ stats }: { stats: StoreStats }) {
  const figures: Array<[string, string]> = [
    ['Documents', formatCount(stats.documents)],
    ['Failures logged', formatCount(stats.failures)],
    ['Ingest runs', formatCount(stats.runs)],
    ['Text', formatBytes(stats.textBytes)],
    ...(stats.storeBytes !== null
      ? [['Store on disk', formatBytes(stats.storeBytes)] as [string, string]]
      : []),
  ];
  return (
    <section className="panel" aria-labelledby="stats-heading">
      <h2 id="stats-heading">In the store</h2>
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label} className="figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="breakdowns">
        <Breakdown title="By type" counts={stats.byKind} name={kindName} />
        <Breakdown title="By language" counts={stats.byLanguage} name={languageName} />
      </div>
    </section>
  );
}
