/** The form dialog of a record saved with its version: Save, its busy and error state, and the conflict warning. */
import type { ReactNode } from 'react';
import { useAdminText } from '../i18n/admin/admin-text';
import { FormDialog } from '../workspace/FormDialog';
import { ConflictBar } from './ConflictBar';

/** What a save tells its dialog (a `VersionedSave` fits). */
export interface SaveState {
  busy: boolean;
  error: unknown;
  /** The fields someone else changed, after a conflict; null otherwise. */
  conflict: string[] | null;
}

/** `lead` comes before the conflict warning (what is being edited); `labels` name the fields a conflict lists. */
export function SaveDialog({
  title,
  save,
  labels,
  lead,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  save: SaveState;
  labels: Partial<Record<string, string>>;
  lead?: ReactNode;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const a = useAdminText();
  return (
    <FormDialog
      open
      title={title}
      submitLabel={a.common.save}
      busy={save.busy}
      error={save.error}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
    >
      {lead}
      {save.conflict && <ConflictBar fields={save.conflict} labels={labels} />}
      {children}
    </FormDialog>
  );
}
