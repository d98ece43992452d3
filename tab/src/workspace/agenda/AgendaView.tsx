/** The Agenda view: compile, reorder and edit the draft, publish it, download the .docx; read-only for members. */
import { Button } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItem, AgendaVersion, MeetingView } from '../../api';
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
import { AgendaDocument, moveButtonId, type ItemControls } from './AgendaDocument';
import { AgendaSummary } from './AgendaSummary';
import { ItemDialog, type ItemValues } from './ItemDialog';
import { useAgenda } from './useAgenda';

/** Meeting states in which the agenda can still be (re)compiled. */
const COMPILABLE: MeetingView['state'][] = ['scheduled', 'open', 'closed', 'agenda-draft', 'agenda-published'];

type Confirm = 'publish' | 'recompile' | { remove: AgendaItem } | null;

/** The agenda of a meeting. */
export function AgendaView({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: () => void }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const { staff } = usePermissions();
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

  const compile = async () => {
    setConfirm(null);
    if (await change('compile', agenda.compile, () => a.compiled)) onMeetingChanged();
  };
  const publish = async () => {
    setConfirm(null);
    if (await change('publish', agenda.finish, () => a.published)) onMeetingChanged();
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
      () => a.moved(item.title, to),
    );
  };
  const editable = staff && draft;
  const controls: ItemControls | null = editable
    ? {
        busy: action.busy !== null,
        onMove: moveItem,
        onEdit: (item) => setDialog({ item }),
        onRemove: (item) => setConfirm({ remove: item }),
      }
    : null;

  const save = async (values: ItemValues) => {
    const item = dialog?.item ?? null;
    await edit(
      (v) =>
        item
          ? agenda.edit(v.agenda.revision, { op: 'edit', itemId: item.id, patch: values })
          : agenda.edit(v.agenda.revision, { op: 'add', item: values }),
      () => (item ? a.saved(item.number) : a.added(values.title)),
    );
    setDialog(null);
  };

  const remove = async (item: AgendaItem) => {
    setConfirm(null);
    await edit(
      (v) => agenda.edit(v.agenda.revision, { op: 'remove', itemId: item.id }),
      () => a.removed(item.title),
    );
  };

  const canCompile = staff && COMPILABLE.includes(meeting.state);

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
        {version?.file && <DocumentLink file={version.file} label={a.download} onError={setDownloadError} />}
        {version?.addendumFile && (
          <DocumentLink file={version.addendumFile} label={a.downloadAddendum} onError={setDownloadError} />
        )}
        {editable && (
          <Button icon={<Add20Regular />} onClick={() => setDialog({ item: null })}>
            {a.add}
          </Button>
        )}
        {version && canCompile && (
          <RecompileButton action={action} label={a.recompile} onClick={() => setConfirm('recompile')} />
        )}
        {editable && (
          <FinishButton
            action={action}
            busyKey="publish"
            label={a.publish}
            busyLabel={a.publishing}
            onClick={() => setConfirm('publish')}
          />
        )}
      </DocumentHeader>

      <DocumentMessages changes={changes} document={agenda} text={a} />

      {version === null && (
        <EmptyDocument text={a} canCompile={canCompile} action={action} onCompile={() => void compile()} />
      )}

      {version && (
        <>
          <AgendaSummary agenda={version.agenda} warnings={staff} />
          <AgendaDocument agenda={version.agenda} controls={controls} />
        </>
      )}

      {dialog && (
        <ItemDialog
          key={dialog.item?.id ?? 'new'}
          item={dialog.item}
          open
          busy={action.busy === 'edit'}
          onSave={(values) => void save(values)}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmDialog
        open={confirm === 'publish'}
        title={a.publishConfirm.title}
        body={a.publishConfirm.body}
        confirmLabel={a.publish}
        onConfirm={() => void publish()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'recompile'}
        title={a.recompileConfirm.title}
        body={version?.status === 'draft' ? a.recompileConfirm.draft : a.recompileConfirm.published}
        confirmLabel={a.recompile}
        onConfirm={() => void compile()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={typeof confirm === 'object' && confirm !== null}
        title={typeof confirm === 'object' && confirm ? a.removeConfirm.title(confirm.remove.number) : ''}
        body={typeof confirm === 'object' && confirm ? a.removeConfirm.body(confirm.remove.title) : ''}
        confirmLabel={a.removeConfirm.confirm}
        onConfirm={() => {
          if (typeof confirm === 'object' && confirm) void remove(confirm.remove);
        }}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
