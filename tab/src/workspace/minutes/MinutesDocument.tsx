/** The minutes as a readable document: attendance, then per item what was presented, said, decided and assigned. */
import {
  Badge,
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { ArrowMove20Regular } from '@fluentui/react-icons/svg/arrow-move';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import type { ReactNode } from 'react';
import type { Minutes, MinutesFollowUp, MinutesItem, SectorId } from '../../api';
import { formatDate, inLocale } from '../../common/format';
import { useDisplayTitles, useI18n } from '../../i18n';
import { useAgendaDocumentStyles } from '../agenda/AgendaDocument.styles';
import { DocumentPage } from '../document/DocumentPage';
import { useWorkspaceStyles } from '../workspace.styles';
import { Attendance } from './Attendance';
import type { EditableEntry } from './review';

const useFollowUpStyles = makeStyles({
  narrow: { width: '4rem' },
  action: { width: '34%' },
});

/** What a draft's entry controls ask for (staff only). */
export interface EntryControls {
  busy: boolean;
  /** The outcome of the last change, shown beside the entry it concerns. */
  placed: { entryId: string; text: string } | null;
  onEdit(entry: EditableEntry): void;
  /** Files the entry under another agenda item. */
  onMove(entry: EditableEntry): void;
  onRemove(entry: EditableEntry): void;
  /** Sets what the meeting did with an action carried from an earlier meeting. */
  onFollowUp(followUp: MinutesFollowUp): void;
}

/** The outcome of the last change beside its entry (a live region, so a screen reader hears it too). */
function Placed({ entryId, controls }: { entryId: string; controls: EntryControls | null }) {
  const styles = useAgendaDocumentStyles();
  if (controls?.placed?.entryId !== entryId) return null;
  return (
    <p role="status" className={styles.placed}>
      {controls.placed.text}
    </p>
  );
}

/** Renders `minutes`; with `controls` each decision, action and escalation can be edited, moved or removed. */
export function MinutesDocument({ minutes, controls }: { minutes: Minutes; controls: EntryControls | null }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const m = t.workspace.minutes;

  return (
    <DocumentPage meeting={minutes.meeting} kind={m.documentKind} documentLabel={m.documentLabel}>
      <Attendance attendance={minutes.attendance} />

      <ol className={styles.items}>
        {minutes.items.map((item) => (
          <MinutesItemBlock key={item.id} item={item} controls={controls} />
        ))}
      </ol>

      <Caption1 as="p" className={ws.muted}>
        {m.stats(minutes.stats.messages)}
      </Caption1>
    </DocumentPage>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const styles = useAgendaDocumentStyles();
  return (
    <div className={styles.section}>
      <h5 className={styles.subHeading}>{title}</h5>
      {children}
    </div>
  );
}

function EntryButtons({
  label,
  entry,
  controls,
}: {
  label: { edit: string; move: string; remove: string };
  entry: EditableEntry;
  controls: EntryControls | null;
}) {
  const styles = useAgendaDocumentStyles();
  if (!controls) return null;
  const guard = (act: () => void) => () => {
    if (!controls.busy) act();
  };
  return (
    <span className={styles.itemControls}>
      <Tooltip content={label.edit} relationship="label">
        <Button
          size="small"
          appearance="subtle"
          icon={<Edit20Regular />}
          onClick={guard(() => controls.onEdit(entry))}
        />
      </Tooltip>
      <Tooltip content={label.move} relationship="label">
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowMove20Regular />}
          onClick={guard(() => controls.onMove(entry))}
        />
      </Tooltip>
      <Tooltip content={label.remove} relationship="label">
        <Button
          size="small"
          appearance="subtle"
          icon={<Delete20Regular />}
          onClick={guard(() => controls.onRemove(entry))}
        />
      </Tooltip>
    </span>
  );
}

function Problems({ problems }: { problems: readonly string[] }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  if (problems.length === 0) return null;
  return (
    <span className={ws.badges}>
      {problems.map((p) => (
        <Badge key={p} appearance="tint" color="warning" size="small">
          {(t.workspace.minutes.problems as Record<string, string>)[p] ?? p}
        </Badge>
      ))}
    </span>
  );
}

/** The open actions carried from earlier meetings, each with what this meeting did with it. */
function FollowUps({
  item,
  followUps,
  controls,
}: {
  item: number;
  followUps: MinutesFollowUp[];
  controls: EntryControls | null;
}) {
  const { t, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const columns = useFollowUpStyles();
  const m = t.workspace.minutes;
  const f = m.followUp;
  const date = (value: string | null) =>
    value ? formatDate(value, intlTag) : <span className={ws.muted}>{m.noDue}</span>;
  /** Each column's heading and, for the narrow ones, its width. */
  const headers: [string, string | undefined][] = [
    [f.number, columns.narrow],
    [m.columns.action, columns.action],
    [m.columns.owner, undefined],
    [m.columns.due, undefined],
    [f.outcome, undefined],
    ...(controls ? [[m.columns.edit, columns.narrow] satisfies [string, string]] : []),
  ];
  return (
    <Part title={f.heading}>
      <div className={ws.scroller}>
        <Table aria-label={f.tableLabel(item)} size="small" className={styles.table}>
          <TableHeader>
            <TableRow>
              {headers.map(([h, width]) => (
                <TableHeaderCell key={h} className={mergeClasses(ws.headerCell, width)}>
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {followUps.map((action) => (
              <TableRow key={action.actionId}>
                <TableCell className={ws.cell}>{action.number}</TableCell>
                <TableCell className={ws.cell}>
                  <bdi>{action.text}</bdi>
                </TableCell>
                <TableCell className={ws.cell}>
                  {action.ownerName ? <bdi>{action.ownerName}</bdi> : <span className={ws.muted}>{m.noOwner}</span>}
                </TableCell>
                <TableCell className={ws.cell}>{date(action.due)}</TableCell>
                <TableCell className={ws.cell}>
                  <Badge
                    appearance="tint"
                    color={
                      action.outcome === 'closed' ? 'success' : action.outcome === 'new-due' ? 'warning' : 'informative'
                    }
                  >
                    {action.outcome === 'new-due' && action.newDue
                      ? f.newDue(formatDate(action.newDue, intlTag))
                      : f.outcomes[action.outcome]}
                  </Badge>
                </TableCell>
                {controls && (
                  <TableCell className={ws.cell}>
                    <Tooltip content={f.set(action.number)} relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<Edit20Regular />}
                        onClick={() => {
                          if (!controls.busy) controls.onFollowUp(action);
                        }}
                      />
                    </Tooltip>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Part>
  );
}

/** The sector an escalation concerns ("BDT: …"); nothing when unknown (a review note then asks to confirm it). */
function SectorTag({ sector }: { sector: SectorId | null }) {
  const { t } = useI18n();
  if (!sector) return null;
  return (
    <>
      <abbr title={t.sectors.names[sector]}>{sector}</abbr>
      {': '}
    </>
  );
}

function MinutesItemBlock({ item, controls }: { item: MinutesItem; controls: EntryControls | null }) {
  const { t, locale, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const m = t.workspace.minutes;
  const { followUps } = item;
  const empty =
    item.presented.length +
      followUps.length +
      item.discussion.length +
      item.decisions.length +
      item.actions.length +
      item.escalations.length ===
    0;
  /** The decisions or escalations of the item, each with its Edit / Remove buttons; nothing when there are none. */
  const entryPart = (title: string, entries: EditableEntry[], names: typeof m.decisionControls) =>
    entries.length > 0 && (
      <Part title={title}>
        <ol className={ws.plainList}>
          {entries.map((entry, i) => (
            <li key={entry.entry.id}>
              <span className={styles.itemHeader}>
                <span>
                  {entry.kind === 'escalation' && <SectorTag sector={entry.entry.sector} />}
                  <bdi>{entry.entry.text}</bdi> <Problems problems={entry.entry.problems} />
                </span>
                <EntryButtons
                  label={{
                    edit: names.edit(i + 1, item.number),
                    move: names.move(i + 1, item.number),
                    remove: names.remove(i + 1, item.number),
                  }}
                  entry={entry}
                  controls={controls}
                />
              </span>
              <Placed entryId={entry.entry.id} controls={controls} />
            </li>
          ))}
        </ol>
      </Part>
    );

  return (
    <li className={styles.item}>
      <h4 className={styles.itemHeading}>
        <span className={styles.number}>{`${item.number}.`}</span> <bdi>{titles.item(item)}</bdi>
      </h4>
      {empty && (
        <Caption1 as="p" className={styles.empty}>
          {m.nothing}
        </Caption1>
      )}
      {item.presented.length > 0 && (
        <Part title={m.presented}>
          <ul className={ws.plainList}>
            {item.presented.map((p) => (
              <li key={`${p.topicId}-${p.sector}`}>
                <strong>
                  {p.sector} · {inLocale(p.topicTitle, locale)}
                </strong>
                {p.late && (
                  <>
                    {' '}
                    <Badge appearance="tint" color="warning" size="small">
                      {m.late}
                    </Badge>
                  </>
                )}
                {': '}
                {item.kind === 'escalations' && p.question ? (
                  <bdi>{p.question}</bdi>
                ) : p.noChange ? (
                  m.noChange
                ) : (
                  <bdi>{p.progress}</bdi>
                )}
              </li>
            ))}
          </ul>
        </Part>
      )}
      {followUps.length > 0 && <FollowUps item={item.number} followUps={followUps} controls={controls} />}
      {item.discussion.length > 0 && (
        <Part title={m.discussion}>
          <ul className={ws.plainList}>
            {item.discussion.map((point) => (
              <li key={point.id}>
                <strong>
                  <bdi>{point.by.name}</bdi>:
                </strong>{' '}
                <bdi>{point.text}</bdi>
              </li>
            ))}
            {item.discussionOmitted > 0 && <li className={ws.muted}>{m.omitted(item.discussionOmitted)}</li>}
          </ul>
        </Part>
      )}
      {entryPart(
        m.decisions,
        item.decisions.map((entry) => ({ kind: 'decision', item, entry })),
        m.decisionControls,
      )}
      {item.actions.length > 0 && (
        <Part title={m.actions}>
          <div className={ws.scroller}>
            <Table aria-label={m.actionsLabel(item.number)} size="small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  {[m.columns.action, m.columns.owner, m.columns.due, ...(controls ? [m.columns.edit] : [])].map(
                    (h) => (
                      <TableHeaderCell key={h} className={ws.headerCell}>
                        {h}
                      </TableHeaderCell>
                    ),
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {item.actions.map((action, i) => (
                  <TableRow key={action.id}>
                    <TableCell className={ws.cell}>
                      <bdi>{action.text}</bdi> <Problems problems={action.problems} />
                      <Placed entryId={action.id} controls={controls} />
                    </TableCell>
                    <TableCell className={ws.cell}>
                      {action.ownerName ? <bdi>{action.ownerName}</bdi> : <span className={ws.muted}>{m.noOwner}</span>}
                    </TableCell>
                    <TableCell className={ws.cell}>
                      {action.due ? (
                        formatDate(action.due, intlTag)
                      ) : (
                        <span className={ws.muted}>{action.dueText ?? m.noDue}</span>
                      )}
                    </TableCell>
                    {controls && (
                      <TableCell className={ws.cell}>
                        <EntryButtons
                          label={{
                            edit: m.actionControls.edit(i + 1, item.number),
                            move: m.actionControls.move(i + 1, item.number),
                            remove: m.actionControls.remove(i + 1, item.number),
                          }}
                          entry={{ kind: 'action', item, entry: action }}
                          controls={controls}
                        />
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </Part>
      )}
      {entryPart(
        m.escalations,
        item.escalations.map((entry) => ({ kind: 'escalation', item, entry })),
        m.escalationControls,
      )}
    </li>
  );
}
