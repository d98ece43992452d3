/** The Agenda view: compile, reorder and edit the draft, publish it, download the .docx; read-only for members. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { useEffect, useRef, useState } from 'react';
import type { Agenda, AgendaItem, AgendaVersion, CollectionIncomplete, MeetingView } from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { DocumentLink } from '../../common/DocumentLink';
import { formatInstant } from '../../common/format';
import { usePermission } from '../../common/roles';
import { useDisplayTitles, useI18n } from '../../i18n';
import {
  DocumentHeader,
  DocumentMessages,
  EmptyDocument,
  FinishButton,
  RecompileButton,
  useDocumentChanges,
} from '../document/DocumentParts';
import { useWorkspaceStyles } from '../workspace.styles';
import { useMeetingText } from '../../i18n/meeting/meeting-text';
import { ConflictNote } from '../document/ConflictNote';
import { changesSentence } from '../document/list-changes';
import { RefreshControl } from '../document/RefreshControl';
import { AgendaDocument, itemHeadingId, moveButtonId, subMoveButtonId, type ItemControls } from './AgendaDocument';
import { agendaChanges } from './agenda-changes';
import { AgendaSummary } from './AgendaSummary';
import { collectionIncomplete } from './compile-guard';
import { ItemDialog, type ItemValues } from './ItemDialog';
import { useAgenda } from './useAgenda';

/** Meeting states in which the agenda can still be (re)compiled. */
const COMPILABLE: MeetingView['state'][] = ['scheduled', 'open', 'closed', 'agenda-draft', 'agenda-published'];

/** The confirmation dialog showing, if any; it stays open while its change runs and shows a failure inside. */
type Confirm =
  | { kind: 'publish' }
  | { kind: 'recompile' }
  | { kind: 'incomplete'; counts: CollectionIncomplete }
  | { kind: 'remove'; item: AgendaItem }
  | null;

