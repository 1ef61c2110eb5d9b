import { EXPORT_FORMATS, exportHref, type ExportScope } from '../api/export';

/**
 * Download links for every export format, scoped to what the screen shows. A <details> disclosure
 * opens and closes with the keyboard and without script; the links are plain downloads the
 * server streams, so large stores never pass through the page's memory.
 */
export function ExportMenu({
  scope,
  what,
  label = 'Export',
}: {
  scope: ExportScope;
  /** What the export holds, in a sentence. */
  what: string;
  label?: string;
}) {
  return (
    <details className="export-menu">
      <summary>{label}</summary>
      <div className="export-options">
        <p className="muted small">{what}</p>
        <ul>
          {EXPORT_FORMATS.map(({ format, label, file }) => (
            <li key={format}>
              <a href={exportHref(format, scope)} download data-format={format}>
                {label}
              </a>{' '}
              <span className="muted small">{file}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
