/**
 * Adds an agenda item, or edits an item's title, note, planned time and presenter, with the limits the server
 * enforces. What was typed stays in the dialog when a save fails (the error shows inside it).
 */
import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { MAX_PLANNED_MINUTES } from '../../../../teams-app/domain/agenda/item-timing';
import type { AgendaItem } from '../../api';
import { useDisplayTitles, useI18n } from '../../i18n';
import { useMeetingText } from '../../i18n/meeting/meeting-text';
import { FormDialog } from '../FormDialog';

const TITLE_MAX = 300;
const NOTE_MAX = 4000;
const PRESENTER_MAX = 200;

/** What the dialog saves. */
export interface ItemValues {
  title: string;
  note: string;
  /** Null: no time planned. */
  plannedMinutes: number | null;
  /** Null: nobody named. */
  presenter: string | null;
}

/** The planned minutes typed, or null when empty; undefined when it is not a whole number in range. */
export function plannedMinutesOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return minutes >= 1 && minutes <= MAX_PLANNED_MINUTES ? minutes : undefined;
}

/** The dialog for `item` (null: a new item); mount it with a key per item so its fields start fresh. */
export function ItemDialog({
  item,
  open,
  busy,
  error,
  errorTitle,
  notice,
  onSave,
  onClose,
}: {
  item: AgendaItem | null;
  open: boolean;
  busy: boolean;
  /** Why the last save failed, shown inside the dialog. */
  error?: unknown;
  errorTitle?: string;
  /** What changed meanwhile, after a conflict (shown inside the dialog, above the error). */
  notice?: ReactNode;
  onSave: (values: ItemValues) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const titles = useDisplayTitles();
  const d = t.workspace.agenda.dialog;
  const e = useMeetingText().editor;
  // The heading as the chair reads it: a standard one in their language (saved unchanged, it stays standard).
  const [title, setTitle] = useState(item ? titles.item(item) : '');
  const [note, setNote] = useState(item?.note ?? '');
  const [planned, setPlanned] = useState(item?.plannedMinutes ? String(item.plannedMinutes) : '');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [tried, setTried] = useState(false);

  const titleError = !title.trim()
    ? d.titleRequired
    : title.trim().length > TITLE_MAX
      ? t.workspace.tooLong(TITLE_MAX)
      : undefined;
  const noteError = note.trim().length > NOTE_MAX ? t.workspace.tooLong(NOTE_MAX) : undefined;
  const plannedMinutes = plannedMinutesOf(planned);
  const plannedError = plannedMinutes === undefined ? e.plannedInvalid : undefined;
  const presenterError = presenter.trim().length > PRESENTER_MAX ? t.workspace.tooLong(PRESENTER_MAX) : undefined;

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
        if (titleError || noteError || plannedError || presenterError || plannedMinutes === undefined) return;
        onSave({ title: title.trim(), note: note.trim(), plannedMinutes, presenter: presenter.trim() || null });
      }}
    >
      {notice}
      <Field label={d.title} required validationMessage={tried ? titleError : undefined}>
        <Input value={title} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label={d.note} hint={d.noteHint} validationMessage={tried ? noteError : undefined}>
        <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" rows={4} />
      </Field>
      <Field label={e.plannedMinutes} hint={e.plannedHint} validationMessage={tried ? plannedError : undefined}>
        <Input value={planned} inputMode="numeric" onChange={(_, data) => setPlanned(data.value)} />
      </Field>
      <Field label={e.presenter} hint={e.presenterHint} validationMessage={tried ? presenterError : undefined}>
        <Input value={presenter} onChange={(_, data) => setPresenter(data.value)} />
      </Field>
    </FormDialog>
  );
}
