import { useRef, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatBytes, formatCount } from '../format';
import { FailureTable } from './FailureTable';
import type { Upload } from './use-uploads';

const PHASE_LABELS: Record<Upload['phase'], string> = {
  waiting: 'Waiting',
  uploading: 'Uploading',
  queued: 'Queued',
  running: 'Ingesting',
  done: 'Done',
  failed: 'Failed',
};

export function UploadPanel({
  uploads,
  onFiles,
}: {
  uploads: Upload[];
  onFiles(files: File[]): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Add documents</h2>
      <form
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onSubmit={(event) => {
          event.preventDefault();
          const files = [...(input.current?.files ?? [])];
          if (files.length) onFiles(files);
          if (input.current) input.current.value = '';
        }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const files = [...event.dataTransfer.files];
          if (files.length) onFiles(files);
        }}
      >
        <label htmlFor="upload-files">
          Files or zip archives: articles, e-mails (.eml, .mbox), PDFs, tables
        </label>
        <input id="upload-files" ref={input} type="file" multiple />
        <button type="submit">Upload and ingest</button>
        <p className="help">
          Or drop files here. Re-uploading a file already ingested is harmless.
        </p>
      </form>

      {uploads.length > 0 && (
        <ul className="uploads" aria-label="Uploads">
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadRow({ upload }: { upload: Upload }) {
  const { job } = upload;
  const progress = job?.progress;
  const summary = job?.summary;
  const value =
    upload.phase === 'uploading'
      ? upload.sent
      : progress && progress.totalFiles > 0
        ? progress.filesDone / progress.totalFiles
        : upload.phase === 'done'
          ? 1
          : undefined;
  return (
    <li className={`upload upload-${upload.phase}`} data-testid="upload">
      <div className="upload-head">
        <span className="upload-name">{upload.name}</span>
        <span className="muted">{formatBytes(upload.sizeBytes)}</span>
        <span className={`status status-${upload.phase}`}>{PHASE_LABELS[upload.phase]}</span>
      </div>
      {upload.phase !== 'done' && upload.phase !== 'failed' && (
        <progress max={1} value={value} aria-label={`Progress of ${upload.name}`} />
      )}
      {progress && upload.phase === 'running' && (
        <p className="muted small">
          {formatCount(progress.filesDone)} of {formatCount(progress.totalFiles)} files,{' '}
          {formatCount(progress.documentsStored)} documents stored
          {progress.currentPath && ` — reading ${progress.currentPath.split('/').pop()}`}
        </p>
      )}
      {summary && (
        <p className="upload-summary">
          {formatCount(summary.stored)} new document{summary.stored === 1 ? '' : 's'},{' '}
          {formatCount(summary.duplicates)} already stored, {formatCount(summary.failures.length)}{' '}
          failure{summary.failures.length === 1 ? '' : 's'} in {summary.seconds.toFixed(1)} s
        </p>
      )}
      {summary && summary.failures.length > 0 && (
        <FailureTable failures={summary.failures} caption="Could not be read" />
      )}
      {job?.error && <ErrorNotice error={new Error(job.error.message)} />}
      {job?.error?.hint && <p className="notice-hint">{job.error.hint}</p>}
      {upload.error && <ErrorNotice error={upload.error} />}
    </li>
  );
}
