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
} from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { Minutes, MinutesItem } from '../../api';
import { formatDate, inLocale } from '../../common/format';
import { useI18n } from '../../i18n';
import { useAgendaDocumentStyles } from '../agenda/AgendaDocument.styles';
import { DocumentPage } from '../document/DocumentPage';
import { useWorkspaceStyles } from '../workspace.styles';
import type { EditableEntry } from './review';

/** What a draft's entry controls ask for (staff only). */
export interface EntryControls {
  busy: boolean;
  onEdit(entry: EditableEntry): void;
  onRemove(entry: EditableEntry): void;
}

/** Renders `minutes`; with `controls` each decision, action and escalation can be edited or removed. */
export function MinutesDocument({ minutes, controls }: { minutes: Minutes; controls: EntryControls | null }) {
  const { t } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const m = t.workspace.minutes;

  return (
    <DocumentPage meeting={minutes.meeting} kind={m.documentKind} documentLabel={m.documentLabel}>
      <section aria-labelledby="minutes-attendance" className={styles.item}>
        <h4 id="minutes-attendance" className={styles.itemHeading}>
          {m.attendance.heading}
        </h4>
        {minutes.attendance.length === 0 ? (
          <Caption1 as="p" className={styles.empty}>
            {m.attendance.none}
          </Caption1>
        ) : (
          <div className={ws.scroller}>
            <Table aria-label={m.attendance.heading} size="small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  {[m.attendance.name, m.attendance.jobTitle, m.attendance.sector, m.attendance.role].map((h) => (
                    <TableHeaderCell key={h} className={ws.headerCell}>
                      {h}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {minutes.attendance.map((person, i) => (
                  <TableRow key={person.personId ?? `${person.name}-${i}`}>
                    <TableCell className={ws.cell}>
                      <bdi>{person.name}</bdi>
                    </TableCell>
                    <TableCell className={ws.cell}>
                      <bdi>{person.jobTitle || '—'}</bdi>
                    </TableCell>
                    <TableCell className={ws.cell}>{person.sector ?? '—'}</TableCell>
                    <TableCell className={ws.cell}>
                      {person.chair
                        ? m.attendance.chair
                        : person.observer
                          ? m.attendance.observer
                          : m.attendance.member}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

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
  label: { edit: string; remove: string };
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
          {t.workspace.minutes.problems[p as keyof typeof t.workspace.minutes.problems] ?? p}
        </Badge>
      ))}
    </span>
  );
}

function MinutesItemBlock({ item, controls }: { item: MinutesItem; controls: EntryControls | null }) {
  const { t, locale, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const m = t.workspace.minutes;
  const empty =
    item.presented.length +
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
                  <bdi>{entry.entry.text}</bdi> <Problems problems={entry.entry.problems} />
                </span>
                <EntryButtons
                  label={{ edit: names.edit(i + 1, item.number), remove: names.remove(i + 1, item.number) }}
                  entry={entry}
                  controls={controls}
                />
              </span>
            </li>
          ))}
        </ol>
      </Part>
    );

  return (
    <li className={styles.item}>
      <h4 className={styles.itemHeading}>
        <span className={styles.number}>{`${item.number}.`}</span> <bdi>{item.title}</bdi>
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
