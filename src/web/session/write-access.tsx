import { createContext, useContext, type ReactNode } from 'react';

/**
 * Whether the user may change the case (grade, merge, split, rename, mark, upload), and if not
 * why. Embedded mode has no roles: everything is allowed, which is the context's default.
 */
export interface WriteAccess {
  /** Null when writing is allowed; otherwise the sentence shown where the controls would be. */
  readOnlyReason: string | null;
}

const WriteAccessContext = createContext<WriteAccess>({ readOnlyReason: null });

export function WriteAccessProvider({
  value,
  children,
}: {
  value: WriteAccess;
  children: ReactNode;
}) {
  return <WriteAccessContext.Provider value={value}>{children}</WriteAccessContext.Provider>;
}

export const useWriteAccess = (): WriteAccess => useContext(WriteAccessContext);

/**
 * Stands in for a form a reader may not use: the controls are left out (a disabled form would
 * still invite typing a grade that cannot be saved) and this says why, and what to ask for.
 */
export function ReadOnlyNote({ what }: { what: string }) {
  const { readOnlyReason } = useWriteAccess();
  if (!readOnlyReason) return null;
  return (
    <p className="notice read-only-note" data-read-only>
      <strong>Read only.</strong> {readOnlyReason} You cannot {what} here.
    </p>
  );
}

/** Renders `children` (a form) when the user may write, the explanation otherwise. */
export function WhenWritable({ what, children }: { what: string; children: ReactNode }) {
  const { readOnlyReason } = useWriteAccess();
  return readOnlyReason ? <ReadOnlyNote what={what} /> : <>{children}</>;
}
