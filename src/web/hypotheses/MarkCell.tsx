import { useState } from 'react';
import { api } from '../api/client';
import type { Mark } from '../api/workbench-types';
import { useWriteAccess } from '../session/write-access';

const MARKS: Mark[] = ['consistent', 'inconsistent', 'neutral'];

/**
 * One cell of the matrix: the analyst's mark as a select that records each change. A suggestion
 * from the words is shown beside it, marked as such: it is never counted until the analyst agrees.
 */
export function MarkCell({
  hypothesisId,
  hypothesisText,
  claimId,
  mark,
  suggestion,
  onMarked,
}: {
  hypothesisId: string;
  hypothesisText: string;
  claimId: string;
  mark: Mark;
  suggestion: { mark: Mark; rationale: string } | null;
  onMarked: () => void;
}) {
  const [failed, setFailed] = useState(false);
  const { readOnlyReason } = useWriteAccess();
  const change = async (value: Mark) => {
    setFailed(false);
    try {
      await api.markClaim(hypothesisId, claimId, value);
      onMarked();
    } catch {
      setFailed(true);
    }
  };
  return (
    <td className={`mark-cell mark-${mark}`}>
      <select
        aria-label={`Mark against “${hypothesisText}”`}
        // Readers see the marks but cannot change them; the page says why above the matrix.
        disabled={readOnlyReason !== null}
        title={readOnlyReason ?? undefined}
        value={mark}
        onChange={(e) => void change(e.target.value as Mark)}
      >
        {MARKS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      {suggestion && (
        <span className={`suggestion suggestion-${suggestion.mark}`} title={suggestion.rationale}>
          suggested: {suggestion.mark}
        </span>
      )}
      {failed && (
        <span className="error-text small" role="alert">
          not saved
        </span>
      )}
    </td>
  );
}
