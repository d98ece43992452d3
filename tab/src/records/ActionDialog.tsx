/**
 * Updates an action: its owner closes or drops it, re-opens it, moves its due date or adds a note; staff also give it
 * to someone else. Only what changed is sent, with the version read; a conflict keeps the typed note.
 */
import { Field, Input, Textarea } from '@fluentui/react-components';
import { Select } from '../admin/FitSelect';
import { useCallback, useState } from 'react';
import { getAction, updateAction, type ActionView, type PersonView } from '../api';
import { useSession } from '../common/ApiContext';
import { useI18n } from '../i18n';
import { useAdminText } from '../i18n/admin/admin-text';
import { issueMessages, messagesAt, type FieldErrors } from '../admin/form-support';
import { SaveDialog } from '../admin/SaveDialog';
import { activePeople } from '../admin/labels';
import { ActionChange } from '../admin/schemas';
import { useVersionedSave } from '../admin/useVersionedSave';

const STATUSES = ['open', 'done', 'dropped'] as const;

/** The action dialog; `canReassign`: the caller is staff. Mount it with a key per action. */
export function ActionDialog({
  action,
  people,
  canReassign,
  onSaved,
  onClose,
}: {
  action: ActionView;
  people: readonly PersonView[];
  canReassign: boolean;
  onSaved: (action: ActionView) => void;
  onClose: () => void;
}) {
  const { intlTag } = useI18n();
  const a = useAdminText();
  const d = a.records.actions.dialog;
  const { api } = useSession();
  const [status, setStatus] = useState(action.status);
  const [note, setNote] = useState('');
  const [due, setDue] = useState(action.due ?? '');
  const [ownerId, setOwnerId] = useState(action.ownerId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  // The action as it is now, read again after a conflict.
  const reload = useCallback((record: ActionView) => getAction(api, record.id), [api]);
  const save = useVersionedSave<ActionView>(action, reload);

  const submit = async () => {
    const base = save.base ?? action;
    const change: Record<string, unknown> = {};
    if (status !== base.status) change.status = status;
    if (note.trim()) change.note = note.trim();
    if ((due || null) !== base.due) change.due = due || null;
    if (canReassign && ownerId && ownerId !== base.ownerId) change.ownerId = ownerId;
    const found: FieldErrors = {};
    if (Object.keys(change).length === 0) found.note = d.nothing;
    else {
      const parsed = ActionChange.safeParse(change);
      if (!parsed.success) Object.assign(found, issueMessages(parsed.error.issues, a));
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const saved = await save.run((record) => updateAction(api, (record ?? action).id, (record ?? action).etag, change));
    if (saved) onSaved(saved);
  };

  const at = messagesAt(errors, save.error, a);

  return (
    <SaveDialog
      title={d.title}
      save={save}
      labels={{ status: d.status, due: d.due, ownerId: d.owner, ownerName: d.owner, notes: d.note }}
      lead={
        <p>
          <bdi>{action.text}</bdi>
        </p>
      }
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label={d.status}>
        <Select value={status} onChange={(_, data) => setStatus(data.value as ActionView['status'])}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {a.records.actions.statuses[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={d.note} hint={d.noteHint} validationMessage={at('note')}>
        <Textarea value={note} rows={3} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
      <Field label={d.due} validationMessage={at('due')}>
        <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
      </Field>
      {canReassign && (
        <Field label={d.owner} hint={d.ownerHint}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            {!action.ownerId && <option value="">{action.ownerName}</option>}
            {activePeople(people, intlTag).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </SaveDialog>
  );
}
