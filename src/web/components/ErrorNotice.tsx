import { ApiError } from '../api/client';

/** An error as the user needs it: what went wrong and, when the server knows, what to do. */
export function ErrorNotice({ error, title }: { error: Error; title?: string }) {
  const hint = error instanceof ApiError ? error.hint : null;
  return (
    <div className="notice notice-error" role="alert">
      {title && <strong className="notice-title">{title}</strong>}
      <p>{error.message}</p>
      {hint && <p className="notice-hint">{hint}</p>}
    </div>
  );
}
