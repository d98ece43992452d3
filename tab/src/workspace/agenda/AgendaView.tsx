/** The Agenda view: compile, reorder and edit the draft, publish it, download the .docx; read-only for members. */
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
import { Add20Regular, ArrowClockwise20Regular, Checkmark20Regular, Compose20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { ApiError, type AgendaItem, type AgendaVersion, type MeetingView } from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { DocumentLink } from '../../common/DocumentLink';
import { ErrorBar } from '../../common/ErrorBar';
import { usePermissions } from '../../common/roles';
import { useAction } from '../../common/useAction';
import { useI18n } from '../../i18n';
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
  const action = useAction();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [dialog, setDialog] = useState<{ item: AgendaItem | null } | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const a = t.workspace.agenda;
  const version = agenda.data;
  const draft = version?.status === 'draft';
  const conflict = action.error instanceof ApiError && action.error.code === 'store.conflict';

  // A moved item is re-rendered elsewhere in the list: keep focus on its button so Move up can be pressed again.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    document.getElementById(id)?.focus();
  }, [version]);

  /** Runs a change; a conflict (someone else edited) reloads the agenda so the reader sees the latest. */
  async function change(key: string, run: () => Promise<AgendaVersion>, notice: (v: AgendaVersion) => string | null) {
    const result = await action.run(key, run, notice);
    if (result === undefined) agenda.reload();
    return result;
  }

  const compile = async () => {
    setConfirm(null);
    if (await change('compile', agenda.compile, () => a.compiled)) onMeetingChanged();
  };
  const publish = async () => {
    setConfirm(null);
    if (await change('publish', agenda.publish, () => a.published)) onMeetingChanged();
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
      <div className={ws.headerRow}>
        <div className={ws.titleGroup}>
          <Subtitle1 as="h3" id="agenda-heading" className={ws.heading}>
            {a.heading}
          </Subtitle1>
          {version && (
            <>
              <Badge
                appearance="tint"
                color={version.status === 'published' ? 'success' : version.status === 'draft' ? 'warning' : 'subtle'}
              >
                {a.statuses[version.status]}
              </Badge>
              <Caption1 className={ws.muted}>{a.version(version.version, version.agenda.revision)}</Caption1>
            </>
          )}
        </div>
        <div className={ws.toolbar}>
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
            <Button
              icon={<ArrowClockwise20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirm('recompile')}
            >
              {a.recompile}
            </Button>
          )}
          {editable && (
            <Button
              appearance="primary"
              icon={<Checkmark20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirm('publish')}
            >
              {action.busy === 'publish' ? a.publishing : a.publish}
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
      {action.error !== null && <ErrorBar title={conflict ? a.conflict : t.workspace.notSaved} error={action.error} />}
      {downloadError !== null && <ErrorBar title={t.workspace.downloadError} error={downloadError} />}
      {agenda.error !== null && <ErrorBar title={a.loadError} error={agenda.error} onRetry={agenda.reload} />}
      {version === undefined && agenda.loading && <Spinner label={a.loading} />}

      {version === null && (
        <div className={ws.empty}>
          <Subtitle1 as="h4" className={ws.emptyHeading}>
            {a.empty.title}
          </Subtitle1>
          <Body1 as="p" className={ws.intro}>
            {canCompile ? a.empty.staff : a.empty.reader}
          </Body1>
          {canCompile && (
            <Button
              appearance="primary"
              icon={<Compose20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => void compile()}
            >
              {action.busy === 'compile' ? a.compiling : a.compile}
            </Button>
          )}
        </div>
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
