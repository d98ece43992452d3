/**
 * Writes or edits one update in the tab, as the card does: progress, next steps, an issue to escalate. A failed
 * send keeps the dialog open with the text and the reason inside it.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
// zod, which the domain's entities module builds its schemas with, is told first to do without eval (the CSP).
import '../api/zod-jitless';
import { UPDATE_LIMITS } from '../../../teams-app/domain/entities';
import { ErrorBar } from '../common/ErrorBar';
import type { MyWorkMessages } from '../i18n/mywork/mywork-text';
import type { UpdateText } from './mywork-api';
import type { MySlot } from './my-work-model';
import { useMyWorkStyles } from './MyWork.styles';

/** The text a slot's dialog starts from: the stored update when editing, else empty. */
function startingText(slot: MySlot): UpdateText {
  const update = slot.update;
  return {
    progress: update?.progress ?? '',
    nextSteps: update?.nextSteps ?? '',
    escalate: update?.escalation.flag ?? false,
    ask: update?.escalation.ask ?? '',
  };
}

/** The dialog; `onSend` resolves true when the update was stored (the dialog then closes). */
export function UpdateDialog({
  slot,
  title,
  text: m,
  busy,
  error,
  onSend,
  onClose,
}: {
  slot: MySlot;
  title: string;
  text: MyWorkMessages;
  busy: boolean;
  error: unknown;
  onSend: (text: UpdateText) => void;
  onClose: () => void;
}) {
  const styles = useMyWorkStyles();
  const [text, setText] = useState<UpdateText>(() => startingText(slot));
  const [tried, setTried] = useState(false);
  const f = m.form;
  const empty = !text.progress.trim() && !text.nextSteps.trim();
  const tooLong = (value: string, max: number) => (value.trim().length > max ? f.tooLong(max) : undefined);

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (empty || busy) return;
            onSend(text);
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.dialogForm}>
              {slot.update && <p className={styles.muted}>{f.revision(slot.update.revision)}</p>}
              <Field
                label={f.progress}
                hint={f.progressHint}
                validationMessage={
                  tooLong(text.progress, UPDATE_LIMITS.progress) ?? (tried && empty ? f.empty : undefined)
                }
              >
                <Textarea
                  value={text.progress}
                  resize="vertical"
                  rows={4}
                  onChange={(_, data) => setText((t) => ({ ...t, progress: data.value }))}
                />
              </Field>
              <Field label={f.nextSteps} validationMessage={tooLong(text.nextSteps, UPDATE_LIMITS.nextSteps)}>
                <Textarea
                  value={text.nextSteps}
                  resize="vertical"
                  rows={3}
                  onChange={(_, data) => setText((t) => ({ ...t, nextSteps: data.value }))}
                />
              </Field>
              <Checkbox
                label={f.escalate}
                checked={text.escalate}
                onChange={(_, data) => setText((t) => ({ ...t, escalate: data.checked === true }))}
              />
              {text.escalate && (
                <Field label={f.ask} validationMessage={tooLong(text.ask, UPDATE_LIMITS.escalationAsk)}>
                  <Textarea
                    value={text.ask}
                    resize="vertical"
                    rows={2}
                    onChange={(_, data) => setText((t) => ({ ...t, ask: data.value }))}
                  />
                </Field>
              )}
              {error !== null && error !== undefined && <ErrorBar title={m.failed} error={error} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {f.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {busy ? f.sending : slot.update ? f.save : f.send}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
