import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type {
  EntityDecisionInput,
  EntityDecisionResponse,
  ResolvedEntity,
} from '../api/workbench-types';
import { ErrorNotice } from '../components/ErrorNotice';
import { EntityPicker } from './EntityPicker';

type Kind = EntityDecisionInput['kind'];

const KINDS: Array<{ kind: Kind; label: string }> = [
  { kind: 'merge', label: 'Merge' },
  { kind: 'split', label: 'Split' },
  { kind: 'rename', label: 'Rename' },
];

/** What the form holds, as the decision the API records; null while incomplete. */
function toDecision(
  kind: Kind,
  entity: ResolvedEntity,
  fields: { other: ResolvedEntity | null; splitName: string; newName: string; reason: string },
): EntityDecisionInput | null {
  const reason = fields.reason.trim();
  if (reason.length < 3) return null;
  if (kind === 'merge')
    return fields.other ? { kind, entity: entity.id, with: fields.other.id, reason } : null;
  if (kind === 'split')
    return fields.splitName ? { kind, entity: entity.id, name: fields.splitName, reason } : null;
  const name = fields.newName.trim();
  return name ? { kind, entity: entity.id, name, reason } : null;
}

function describeResult(result: EntityDecisionResponse): string {
  const { decision, entity } = result;
  const now = entity
    ? `now “${entity.name}” with ${entity.aliases.length} name(s)`
    : 'no entity left';
  return `Recorded ${decision.kind} #${decision.id}; re-resolved: ${now}.`;
}

/** The analyst's merge, split or rename of this entity, each with a reason, applied at once. */
export function EntityDecisionForm({
  entity,
  onDecided,
}: {
  entity: ResolvedEntity;
  onDecided: (result: EntityDecisionResponse) => void;
}) {
  const [kind, setKind] = useState<Kind>('rename');
  const [other, setOther] = useState<ResolvedEntity | null>(null);
  const [splitName, setSplitName] = useState('');
  const [newName, setNewName] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<EntityDecisionResponse | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const decision = toDecision(kind, entity, { other, splitName, newName, reason });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) return;
    setSaving(true);
    setError(null);
    try {
      const answer = await api.decideEntity(decision);
      setResult(answer);
      setReason('');
      setNewName('');
      setOther(null);
      onDecided(answer);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="decide-heading">
      <h2 id="decide-heading">Correct the resolution</h2>
      <form className="stack-form" onSubmit={submit}>
        <div className="segmented" role="group" aria-label="Decision">
          {KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              aria-pressed={kind === k.kind}
              onClick={() => setKind(k.kind)}
            >
              {k.label}
            </button>
          ))}
        </div>
        {kind === 'merge' && (
          <EntityPicker type={entity.type} exclude={entity.id} picked={other} onPick={setOther} />
        )}
        {kind === 'split' && (
          <label>
            Name to take out
            <select value={splitName} onChange={(e) => setSplitName(e.target.value)}>
              <option value="">choose a name</option>
              {entity.aliases.map((a) => (
                <option key={a.name}>{a.name}</option>
              ))}
            </select>
          </label>
        )}
        {kind === 'rename' && (
          <label>
            New name
            <input
              type="text"
              value={newName}
              maxLength={300}
              onChange={(e) => setNewName(e.target.value)}
            />
          </label>
        )}
        <label>
          Reason
          <textarea
            value={reason}
            rows={2}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={!decision || saving}>
          {saving ? 'Re-resolving…' : `Record ${kind}`}
        </button>
      </form>
      {result && (
        <p className="success small" role="status">
          {describeResult(result)}
        </p>
      )}
      {error && <ErrorNotice title="The decision was not recorded" error={error} />}
    </section>
  );
}
