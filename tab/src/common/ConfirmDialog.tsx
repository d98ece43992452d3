/** Asks before an irreversible change (publish, approve, remove): a title, what will happen, Confirm / Cancel. */
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
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/**
 * An alert dialog; Cancel (or Escape) closes it without doing anything. When the caller runs the change while the
 * dialog stays open, `busy` makes Confirm inert (saying `busyLabel`) and a failure shows as `error` inside it.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  busy = false,
  busyLabel,
  error = null,
  errorTitle,
  children,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  busyLabel?: string;
  /** Why the confirmed change failed (shown under the body), or null. */
  error?: unknown;
  /** The failure's title (default: "The change was not saved"). */
  errorTitle?: string;
  /** More content under the body: a list of who is concerned, a warning. */
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <div>{body}</div>
            {children}
            {error !== null && error !== undefined && (
              <ErrorBar title={errorTitle ?? t.workspace.notSaved} error={error} />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t.workspace.cancel}
            </Button>
            <Button
              appearance="primary"
              disabledFocusable={busy}
              onClick={() => {
                if (!busy) onConfirm();
              }}
            >
              {busy && busyLabel ? busyLabel : confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
