/** Edits a minutes entry: a decision's or escalation's text, or an action's text, owner and due date. */
import { Combobox, Field, Input, Option, Textarea } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { listPeople, type MinutesAction, type MinutesEdit } from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { FormDialog } from '../FormDialog';

const TEXT_MAX = { decision: 4000, escalation: 4000, action: 2000 } as const;

/** The text of a decision or an escalation. */
export function TextEntryDialog({
  kind,
  entryId,
  text: initial,
  busy,
  onSave,
  onClose,
}: {
  kind: 'decision' | 'escalation';
  entryId: string;
  text: string;
  busy: boolean;
  onSave: (edit: MinutesEdit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const d = t.workspace.minutes.dialog;
  const [text, setText] = useState(initial);
  const [tried, setTried] = useState(false);
  const error = !text.trim()
    ? d.textRequired
    : text.trim().length > TEXT_MAX[kind]
      ? t.workspace.tooLong(TEXT_MAX[kind])
      : undefined;
  return (
    <FormDialog
      open
      title={kind === 'decision' ? d.decisionTitle : d.escalationTitle}
      submitLabel={d.save}
      busy={busy}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (!error) onSave({ op: kind, entryId, patch: { text: text.trim() } });
      }}
    >
      <Field label={d.text} required validationMessage={tried ? error : undefined}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" rows={4} />
      </Field>
    </FormDialog>
  );
}

/** An action's text, its owner (someone from the register, or a name typed in) and its due date. */
export function ActionDialog({
  action,
  busy,
  onSave,
  onClose,
}: {
  action: MinutesAction;
  busy: boolean;
  onSave: (edit: MinutesEdit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const d = t.workspace.minutes.dialog;
  const loadPeople = useCallback((signal: AbortSignal) => listPeople(api, signal), [api]);
  const people = useResource(loadPeople).data ?? [];
  const [text, setText] = useState(action.text);
  const [ownerName, setOwnerName] = useState(action.ownerName ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(action.ownerId);
  const [due, setDue] = useState(action.due ?? '');
  const [tried, setTried] = useState(false);

  const textError = !text.trim()
    ? d.textRequired
    : text.trim().length > TEXT_MAX.action
      ? t.workspace.tooLong(TEXT_MAX.action)
      : undefined;
  const ownerError = !ownerName.trim()
    ? d.ownerRequired
    : ownerName.trim().length > 200
      ? t.workspace.tooLong(200)
      : undefined;
  const dueError = due && !/^\d{4}-\d{2}-\d{2}$/.test(due) ? d.dueInvalid : undefined;
  const matches = people.filter((p) => p.name.toLowerCase().includes(ownerName.trim().toLowerCase()));

  return (
    <FormDialog
      open
      title={d.actionTitle}
      submitLabel={d.save}
      busy={busy}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (textError || ownerError || dueError) return;
        const name = ownerName.trim();
        const known = people.find((p) => p.id === ownerId && p.name === name) ?? people.find((p) => p.name === name);
        onSave({
          op: 'action',
          entryId: action.id,
          patch: { text: text.trim(), ownerName: name, ownerId: known?.id ?? null, due: due || null },
        });
      }}
    >
      <Field label={d.text} required validationMessage={tried ? textError : undefined}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" rows={3} />
      </Field>
      <Field label={d.owner} hint={d.ownerHint} required validationMessage={tried ? ownerError : undefined}>
        <Combobox
          freeform
          value={ownerName}
          selectedOptions={ownerId ? [ownerId] : []}
          onChange={(event) => {
            setOwnerName(event.target.value);
            setOwnerId(null);
          }}
          onOptionSelect={(_, data) => {
            setOwnerId(data.optionValue ?? null);
            setOwnerName(data.optionText ?? '');
          }}
        >
          {matches.map((p) => (
            <Option key={p.id} value={p.id} text={p.name}>
              {`${p.name} · ${p.sector}`}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={d.due} hint={d.dueHint} validationMessage={tried ? dueError : undefined}>
        <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
      </Field>
    </FormDialog>
  );
}
