/** Adds a decision or an action by hand in the minutes review, under the agenda item (or sub-item) chosen. */
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { MinutesEdit } from '../../api';
import { useI18n } from '../../i18n';
import { useMeetingText } from '../../i18n/meeting/meeting-text';
import { FormDialog } from '../FormDialog';
import type { DialogFailure, MoveTarget } from './EntryDialogs';

const TEXT_MAX = { decision: 4000, action: 2000 } as const;

/** The dialog for a new `kind` entry; `targets` are the items and sub-items it can go under. */
export function AddEntryDialog({
  kind,
  targets,
  busy,
  failure,
  onSave,
  onClose,
}: {
  kind: 'decision' | 'action';
  targets: MoveTarget[];
  busy: boolean;
  failure?: DialogFailure;
  onSave: (edit: MinutesEdit, item: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const text = useMeetingText().minutes;
  const d = t.workspace.minutes.dialog;
  const [place, setPlace] = useState('0');
  const [value, setValue] = useState('');
  const [due, setDue] = useState('');
  const [tried, setTried] = useState(false);
  const error = !value.trim()
    ? text.textRequired
    : value.trim().length > TEXT_MAX[kind]
      ? t.workspace.tooLong(TEXT_MAX[kind])
      : undefined;
  const target = targets[Number(place)] ?? targets[0];

  return (
    <FormDialog
      open
      title={kind === 'decision' ? text.addDecisionTitle : text.addActionTitle}
      submitLabel={text.add}
      busy={busy}
      {...failure}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (error || !target) return;
        const at = { item: target.item, sub: target.sub, text: value.trim() };
        onSave(
          kind === 'decision'
            ? { op: 'add-decision', entry: at }
            : { op: 'add-action', entry: { ...at, due: due || null } },
          target.item,
        );
      }}
    >
      <Field label={text.item}>
        <Select value={place} onChange={(_, data) => setPlace(data.value)}>
          {targets.map((option, i) => (
            <option key={`${option.item}.${option.sub ?? ''}`} value={String(i)}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.text} required validationMessage={tried ? error : undefined}>
        <Textarea value={value} onChange={(_, data) => setValue(data.value)} resize="vertical" rows={4} />
      </Field>
      {kind === 'action' && (
        <Field label={d.due}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
      )}
    </FormDialog>
  );
}
