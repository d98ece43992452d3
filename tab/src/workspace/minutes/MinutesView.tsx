/** The Minutes view: draft them from the chat, fix what the review flags, approve them, download the .docx. */
import { useState } from 'react';
import type { MeetingView, MinutesEdit, MinutesVersion } from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { DocumentLink } from '../../common/DocumentLink';
import { usePermissions } from '../../common/roles';
import { useI18n } from '../../i18n';
import {
  DocumentHeader,
  DocumentMessages,
  EmptyDocument,
  FinishButton,
  RecompileButton,
  useDocumentChanges,
} from '../document/DocumentParts';
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
  const changes = useDocumentChanges<MinutesVersion>(minutes);
  const { action, change, setDownloadError } = changes;
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [editing, setEditing] = useState<EditableEntry | null>(null);
  const m = t.workspace.minutes;
  const version = minutes.data;
  const draft = version?.status === 'draft';
  const canCompile = staff && COMPILABLE.includes(meeting.state);
  const notes = version ? openNotes(version.minutes) : [];

  const compile = async () => {
    setConfirm(null);
    if (await change('compile', minutes.compile, () => m.compiled)) onMeetingChanged();
  };
  const approve = async () => {
    setConfirm(null);
    if (await change('approve', minutes.finish, () => m.approved)) onMeetingChanged();
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
      <DocumentHeader
        headingId="minutes-heading"
        heading={m.heading}
        status={
          version
            ? {
                label: m.statuses[version.status],
                color: version.status === 'published' ? 'success' : 'warning',
                version: m.version(version.version, version.minutes.revision),
              }
            : null
        }
      >
        {version?.file && <DocumentLink file={version.file} label={m.download} onError={setDownloadError} />}
        {version && draft && canCompile && (
          <RecompileButton action={action} label={m.recompile} onClick={() => setConfirm('recompile')} />
        )}
        {controls && (
          <FinishButton
            action={action}
            busyKey="approve"
            label={m.approve}
            busyLabel={m.approving}
            onClick={() => setConfirm('approve')}
          />
        )}
      </DocumentHeader>

      <DocumentMessages changes={changes} document={minutes} text={m} />

      {version === null && (
        <EmptyDocument text={m} canCompile={canCompile} action={action} onCompile={() => void compile()} />
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
