/** A dialog with a form: validated fields, Save / Cancel; used to add and edit agenda items and minutes entries. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { ErrorBar } from '../common/ErrorBar';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * The dialog frame; `onSubmit` runs on Save (or Enter in a field) and decides itself whether the form is valid.
 * The caller closes it once the change succeeded; a failed one shows as `error` inside it.
 */
export function FormDialog({
  open,
  title,
  submitLabel,
  busy,
  error = null,
  errorTitle,
  notice,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  busy: boolean;
  /** Why the last save failed, or null. */
  error?: unknown;
  errorTitle?: string;
  /** Shown above the form's fields, e.g. what someone else changed after a conflict. */
  notice?: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {notice}
              {children}
              {error !== null && error !== undefined && (
                <ErrorBar title={errorTitle ?? t.workspace.notSaved} error={error} />
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {t.workspace.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {busy ? t.workspace.saving : submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
