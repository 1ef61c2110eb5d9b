import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';

/** States a new hypothesis: one sentence the evidence can argue for or against. */
export function HypothesisForm({ onAdded }: { onAdded: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.addHypothesis(text.trim());
      setText('');
      onAdded();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="hypothesis-form" onSubmit={submit}>
      <label htmlFor="hypothesis-text">New hypothesis</label>
      <div className="form-row">
        <input
          id="hypothesis-text"
          type="text"
          value={text}
          maxLength={1000}
          placeholder="e.g. US agents operate openly in Chihuahua"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary" disabled={saving || text.trim().length < 5}>
          Add hypothesis
        </button>
      </div>
      {error && <ErrorNotice title="The hypothesis was not added" error={error} />}
    </form>
  );
}
