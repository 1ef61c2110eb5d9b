import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Credibility, Reliability } from '../api/workbench-types';
import { ErrorNotice } from '../components/ErrorNotice';

const RELIABILITIES: Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITIES: Credibility[] = [1, 2, 3, 4, 5, 6];

/** The analyst's override: a reliability, a credibility or both, and why. Analysts always win. */
export function GradeForm({ claimId, onSaved }: { claimId: string; onSaved: () => void }) {
  const [reliability, setReliability] = useState('');
  const [credibility, setCredibility] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const ready = (reliability || credibility) && reason.trim().length >= 3 && !saving;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.gradeClaim(claimId, {
        ...(reliability && { reliability: reliability as Reliability }),
        ...(credibility && { credibility: Number(credibility) as Credibility }),
        reason: reason.trim(),
      });
      setReliability('');
      setCredibility('');
      setReason('');
      onSaved();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="override-heading">
      <h2 id="override-heading">Grade it yourself</h2>
      <form className="stack-form" onSubmit={submit}>
        <div className="form-row">
          <label>
            Reliability
            <select value={reliability} onChange={(e) => setReliability(e.target.value)}>
              <option value="">keep</option>
              {RELIABILITIES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            Credibility
            <select value={credibility} onChange={(e) => setCredibility(e.target.value)}>
              <option value="">keep</option>
              {CREDIBILITIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Reason
          <textarea
            value={reason}
            maxLength={2000}
            rows={3}
            required
            placeholder="Why this grade: kept with it"
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!ready}>
          {saving ? 'Saving…' : 'Record grade'}
        </button>
      </form>
      {error && <ErrorNotice title="The grade was not recorded" error={error} />}
    </section>
  );
}
