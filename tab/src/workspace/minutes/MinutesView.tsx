/** The Minutes view: draft them from the chat, fix or accept what the review flags, approve them, download the .docx. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { useEffect, useRef, useState } from 'react';
import {
  refusal,
  type MeetingView,
  type Minutes,
  type MinutesEdit,
  type MinutesFollowUp,
  type MinutesVersion,
  type ReviewNote,
} from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { DocumentLink } from '../../common/DocumentLink';
import { formatInstant, inLocale, viewerTimeZone } from '../../common/format';
import { usePermission } from '../../common/roles';
import { useDisplayTitles, useI18n, type DisplayTitles } from '../../i18n';
import { useMeetingText } from '../../i18n/meeting/meeting-text';
import {
  DocumentHeader,
  DocumentMessages,
  EmptyDocument,
  FinishButton,
  RecompileButton,
  useDocumentChanges,
  type Refusal,
} from '../document/DocumentParts';
import { useWorkspaceStyles } from '../workspace.styles';
import { ConflictNote } from '../document/ConflictNote';
import { changesSentence } from '../document/list-changes';
import { AddEntryDialog } from './AddEntryDialog';
import { ActionDialog, FollowUpDialog, MoveDialog, TextEntryDialog, type MoveTarget } from './EntryDialogs';
import { addedEntry, hasEntry, minutesChanges } from './minutes-changes';
import { MinutesDocument, type EntryControls } from './MinutesDocument';
import { reviewState, type EditableEntry } from './review';
import { ReviewNotes, type NoteControls } from './ReviewNotes';
import { useMinutes } from './useMinutes';

/** Meeting states in which minutes can be drafted (again). */
const COMPILABLE: MeetingView['state'][] = ['agenda-published', 'held', 'minutes-draft'];

/** The confirmation dialog showing, if any; it stays open while its change runs and shows a failure inside. */
type Confirm =
  | { kind: 'approve' }
  /** The server found nothing recorded (no decisions, actions or chat lines) and asks to confirm. */
  | { kind: 'approve-empty' }
  | { kind: 'recompile' }
  | { kind: 'remove'; entry: EditableEntry }
  | null;

/** The entry dialog showing, if any: its editor, the choice of another agenda item, or a follow-up's outcome. */
type Editing =
  | { mode: 'edit' | 'move'; entry: EditableEntry }
  | { mode: 'follow-up'; followUp: MinutesFollowUp }
  | { mode: 'add'; kind: 'decision' | 'action' }
  | null;

/** The items an entry can be filed under: every item, and the topics' sub-items (4.1, 4.2 …) where there are any. */
function moveTargets(minutes: Minutes, locale: string, titleOf: DisplayTitles['item']): MoveTarget[] {
  return minutes.items.flatMap((item) => {
    const titles = new Map(item.presented.map((p) => [p.topicId, inLocale(p.topicTitle, locale)]));
    return [
      { item: item.number, sub: null, label: `${item.number}. ${titleOf(item)}` },
      ...item.subItems.map((topicId, i) => ({
        item: item.number,
        sub: i + 1,
        label: `${item.number}.${i + 1} ${titles.get(topicId) ?? topicId}`,
      })),
    ];
  });
}

/** Where an entry is filed: its item, and the sub-item of its topic when the item has them. */
function currentPlace({ item, entry }: EditableEntry): { item: number; sub: number | null } {
  const sub = entry.topicId ? item.subItems.indexOf(entry.topicId) + 1 : 0;
  return { item: item.number, sub: sub > 0 ? sub : null };
}

