/** What an agenda item holds, by kind: follow-up actions, escalations, topic updates, events, next meeting. */
import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AgendaItem, SectorId } from '../../api';
import { formatDate, formatDateRange, formatInstant, formatRange, inLocale } from '../../common/format';
import { useDisplayTitles, useI18n } from '../../i18n';
import { useWorkspaceStyles } from '../workspace.styles';
import { useAgendaDocumentStyles } from './AgendaDocument.styles';
import type { DragReorder } from './useDragReorder';

type ItemOf<K extends AgendaItem['kind']> = Extract<AgendaItem, { kind: K }>;
type TopicContent = Pick<ItemOf<'topic-updates'>, 'sections' | 'noChange' | 'noUpdate'>;
type Gaps = Pick<ItemOf<'topic-updates'>['sections'][number], 'missingSectors' | 'lateSectors' | 'vacantSectors'> & {
  noChangeSectors: SectorId[];
};

/** How a draft's sub-items (4.1, 4.2 …) are moved: buttons and a drag handle beside each, each a drop target. */
export interface SubItemControls {
  drag: DragReorder;
  /** The move buttons and drag handle of the sub-item at `position` (1-based) of `count`, titled `title`. */
  render(position: number, count: number, title: string): ReactNode;
}

/** The body of one agenda item under its heading; `subControls` (a draft, seen by staff) lets sub-items move. */
export function AgendaItemContent({
  item,
  headingLevel,
  subControls,
}: {
  item: AgendaItem;
  headingLevel: 4 | 5;
  subControls?: SubItemControls;
}) {
  switch (item.kind) {
    case 'actions':
      return <ActionsContent item={item} />;
    case 'escalations':
      return <EscalationsContent item={item} />;
    case 'topic-updates':
    case 'jiu':
      return (
        <TopicsContent
          number={item.number}
          content={item}
          headingLevel={headingLevel === 4 ? 5 : 6}
          subControls={subControls}
        />
      );
    case 'events':
      return <EventsContent item={item} />;
    case 'next-meeting':
      return <NextMeetingContent item={item} />;
    default:
      return null;
  }
}

