import { useState, type MouseEvent } from 'react';
import { api } from '../api/client';
import { EXPORT_FORMATS, exportHref, type ExportScope } from '../api/export';
import { saveBlob } from '../api/save-blob';
import { isMultiUser } from '../session/session';
import { ErrorNotice } from './ErrorNotice';

/**
 * Download links for every export format, scoped to what the screen shows. A <details> disclosure
 * opens and closes with the keyboard and without script. On the embedded server the links are
 * plain downloads the server streams, so large stores never pass through the page's memory. A
 * multi-user server needs the API token, which a plain link cannot send (and which must not go
 * in the address): there the export is fetched with the session's headers and saved from a Blob.
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
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  const fetchAndSave = async (event: MouseEvent<HTMLAnchorElement>, format: string) => {
    if (!isMultiUser()) return;
    event.preventDefault();
    setBusy(format);
    setFailure(null);
    try {
      const { blob, name } = await api.download(
        event.currentTarget.href,
        `crosscheck-${format}.export`,
      );
      saveBlob(blob, name);
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="export-menu">
      <summary>{label}</summary>
      <div className="export-options">
        <p className="muted small">{what}</p>
        <ul>
          {EXPORT_FORMATS.map(({ format, label, file }) => (
            <li key={format}>
              <a
                href={exportHref(format, scope)}
                download
                data-format={format}
                aria-busy={busy === format ? true : undefined}
                onClick={(event) => void fetchAndSave(event, format)}
              >
                {label}
              </a>{' '}
              <span className="muted small">{busy === format ? 'preparing…' : file}</span>
            </li>
          ))}
        </ul>
        {failure && <ErrorNotice title="The export failed" error={failure} />}
      </div>
    </details>
  );
}
