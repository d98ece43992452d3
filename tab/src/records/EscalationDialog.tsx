/** Records where an escalation stands and what the body escalated to decided (staff). */
import { Field, Textarea } from '@fluentui/react-components';
import { Select } from '../admin/FitSelect';
import { useCallback, useState } from 'react';
import { getEscalation, updateEscalation, type EscalationView } from '../api';
import { useSession } from '../common/ApiContext';
import { useAdminText } from '../i18n/admin/admin-text';
import { errorAt, issueMessages, type FieldErrors } from '../admin/form-support';
import { SaveDialog } from '../admin/SaveDialog';
import { EscalationChange } from '../admin/schemas';
import { useVersionedSave } from '../admin/useVersionedSave';

const STATUSES = ['open', 'decided', 'withdrawn'] as const;

/** The outcome dialog; mount it with a key per escalation. */
export function EscalationDialog({
  escalation,
  onSaved,
  onClose,
}: {
  escalation: EscalationView;
  onSaved: (escalation: EscalationView) => void;
  onClose: () => void;
}) {
  const a = useAdminText();
  const d = a.records.escalations.dialog;
  const { api } = useSession();
  const [status, setStatus] = useState(escalation.status);
  const [outcome, setOutcome] = useState(escalation.outcome ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  // The escalation as it is now, read again after a conflict.
  const reload = useCallback((record: EscalationView) => getEscalation(api, record.id), [api]);
  const save = useVersionedSave<EscalationView>(escalation, reload);

  const submit = async () => {
    const change = { status, outcome: outcome.trim() || null };
    const parsed = EscalationChange.safeParse(change);
    const found = parsed.success ? {} : issueMessages(parsed.error.issues, a);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const saved = await save.run((record) =>
      updateEscalation(api, (record ?? escalation).id, (record ?? escalation).etag, change),
    );
    if (saved) onSaved(saved);
  };

  return (
    <SaveDialog
      title={d.title}
      save={save}
      labels={{ status: d.status, outcome: d.outcome }}
      lead={
        <p>
          <bdi>{escalation.ask}</bdi>
        </p>
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label={d.status}>
        <Select value={status} onChange={(_, data) => setStatus(data.value as EscalationView['status'])}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {a.records.escalations.statuses[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={d.outcome} validationMessage={errorAt(errors, 'outcome')}>
        <Textarea value={outcome} rows={4} resize="vertical" onChange={(_, data) => setOutcome(data.value)} />
      </Field>
    </SaveDialog>
  );
}