function DocTable({ label, headers, children }: { label: string; headers: string[]; children: ReactNode }) {
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  return (
    <div className={ws.scroller}>
      <Table aria-label={label} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            {headers.map((h) => (
              <TableHeaderCell key={h} className={ws.headerCell}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  const styles = useAgendaDocumentStyles();
  return (
    <Caption1 as="p" className={styles.empty}>
      {children}
    </Caption1>
  );
}

function ActionsContent({ item }: { item: ItemOf<'actions'> }) {
  const { t, locale, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const a = t.workspace.agenda.actions;
  const previous = item.previousMeeting;
  return (
    <>
      {previous && (
        <Caption1 as="p" className={ws.muted}>
          {a.from(`${previous.body} ${previous.number}`, formatDate(previous.start.slice(0, 10), intlTag))}
        </Caption1>
      )}
      {item.actions.length === 0 ? (
        <Empty>{a.none}</Empty>
      ) : (
        <DocTable label={a.tableLabel(item.number)} headers={[a.action, a.topic, a.owner, a.due, a.status]}>
          {item.actions.map((action) => (
            <TableRow key={action.actionId}>
              <TableCell className={ws.cell}>
                <bdi>{action.text}</bdi>
              </TableCell>
              <TableCell className={ws.cell}>{action.topicTitle ? inLocale(action.topicTitle, locale) : '—'}</TableCell>
              <TableCell className={ws.cell}>{action.ownerName ? <bdi>{action.ownerName}</bdi> : a.noOwner}</TableCell>
              <TableCell className={ws.cell}>{action.due ? formatDate(action.due, intlTag) : a.noDue}</TableCell>
              <TableCell className={ws.cell}>
                <Badge
                  appearance="tint"
                  color={
                    action.status === 'overdue'
                      ? 'danger'
                      : action.status === 'done'
                        ? 'success'
                        : action.status === 'dropped'
                          ? 'subtle'
                          : 'informative'
                  }
                >
                  {action.status === 'overdue' ? a.overdue(action.daysOverdue ?? 1) : a.statuses[action.status]}
                </Badge>
              </TableCell>
            </TableRow>
          ))}
        </DocTable>
      )}
    </>
  );
}

function EscalationsContent({ item }: { item: ItemOf<'escalations'> }) {
  const { t, locale } = useI18n();
  const ws = useWorkspaceStyles();
  const e = t.workspace.agenda.escalations;
  if (item.escalations.length === 0) return <Empty>{e.none}</Empty>;
  return (
    <DocTable label={e.tableLabel(item.number)} headers={[e.sector, e.topic, e.question, e.raisedBy]}>
      {item.escalations.map((entry) => (
        <TableRow key={entry.updateId}>
          <TableCell className={ws.cell}>
            <abbr title={t.sectors.names[entry.sector]}>{entry.sector}</abbr>
          </TableCell>
          <TableCell className={ws.cell}>{inLocale(entry.topicTitle, locale)}</TableCell>
          <TableCell className={ws.cell}>{entry.question ? <bdi>{entry.question}</bdi> : e.noQuestion}</TableCell>
          <TableCell className={ws.cell}>
            <bdi>{entry.authorName ?? entry.authorId}</bdi>
          </TableCell>
        </TableRow>
      ))}
    </DocTable>
  );
}

function GapLines({ gaps }: { gaps: Gaps }) {
  const { t } = useI18n();
  const styles = useAgendaDocumentStyles();
  const g = t.workspace.agenda.topics;
  const lines: [string, SectorId[]][] = [
    [g.noChange, gaps.noChangeSectors],
    [g.missing, gaps.missingSectors],
    [g.late, gaps.lateSectors],
    [g.vacant, gaps.vacantSectors],
  ];
  const shown = lines.filter(([, sectors]) => sectors.length > 0);
  if (shown.length === 0) return null;
  return (
    <ul className={styles.gaps}>
      {shown.map(([label, sectors]) => (
        <li key={label}>
          <span className={styles.gapLabel}>{label}:</span>
          {sectors.join(', ')}
        </li>
      ))}
    </ul>
  );
}

function TopicsContent({
  number,
  content,
  headingLevel,
  subControls,
}: {
  number: number;
  content: TopicContent;
  headingLevel: 5 | 6;
  subControls?: SubItemControls;
}) {
  const { t, locale, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();
  const g = t.workspace.agenda.topics;
  const Heading = headingLevel === 5 ? 'h5' : 'h6';
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sectorsOf = (line: TopicContent['noUpdate'][number]) =>
    [
      line.missingSectors.length ? `${g.missing}: ${line.missingSectors.join(', ')}` : '',
      line.lateSectors.length ? `${g.late}: ${line.lateSectors.join(', ')}` : '',
      line.vacantSectors.length ? `${g.vacant}: ${line.vacantSectors.join(', ')}` : '',
      line.noChangeSectors.length ? `${g.noChange}: ${line.noChangeSectors.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');

  if (content.sections.length + content.noChange.length + content.noUpdate.length === 0) {
    return <Empty>{g.none}</Empty>;
  }
  return (
    <>
      {content.sections.map((section, i) => {
        const title = inLocale(section.topicTitle, locale);
        return (
          <div
            key={section.topicId}
            className={mergeClasses(styles.section, subControls?.drag.isOver(i + 1) && styles.dropTarget)}
            {...subControls?.drag.target(i + 1)}
          >
            <div className={styles.subHeader}>
              <Heading className={styles.subHeading}>
                <span className={styles.number}>{`${number}.${i + 1}`}</span> <span>{title}</span>
              </Heading>
              {subControls?.render(i + 1, content.sections.length, title)}
            </div>
            {section.leadSector && (
              <Caption1 className={ws.muted}>
                {g.lead}: {t.sectors.names[section.leadSector]}
              </Caption1>
            )}
            {section.reports.length > 0 && (
              <DocTable label={g.reportsLabel(title)} headers={[g.sector, g.progress, g.nextSteps, g.by]}>
                {section.reports.map((report) => (
                  <TableRow key={report.updateId}>
                    <TableCell className={ws.cell}>
                      <abbr title={t.sectors.names[report.sector]}>{report.sector}</abbr>
                      {report.escalated && (
                        <>
                          {' '}
                          <Badge appearance="tint" color="danger" size="small">
                            {g.escalated}
                          </Badge>
                        </>
                      )}
                    </TableCell>
                    <TableCell className={ws.cell}>
                      <p className={ws.preserve}>
                        <bdi>{report.progress || '—'}</bdi>
                      </p>
                    </TableCell>
                    <TableCell className={ws.cell}>
                      <p className={ws.preserve}>
                        <bdi>{report.nextSteps || '—'}</bdi>
                      </p>
                    </TableCell>
                    <TableCell className={ws.cell}>
                      <bdi>{report.authorName ?? report.authorId}</bdi>
                      <br />
                      <Caption1 className={ws.muted}>{formatInstant(report.submittedAt, zone, intlTag)}</Caption1>
                    </TableCell>
                  </TableRow>
                ))}
              </DocTable>
            )}
            <GapLines gaps={section} />
          </div>
        );
      })}
      {content.noChange.length > 0 && (
        <div className={styles.section}>
          <Heading className={styles.subHeading}>{g.noChangeHeading}</Heading>
          <ul className={styles.lines}>
            {content.noChange.map((line) => (
              <li key={line.topicId}>
                {inLocale(line.topicTitle, locale)}{' '}
                <span className={styles.lineSectors}>({line.noChangeSectors.join(', ')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {content.noUpdate.length > 0 && (
        <div className={styles.section}>
          <Heading className={styles.subHeading}>{g.noUpdateHeading}</Heading>
          <ul className={styles.lines}>
            {content.noUpdate.map((line) => (
              <li key={line.topicId}>
                {inLocale(line.topicTitle, locale)} <span className={styles.lineSectors}>({sectorsOf(line)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function EventsContent({ item }: { item: ItemOf<'events'> }) {
  const { t, locale, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const ws = useWorkspaceStyles();
  const e = t.workspace.agenda.events;
  if (item.events.length === 0) return <Empty>{e.none}</Empty>;
  return (
    <>
      {item.overlaps.map((overlap) => (
        <MessageBar key={overlap.id} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{e.whoRepresents}</MessageBarTitle>
            {e.overlap(
              overlap.sectors.join(', '),
              overlap.name,
              formatDateRange(overlap.start, overlap.end, intlTag),
              e.reasons[overlap.reason],
            )}
          </MessageBarBody>
        </MessageBar>
      ))}
      <DocTable
        label={e.tableLabel(item.number)}
        headers={[e.event, e.dates, e.place, e.sector, e.topic, e.participants]}
      >
        {item.events.map((event) => (
          <TableRow key={event.key}>
            <TableCell className={ws.cell}>
              <bdi>{event.name}</bdi>
              {event.overlapId && (
                <>
                  {' '}
                  <Badge appearance="tint" color="warning" size="small">
                    {e.overlapBadge}
                  </Badge>
                </>
              )}
            </TableCell>
            <TableCell className={ws.cell}>{formatDateRange(event.start, event.end, intlTag)}</TableCell>
            <TableCell className={ws.cell}>
              <bdi>{event.place ? titles.place(event.place) : '—'}</bdi>
            </TableCell>
            <TableCell className={ws.cell}>
              <abbr title={t.sectors.names[event.sector]}>{event.sector}</abbr>
            </TableCell>
            <TableCell className={ws.cell}>{inLocale(event.topicTitle, locale)}</TableCell>
            <TableCell className={ws.cell}>{event.participants}</TableCell>
          </TableRow>
        ))}
      </DocTable>
    </>
  );
}

function NextMeetingContent({ item }: { item: ItemOf<'next-meeting'> }) {
  const { t, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const next = item.next;
  if (!next) return <Empty>{t.workspace.agenda.nextMeeting.none}</Empty>;
  return (
    <p>
      <strong>{`${next.body} ${next.number}`}</strong>
      {' · '}
      {formatRange(next.start, next.end, next.timeZone, intlTag)}
      {next.place && (
        <>
          {' · '}
          <bdi>{titles.place(next.place)}</bdi>
        </>
      )}
    </p>
  );
}
