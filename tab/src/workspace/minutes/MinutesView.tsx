/** The Minutes view: draft them from the chat, fix what the review flags, approve them, download the .docx. */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Checkmark20Regular, Compose20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiError, type MeetingView, type MinutesEdit, type MinutesVersion } from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { DocumentLink } from '../../common/DocumentLink';
import { ErrorBar } from '../../common/ErrorBar';
import { usePermissions } from '../../common/roles';
import { useAction } from '../../common/useAction';
import { useI18n } from '../../i18n';
import { useWorkspaceStyles } from '../workspace.styles';
import { ActionDialog, TextEntryDialog } from './EntryDialogs';
import { MinutesDocument, type EntryControls } from './MinutesDocument';
import { openNotes, type EditableEntry } from './review';
import { ReviewNotes } from './ReviewNotes';
import { useMinutes } from './useMinutes';

/** Meeting states in which minutes can be drafted (again). */
const COMPILABLE: MeetingView['state'][] = ['agenda-published', 'held', 'minutes-draft'];

type Confirm = 'approve' | 'recompile' | { remove: EditableEntry } | null;

/** The minutes of a meeting. */
export function MinutesView({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: () => void }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const { staff } = usePermissions();
  const minutes = useMinutes(meeting.id);
  const action = useAction();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [editing, setEditing] = useState<EditableEntry | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const m = t.workspace.minutes;
  const version = minutes.data;
  const draft = version?.status === 'draft';
  const conflict = action.error instanceof ApiError && action.error.code === 'store.conflict';
  const canCompile = staff && COMPILABLE.includes(meeting.state);
  const notes = version ? openNotes(version.minutes) : [];

  async function change(key: string, run: () => Promise<MinutesVersion>, notice: () => string) {
    const result = await action.run(key, run, notice);
    if (result === undefined) minutes.reload();
    return result;
  }

  const compile = async () => {
    setConfirm(null);
    if (await change('compile', minutes.compile, () => m.compiled)) onMeetingChanged();
  };
  const approve = async () => {
    setConfirm(null);
    if (await change('approve', minutes.approve, () => m.approved)) onMeetingChanged();
  };
  const edit = async (edit: MinutesEdit) => {
    if (!version) return;
    await change(
      'edit',
      () => minutes.edit(version.minutes.revision, edit),
      () => m.saved,
    );
    setEditing(null);
  };

  const controls: EntryControls | null =
    staff && draft
      ? { busy: action.busy !== null, onEdit: setEditing, onRemove: (entry) => setConfirm({ remove: entry }) }
      : null;
  const removing = typeof confirm === 'object' && confirm ? confirm.remove : null;

  return (
    <section aria-labelledby="minutes-heading" className={ws.view}>
      <div className={ws.headerRow}>
        <div className={ws.titleGroup}>
          <Subtitle1 as="h3" id="minutes-heading" className={ws.heading}>
            {m.heading}
          </Subtitle1>
          {version && (
            <>
              <Badge appearance="tint" color={version.status === 'published' ? 'success' : 'warning'}>
                {m.statuses[version.status]}
              </Badge>
              <Caption1 className={ws.muted}>{m.version(version.version, version.minutes.revision)}</Caption1>
            </>
          )}
        </div>
        <div className={ws.toolbar}>
          {version?.file && <DocumentLink file={version.file} label={m.download} onError={setDownloadError} />}
          {version && draft && canCompile && (
            <Button
              icon={<ArrowClockwise20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirm('recompile')}
            >
              {m.recompile}
            </Button>
          )}
          {controls && (
            <Button
              appearance="primary"
              icon={<Checkmark20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirm('approve')}
            >
              {action.busy === 'approve' ? m.approving : m.approve}
            </Button>
          )}
        </div>
      </div>

      <div role="status">
        {action.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{action.notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {action.error !== null && <ErrorBar title={conflict ? m.conflict : t.workspace.notSaved} error={action.error} />}
      {downloadError !== null && <ErrorBar title={t.workspace.downloadError} error={downloadError} />}
      {minutes.error !== null && <ErrorBar title={m.loadError} error={minutes.error} onRetry={minutes.reload} />}
      {version === undefined && minutes.loading && <Spinner label={m.loading} />}

      {version === null && (
        <div className={ws.empty}>
          <Subtitle1 as="h4" className={ws.emptyHeading}>
            {m.empty.title}
          </Subtitle1>
          <Body1 as="p" className={ws.intro}>
            {canCompile ? m.empty.staff : m.empty.reader}
          </Body1>
          {canCompile && (
            <Button
              appearance="primary"
              icon={<Compose20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => void compile()}
            >
              {action.busy === 'compile' ? m.compiling : m.compile}
            </Button>
          )}
        </div>
      )}

      {version && (
        <>
          {draft && <ReviewNotes notes={notes} onFix={controls ? setEditing : null} />}
          <MinutesDocument minutes={version.minutes} controls={controls} />
        </>
      )}

      {editing?.kind === 'action' && (
        <ActionDialog
          key={editing.entry.id}
          action={editing.entry}
          busy={action.busy === 'edit'}
          onSave={(e) => void edit(e)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing && editing.kind !== 'action' && (
        <TextEntryDialog
          key={editing.entry.id}
          kind={editing.kind}
          entryId={editing.entry.id}
          text={editing.entry.text}
          busy={action.busy === 'edit'}
          onSave={(e) => void edit(e)}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={confirm === 'approve'}
        title={m.approveConfirm.title}
        body={
          notes.length > 0
            ? `${m.approveConfirm.body} ${m.approveConfirm.openNotes(notes.length)}`
            : m.approveConfirm.body
        }
        confirmLabel={m.approve}
        onConfirm={() => void approve()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'recompile'}
        title={m.recompileConfirm.title}
        body={m.recompileConfirm.body}
        confirmLabel={m.recompile}
        onConfirm={() => void compile()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={m.removeConfirm.title}
        body={removing ? m.removeConfirm.body(removing.entry.text) : ''}
        confirmLabel={m.removeConfirm.confirm}
        onConfirm={() => {
          if (!removing) return;
          setConfirm(null);
          void edit({ op: 'remove', entryId: removing.entry.id });
        }}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