/** The minutes of a meeting. */
export function MinutesView({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: () => void }) {
  const { t, intlTag, locale } = useI18n();
  const titles = useDisplayTitles();
  const ws = useWorkspaceStyles();
  const can = usePermission();
  const minutes = useMinutes(meeting.id);
  const changes = useDocumentChanges<MinutesVersion>(minutes);
  const { action, change, setDownloadError } = changes;
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [editing, setEditing] = useState<Editing>(null);
  /** The outcome of the last change, shown beside its entry. */
  const [placed, setPlaced] = useState<{ entryId: string; text: string } | null>(null);
  /** The minutes the reader's refused change was made on: what changed since is told. */
  const [conflictBase, setConflictBase] = useState<Minutes | null>(null);
  const m = t.workspace.minutes;
  const meetingText = useMeetingText();
  const added = meetingText.minutes;
  const version = minutes.data;
  const draft = version?.status === 'draft';
  const canCompile = can('minutes.compile') && COMPILABLE.includes(meeting.state);
  const review = version ? reviewState(version.minutes) : { open: [], accepted: [] };
  const notes = review.open;

  /** The control that opened the dialog showing: focus goes back to it when the dialog closes. */
  const opener = useRef<HTMLElement | null>(null);
  const anyDialog = confirm !== null || editing !== null;
  useEffect(() => {
    if (anyDialog) {
      return undefined;
    }
    const target = opener.current;
    opener.current = null;
    if (!target) return undefined;
    const timer = window.setTimeout(() => target.isConnected && target.focus({ preventScroll: true }), 0);
    return () => window.clearTimeout(timer);
  }, [anyDialog]);
  const remember = () => {
    opener.current ??= document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };

  const closeConfirm = () => {
    setConfirm(null);
    action.clear();
  };
  const closeEditing = () => {
    setEditing(null);
    action.clear();
  };
  const startEditing = (mode: 'edit' | 'move') => (entry: EditableEntry) => {
    remember();
    action.clear();
    setEditing({ mode, entry });
  };

  const compile = async () => {
    setPlaced(null);
    if (
      await change(
        'compile',
        () => minutes.compile(),
        () => m.compiled,
      )
    ) {
      setConfirm(null);
      onMeetingChanged();
    }
  };
  /** Approves; when the server finds nothing recorded it asks first, and `confirmed` sends the confirmation. */
  const approve = async (confirmed: boolean) => {
    setPlaced(null);
    const outcome = await change(
      'approve',
      async (): Promise<{ version: MinutesVersion } | { empty: true }> => {
        try {
          return { version: await minutes.finish(confirmed) };
        } catch (error) {
          if (!confirmed && refusal(error, 'minutes.empty')) return { empty: true };
          throw error;
        }
      },
      (result) => ('version' in result ? m.approved : null),
    );
    if (!outcome) return;
    if ('empty' in outcome) {
      setConfirm({ kind: 'approve-empty' });
      return;
    }
    setConfirm(null);
    onMeetingChanged();
  };
  /**
   * Runs an edit of the shown version. Its outcome shows beside the entry `near` names in the new version (else at
   * the top); a failure remembers the version edited, to tell what changed meanwhile.
   */
  const edit = async (
    edit: MinutesEdit,
    notice: string = m.saved,
    near?: (before: Minutes, after: Minutes) => string | null,
  ) => {
    if (!version) return undefined;
    setPlaced(null);
    setConflictBase(null);
    const result = await change(
      'edit',
      () => minutes.edit(version.minutes.revision, edit),
      () => notice,
    );
    if (result === undefined) {
      setConflictBase(version.minutes);
      return undefined;
    }
    const entryId = near?.(version.minutes, result.minutes) ?? null;
    if (entryId && hasEntry(result.minutes, entryId)) setPlaced({ entryId, text: notice });
    return result;
  };
  const saveEntry = async (e: MinutesEdit, entryId: string | null) => {
    if (await edit(e, m.saved, () => entryId)) setEditing(null);
  };
  const addEntry = async (e: MinutesEdit, item: number) => {
    const notice = e.op === 'add-action' ? added.addedAction(item) : added.addedDecision(item);
    if (await edit(e, notice, addedEntry)) setEditing(null);
  };
  const moveEntry = async (e: MinutesEdit, entryId: string) => {
    if (e.op !== 'move') return;
    if (await edit(e, m.movedTo(e.sub ? `${e.item}.${e.sub}` : String(e.item)), () => entryId)) setEditing(null);
  };
  const accept = (note: ReviewNote) =>
    void edit({ op: 'accept-note', recordId: note.recordId }, m.review.acceptedNotice, () => note.recordId);
  const remove = async (entry: EditableEntry) => {
    if (await edit({ op: 'remove', entryId: entry.entry.id })) setConfirm(null);
  };

  /** After a conflict: what changed between the minutes the reader edited and the ones now shown. */
  const changedText =
    changes.conflict && conflictBase && version
      ? changesSentence(minutesChanges(conflictBase, version.minutes), meetingText.editor.changes)
      : null;
  const conflicted = changes.conflict && conflictBase !== null && version !== undefined && version !== null;

  /** A refusal to draft before the meeting has started: the server's message, and the start in the reader's zone. */
  const explain = (error: unknown): Refusal | null => {
    const details = refusal(error, 'minutes.too-early');
    if (!details) return null;
    const start = [details.startsAt, details.start].find(
      (value): value is string => typeof value === 'string' && /T.*(Z|[+-]\d\d:?\d\d)$/.test(value),
    );
    return {
      title: m.tooEarly.title,
      detail: start !== undefined ? m.tooEarly.yourTime(formatInstant(start, viewerTimeZone(), intlTag)) : null,
    };
  };

  const controls: EntryControls | null =
    can('minutes.edit') && draft
      ? {
          busy: action.busy !== null,
          placed,
          onEdit: startEditing('edit'),
          onMove: startEditing('move'),
          onRemove: (entry) => {
            remember();
            setConfirm({ kind: 'remove', entry });
          },
          onFollowUp: (followUp) => {
            remember();
            action.clear();
            setEditing({ mode: 'follow-up', followUp });
          },
        }
      : null;
  const noteControls: NoteControls | null =
    can('minutes.edit') && draft ? { busy: action.busy !== null, onFix: startEditing('edit'), onAccept: accept } : null;

  const dialogOpen = confirm !== null || editing !== null;
  const dialogError = dialogOpen ? action.error : null;
  const unresolved = confirm?.kind === 'approve' ? refusal(dialogError, 'minutes.unresolved-notes') : null;
  const unresolvedCount = typeof unresolved?.count === 'number' ? unresolved.count : notes.length;
  const failure = {
    error: unresolved ? null : dialogError,
    errorTitle: changes.conflict ? m.conflict : undefined,
  };
  const entry = editing && (editing.mode === 'edit' || editing.mode === 'move') ? editing.entry : null;
  const entryFailure = { ...failure, notice: conflicted ? <ConflictNote changed={changedText} kept /> : undefined };

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
        {version?.file && (
          <DocumentLink file={version.file} webUrl={version.fileUrl} label={m.download} onError={setDownloadError} />
        )}
        {version && draft && canCompile && (
          <RecompileButton
            action={action}
            label={m.recompile}
            onClick={() => {
              remember();
              setConfirm({ kind: 'recompile' });
            }}
          />
        )}
        {controls && (
          <>
            <Button
              icon={<Add20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => {
                remember();
                action.clear();
                setEditing({ mode: 'add', kind: 'decision' });
              }}
            >
              {added.addDecision}
            </Button>
            <Button
              icon={<Add20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => {
                remember();
                action.clear();
                setEditing({ mode: 'add', kind: 'action' });
              }}
            >
              {added.addAction}
            </Button>
          </>
        )}
        {controls && (
          <FinishButton
            action={action}
            busyKey="approve"
            label={m.approve}
            busyLabel={m.approving}
            onClick={() => {
              remember();
              setConfirm({ kind: 'approve' });
            }}
          />
        )}
      </DocumentHeader>

      <DocumentMessages
        changes={changes}
        document={minutes}
        text={m}
        errorShownElsewhere={dialogOpen}
        noticeShownElsewhere={placed !== null}
        explain={explain}
      />
      {conflicted && !dialogOpen && <ConflictNote changed={changedText} kept={false} />}

      {version === null && (
        <EmptyDocument text={m} canCompile={canCompile} action={action} onCompile={() => void compile()} />
      )}

      {version && (
        <>
          <ReviewNotes review={review} showOpen={draft} controls={noteControls} />
          <MinutesDocument minutes={version.minutes} controls={controls} />
        </>
      )}

      {editing?.mode === 'add' && version && (
        <AddEntryDialog
          key={`add-${editing.kind}`}
          kind={editing.kind}
          targets={moveTargets(version.minutes, locale, titles.item)}
          busy={action.busy === 'edit'}
          failure={entryFailure}
          onSave={(e, item) => void addEntry(e, item)}
          onClose={closeEditing}
        />
      )}
      {editing?.mode === 'follow-up' && (
        <FollowUpDialog
          key={`follow-up-${editing.followUp.actionId}`}
          followUp={editing.followUp}
          busy={action.busy === 'edit'}
          failure={entryFailure}
          onSave={(e) => void saveEntry(e, null)}
          onClose={closeEditing}
        />
      )}
      {editing?.mode === 'move' && entry && version && (
        <MoveDialog
          key={`move-${entry.entry.id}`}
          entryId={entry.entry.id}
          text={entry.entry.text}
          current={currentPlace(entry)}
          targets={moveTargets(version.minutes, locale, titles.item)}
          busy={action.busy === 'edit'}
          failure={entryFailure}
          onSave={(e) => void moveEntry(e, entry.entry.id)}
          onClose={closeEditing}
        />
      )}
      {editing?.mode === 'edit' && entry?.kind === 'action' && (
        <ActionDialog
          key={entry.entry.id}
          action={entry.entry}
          busy={action.busy === 'edit'}
          failure={entryFailure}
          onSave={(e) => void saveEntry(e, entry.entry.id)}
          onClose={closeEditing}
        />
      )}
      {editing?.mode === 'edit' && entry && entry.kind !== 'action' && (
        <TextEntryDialog
          key={entry.entry.id}
          kind={entry.kind}
          entryId={entry.entry.id}
          text={entry.entry.text}
          sector={entry.kind === 'escalation' ? entry.entry.sector : undefined}
          busy={action.busy === 'edit'}
          failure={entryFailure}
          onSave={(e) => void saveEntry(e, entry.entry.id)}
          onClose={closeEditing}
        />
      )}
      <ConfirmDialog
        open={confirm?.kind === 'approve'}
        title={m.approveConfirm.title}
        body={
          notes.length > 0
            ? `${m.approveConfirm.body} ${m.approveConfirm.openNotes(notes.length)}`
            : m.approveConfirm.body
        }
        confirmLabel={m.approve}
        busy={action.busy === 'approve'}
        busyLabel={m.approving}
        {...failure}
        onConfirm={() => void approve(false)}
        onCancel={closeConfirm}
      >
        {unresolved && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{m.unresolved.title}</MessageBarTitle>
              {m.unresolved.body(unresolvedCount)}
            </MessageBarBody>
          </MessageBar>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm?.kind === 'approve-empty'}
        title={m.emptyConfirm.title}
        body={m.emptyConfirm.body}
        confirmLabel={m.emptyConfirm.confirm}
        busy={action.busy === 'approve'}
        busyLabel={m.approving}
        {...failure}
        onConfirm={() => void approve(true)}
        onCancel={closeConfirm}
      />
      <ConfirmDialog
        open={confirm?.kind === 'recompile'}
        title={m.recompileConfirm.title}
        body={m.recompileConfirm.body}
        confirmLabel={m.recompile}
        busy={action.busy === 'compile'}
        busyLabel={m.compiling}
        {...failure}
        onConfirm={() => void compile()}
        onCancel={closeConfirm}
      />
      <ConfirmDialog
        open={confirm?.kind === 'remove'}
        title={m.removeConfirm.title}
        body={confirm?.kind === 'remove' ? m.removeConfirm.body(confirm.entry.entry.text) : ''}
        confirmLabel={m.removeConfirm.confirm}
        busy={action.busy === 'edit'}
        {...failure}
        onConfirm={() => {
          if (confirm?.kind === 'remove') void remove(confirm.entry);
        }}
        onCancel={closeConfirm}
      />
    </section>
  );
}
