/** Adds an agenda item, or edits an item's title and note, with the limits the server enforces. */
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgendaItem } from '../../api';
import { useDisplayTitles, useI18n } from '../../i18n';
import { FormDialog } from '../FormDialog';

const TITLE_MAX = 300;
const NOTE_MAX = 4000;

/** What the dialog saves. */
export interface ItemValues {
  title: string;
  note: string;
}

/** The dialog for `item` (null: a new item); mount it with a key per item so its fields start fresh. */
export function ItemDialog({
  item,
  open,
  busy,
  error,
  errorTitle,
  onSave,
  onClose,
}: {
  item: AgendaItem | null;
  open: boolean;
  busy: boolean;
  /** Why the last save failed, shown inside the dialog. */
  error?: unknown;
  errorTitle?: string;
  onSave: (values: ItemValues) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const titles = useDisplayTitles();
  const d = t.workspace.agenda.dialog;
  // The heading as the chair reads it: a standard one in their language (saved unchanged, it stays standard).
  const [title, setTitle] = useState(item ? titles.item(item) : '');
  const [note, setNote] = useState(item?.note ?? '');
  const [tried, setTried] = useState(false);

  const titleError = !title.trim()
    ? d.titleRequired
    : title.trim().length > TITLE_MAX
      ? t.workspace.tooLong(TITLE_MAX)
      : undefined;
  const noteError = note.trim().length > NOTE_MAX ? t.workspace.tooLong(NOTE_MAX) : undefined;

  return (
    <FormDialog
      open={open}
      title={item ? d.editTitle(item.number) : d.addTitle}
      submitLabel={item ? d.save : d.add}
      busy={busy}
      error={error}
      errorTitle={errorTitle}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (titleError || noteError) return;
        onSave({ title: title.trim(), note: note.trim() });
      }}
    >
      <Field label={d.title} required validationMessage={tried ? titleError : undefined}>
        <Input value={title} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label={d.note} hint={d.noteHint} validationMessage={tried ? noteError : undefined}>
        <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" rows={4} />
      </Field>
    </FormDialog>
  );
}