/** The agenda of a meeting. */
export function AgendaView({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: () => void }) {
  const { t, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const ws = useWorkspaceStyles();
  const can = usePermission();
  const agenda = useAgenda(meeting.id);
  const changes = useDocumentChanges<AgendaVersion>(agenda);
  const { action, change, setDownloadError } = changes;
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [dialog, setDialog] = useState<{ item: AgendaItem | null } | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  /** The control that opened the dialog showing: focus goes back to it when the dialog closes. */
  const opener = useRef<HTMLElement | null>(null);
  const remember = () => {
    opener.current ??= document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const scrollTo = useRef<string | null>(null);
  const [placed, setPlaced] = useState<{ itemId: string; text: string } | null>(null);
  const [conflictBase, setConflictBase] = useState<Agenda | null>(null);
  const m = useMeetingText();
  const a = t.workspace.agenda;
  const version = agenda.data;
  const draft = version?.status === 'draft';

  // A moved item is re-rendered elsewhere in the list: keep focus on its button so Move up can be pressed again.
  // A new item is scrolled into view.
  useEffect(() => {
    const id = focusAfterMove.current;
    focusAfterMove.current = null;
    if (id) document.getElementById(id)?.focus();
    const added = scrollTo.current;
    scrollTo.current = null;
    if (added) document.getElementById(itemHeadingId(added))?.scrollIntoView({ block: 'center' });
  }, [version]);

  const anyDialog = dialog !== null || confirm !== null;
  useEffect(() => {
    if (anyDialog) return undefined;
    const target = opener.current;
    opener.current = null;
    if (!target) return undefined;
    // After the dialog's own focus handling; without scrolling, so a new item scrolled into view stays in view.
    const timer = window.setTimeout(() => target.isConnected && target.focus({ preventScroll: true }), 0);
    return () => window.clearTimeout(timer);
  }, [anyDialog]);

  /** After a conflict: what changed between the version the reader edited and the one now shown. */
  const conflictChanges =
    changes.conflict && conflictBase && version ? agendaChanges(conflictBase, version.agenda, titles.item) : null;
  const changedText = changesSentence(conflictChanges, m.editor.changes);

  const closeConfirm = () => {
    setConfirm(null);
    action.clear();
  };

  /**
   * Compiles; while updates are still missing the server asks for a confirmation first (with the counts), which
   * the dialog asks the reader for; `confirmed` sends it.
   */
  const compile = async (confirmed: boolean) => {
    setPlaced(null);
    const outcome = await change(
      'compile',
      async (): Promise<{ version: AgendaVersion } | { counts: CollectionIncomplete }> => {
        try {
          return { version: await agenda.compile(confirmed) };
        } catch (error) {
          const counts = confirmed ? null : collectionIncomplete(error);
          if (counts) return { counts };
          throw error;
        }
      },
      (result) => ('version' in result ? a.compiled : null),
    );
    if (!outcome) return;
    if ('counts' in outcome) {
      remember();
      setConfirm({ kind: 'incomplete', counts: outcome.counts });
      return;
    }
    setConfirm(null);
    onMeetingChanged();
  };
  const publish = async () => {
    setPlaced(null);
    if (
      await change(
        'publish',
        () => agenda.finish(),
        () => a.published,
      )
    ) {
      setConfirm(null);
      onMeetingChanged();
    }
  };
  /**
   * Runs an edit of the shown version. Its outcome shows beside the item `near` names in the new version (else at
   * the top); a failure remembers the version edited, to tell what changed meanwhile.
   */
  const edit = async (
    run: (v: AgendaVersion) => Promise<AgendaVersion>,
    notice: (v: AgendaVersion) => string | null,
    near?: (v: AgendaVersion) => string | null,
  ) => {
    if (!version) return undefined;
    setPlaced(null);
    setConflictBase(null);
    const result = await change('edit', () => run(version), notice);
    if (result === undefined) {
      setConflictBase(version.agenda);
      return undefined;
    }
    const itemId = near?.(result) ?? null;
    const text = notice(result);
    if (itemId && text) setPlaced({ itemId, text });
    return result;
  };

  const moveItem = (item: AgendaItem, direction: 'up' | 'down') => {
    const to = direction === 'up' ? item.number - 1 : item.number + 1;
    const last = version ? version.agenda.items.length : 0;
    const stillThere = (direction === 'up' && to > 1) || (direction === 'down' && to < last);
    focusAfterMove.current = moveButtonId(item.id, stillThere ? direction : direction === 'up' ? 'down' : 'up');
    void edit(
      (v) => agenda.edit(v.agenda.revision, { op: 'move', from: item.number, to }),
      () => a.moved(titles.item(item), to),
      () => item.id,
    );
  };
  const moveItemTo = (item: AgendaItem, to: number) =>
    void edit(
      (v) => agenda.edit(v.agenda.revision, { op: 'move', from: item.number, to }),
      () => a.moved(titles.item(item), to),
      () => item.id,
    );
  const moveSubItem = (item: AgendaItem, from: number, to: number, title: string) => {
    const count = item.kind === 'topic-updates' || item.kind === 'jiu' ? item.sections.length : 0;
    const direction = to < from ? 'up' : 'down';
    const stillThere = (direction === 'up' && to > 1) || (direction === 'down' && to < count);
    focusAfterMove.current = subMoveButtonId(item.id, to, stillThere ? direction : direction === 'up' ? 'down' : 'up');
    void edit(
      (v) => agenda.edit(v.agenda.revision, { op: 'move-sub', itemId: item.id, from, to }),
      () => m.editor.subMoved(title, `${item.number}.${to}`),
      () => item.id,
    );
  };
  const editable = can('agenda.edit') && draft;
  // A draft can be published only while the meeting is at "agenda in draft": once collection is re-opened the draft
  // is out of date and the server refuses to publish it until it is compiled again (the warning below says so).
  const publishable = editable && meeting.state === 'agenda-draft';
  const controls: ItemControls | null = editable
    ? {
        busy: action.busy !== null,
        onMove: moveItem,
        onMoveTo: moveItemTo,
        onMoveSub: moveSubItem,
        placed,
        onEdit: (item) => {
          action.clear();
          remember();
          setDialog({ item });
        },
        onRemove: (item) => {
          remember();
          setConfirm({ kind: 'remove', item });
        },
      }
    : null;

  const save = async (values: ItemValues) => {
    const item = dialog?.item ?? null;
    const before = new Set(version?.agenda.items.map((i) => i.id));
    const added = (v: AgendaVersion) => v.agenda.items.find((i) => !before.has(i.id))?.id ?? null;
    const saved = await edit(
      (v) =>
        item
          ? agenda.edit(v.agenda.revision, { op: 'edit', itemId: item.id, patch: values })
          : agenda.edit(v.agenda.revision, { op: 'add', item: values }),
      () => (item ? a.saved(item.number) : a.added(values.title)),
      (v) => (item ? item.id : added(v)),
    );
    if (saved) {
      if (!item) scrollTo.current = added(saved);
      setDialog(null);
    }
  };
  const closeDialog = () => {
    setDialog(null);
    setConflictBase(null);
    action.clear();
  };

  const remove = async (item: AgendaItem) => {
    const removed = await edit(
      (v) => agenda.edit(v.agenda.revision, { op: 'remove', itemId: item.id }),
      () => a.removed(titles.item(item)),
    );
    if (removed) setConfirm(null);
  };

  const canCompile = can('agenda.compile') && COMPILABLE.includes(meeting.state);
  const dialogError = confirm !== null || dialog !== null ? action.error : null;
  const failure = { error: dialogError, errorTitle: changes.conflict ? a.conflict : undefined };
  const incomplete = confirm?.kind === 'incomplete' ? confirm.counts : null;

  return (
    <section aria-labelledby="agenda-heading" className={ws.view}>
      <DocumentHeader
        headingId="agenda-heading"
        heading={a.heading}
        status={
          version
            ? {
                label: a.statuses[version.status],
                color: version.status === 'published' ? 'success' : version.status === 'draft' ? 'warning' : 'subtle',
                version: a.version(version.version, version.agenda.revision),
              }
            : null
        }
      >
        <RefreshControl resource={agenda} />
        {version?.file && (
          <DocumentLink file={version.file} webUrl={version.fileUrl} label={a.download} onError={setDownloadError} />
        )}
        {version?.addendumFile && (
          <DocumentLink
            file={version.addendumFile}
            webUrl={version.addendumFileUrl}
            label={a.downloadAddendum}
            onError={setDownloadError}
          />
        )}
        {editable && (
          <Button
            icon={<Add20Regular />}
            onClick={() => {
              action.clear();
              remember();
              setDialog({ item: null });
            }}
          >
            {a.add}
          </Button>
        )}
        {version && canCompile && (
          <RecompileButton
            action={action}
            label={a.recompile}
            onClick={() => {
              remember();
              setConfirm({ kind: 'recompile' });
            }}
          />
        )}
        {publishable && (
          <FinishButton
            action={action}
            busyKey="publish"
            label={a.publish}
            busyLabel={a.publishing}
            onClick={() => {
              remember();
              setConfirm({ kind: 'publish' });
            }}
          />
        )}
      </DocumentHeader>

      <DocumentMessages
        changes={changes}
        document={agenda}
        text={a}
        errorShownElsewhere={confirm !== null || dialog !== null}
        noticeShownElsewhere={placed !== null}
      />
      {conflictChanges && dialog === null && confirm === null && <ConflictNote changed={changedText} kept={false} />}

      {version?.outOfDate && version.status === 'draft' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{a.outOfDate.title}</MessageBarTitle>
            {can('agenda.compile') ? a.outOfDate.staff : a.outOfDate.reader}
          </MessageBarBody>
        </MessageBar>
      )}

      {version === null && (
        <EmptyDocument text={a} canCompile={canCompile} action={action} onCompile={() => void compile(false)} />
      )}

      {version && (
        <>
          <AgendaSummary agenda={version.agenda} warnings={can('agenda.edit')} />
          <AgendaDocument agenda={version.agenda} controls={controls} />
        </>
      )}

      {dialog && (
        <ItemDialog
          key={dialog.item?.id ?? 'new'}
          item={dialog.item}
          open
          busy={action.busy === 'edit'}
          {...failure}
          notice={conflictChanges ? <ConflictNote changed={changedText} kept /> : undefined}
          onSave={(values) => void save(values)}
          onClose={closeDialog}
        />
      )}
      <ConfirmDialog
        open={confirm?.kind === 'publish'}
        title={a.publishConfirm.title}
        body={a.publishConfirm.body}
        confirmLabel={a.publish}
        busy={action.busy === 'publish'}
        busyLabel={a.publishing}
        {...failure}
        onConfirm={() => void publish()}
        onCancel={closeConfirm}
      />
      <ConfirmDialog
        open={confirm?.kind === 'recompile'}
        title={a.recompileConfirm.title}
        body={version?.status === 'draft' ? a.recompileConfirm.draft : a.recompileConfirm.published}
        confirmLabel={a.recompile}
        busy={action.busy === 'compile'}
        busyLabel={a.compiling}
        {...failure}
        onConfirm={() => void compile(false)}
        onCancel={closeConfirm}
      />
      <ConfirmDialog
        open={incomplete !== null}
        title={a.incomplete.title}
        body={
          incomplete
            ? [
                a.incomplete.missing(incomplete.missing, incomplete.expected),
                (incomplete.state ?? meeting.state) === 'scheduled'
                  ? a.incomplete.notOpened
                  : a.incomplete.open(
                      formatInstant(incomplete.closesAt ?? meeting.collection.closesAt, meeting.timeZone, intlTag),
                    ),
                a.incomplete.question,
              ].join(' ')
            : ''
        }
        confirmLabel={a.incomplete.confirm}
        busy={action.busy === 'compile'}
        busyLabel={a.compiling}
        {...failure}
        onConfirm={() => void compile(true)}
        onCancel={closeConfirm}
      />
      <ConfirmDialog
        open={confirm?.kind === 'remove'}
        title={confirm?.kind === 'remove' ? a.removeConfirm.title(confirm.item.number) : ''}
        body={confirm?.kind === 'remove' ? a.removeConfirm.body(titles.item(confirm.item)) : ''}
        confirmLabel={a.removeConfirm.confirm}
        busy={action.busy === 'edit'}
        {...failure}
        onConfirm={() => {
          if (confirm?.kind === 'remove') void remove(confirm.item);
        }}
        onCancel={closeConfirm}
      />
    </section>
  );
}
