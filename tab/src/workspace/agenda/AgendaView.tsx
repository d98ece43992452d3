/** The Agenda view: compile, reorder and edit the draft, publish it, download the .docx; read-only for members. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItem, AgendaVersion, CollectionIncomplete, MeetingView } from '../../api';
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
import { AgendaDocument, moveButtonId, type ItemControls } from './AgendaDocument';
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
  const a = t.workspace.agenda;
  const version = agenda.data;
  const draft = version?.status === 'draft';

  // A moved item is re-rendered elsewhere in the list: keep focus on its button so Move up can be pressed again.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    document.getElementById(id)?.focus();
  }, [version]);

  const closeConfirm = () => {
    setConfirm(null);
    action.clear();
  };

  /**
   * Compiles; while updates are still missing the server asks for a confirmation first (with the counts), which
   * the dialog asks the reader for; `confirmed` sends it.
   */
  const compile = async (confirmed: boolean) => {
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
      setConfirm({ kind: 'incomplete', counts: outcome.counts });
      return;
    }
    setConfirm(null);
    onMeetingChanged();
  };
  const publish = async () => {
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
  const edit = (run: (v: AgendaVersion) => Promise<AgendaVersion>, notice: (v: AgendaVersion) => string | null) =>
    version ? change('edit', () => run(version), notice) : Promise.resolve(undefined);

  const moveItem = (item: AgendaItem, direction: 'up' | 'down') => {
    const to = direction === 'up' ? item.number - 1 : item.number + 1;
    const last = version ? version.agenda.items.length : 0;
    const stillThere = (direction === 'up' && to > 1) || (direction === 'down' && to < last);
    focusAfterMove.current = moveButtonId(item.id, stillThere ? direction : direction === 'up' ? 'down' : 'up');
    void edit(
      (v) => agenda.edit(v.agenda.revision, { op: 'move', from: item.number, to }),
      () => a.moved(titles.item(item), to),
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
        onEdit: (item) => {
          action.clear();
          setDialog({ item });
        },
        onRemove: (item) => setConfirm({ kind: 'remove', item }),
      }
    : null;

  const save = async (values: ItemValues) => {
    const item = dialog?.item ?? null;
    const saved = await edit(
      (v) =>
        item
          ? agenda.edit(v.agenda.revision, { op: 'edit', itemId: item.id, patch: values })
          : agenda.edit(v.agenda.revision, { op: 'add', item: values }),
      () => (item ? a.saved(item.number) : a.added(values.title)),
    );
    if (saved) setDialog(null);
  };
  const closeDialog = () => {
    setDialog(null);
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
              setDialog({ item: null });
            }}
          >
            {a.add}
          </Button>
        )}
        {version && canCompile && (
          <RecompileButton action={action} label={a.recompile} onClick={() => setConfirm({ kind: 'recompile' })} />
        )}
        {publishable && (
          <FinishButton
            action={action}
            busyKey="publish"
            label={a.publish}
            busyLabel={a.publishing}
            onClick={() => setConfirm({ kind: 'publish' })}
          />
        )}
      </DocumentHeader>

      <DocumentMessages
        changes={changes}
        document={agenda}
        text={a}
        errorShownElsewhere={confirm !== null || dialog !== null}
      />

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
