/** The Collection view: the window's dates, counts by status (which filter the table) and a row per topic × sector. */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  ToggleButton,
  mergeClasses,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { MeetingView, TrackerRowView, TrackerStatus } from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { ErrorBar } from '../../common/ErrorBar';
import { formatInstant, inLocale } from '../../common/format';
import { usePermissions } from '../../common/roles';
import { useAction } from '../../common/useAction';
import { useI18n } from '../../i18n';
import { meetingName } from '../../meetings/meeting-display';
import { useWorkspaceStyles } from '../workspace.styles';
import { TRACKER_COLOURS, TRACKER_STATUSES } from './tracker-display';
import { useTrackerStyles } from './TrackerView.styles';
import { slot, useTracker, type TrackerData } from './useTracker';

/** The tracker of a meeting; the secretariat opens collection from here. */
export function TrackerView({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: () => void }) {
  const { t, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useTrackerStyles();
  const { secretariat } = usePermissions();
  const tracker = useTracker(meeting.id);
  const action = useAction();
  const [filter, setFilter] = useState<TrackerStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const tr = t.workspace.tracker;
  const data = tracker.data;
  const collection = data?.tracker.window ?? meeting.collection;

  const openNow = async () => {
    setConfirming(false);
    const result = await action.run('open', tracker.open, (r) => tr.opened(r.queued, r.undeliverable));
    if (result) {
      tracker.reload();
      onMeetingChanged();
    }
  };

  return (
    <section aria-labelledby="tracker-heading" className={ws.view}>
      <div className={ws.headerRow}>
        <Subtitle1 as="h3" id="tracker-heading" className={ws.heading}>
          {tr.heading}
        </Subtitle1>
        <div className={ws.toolbar}>
          {secretariat && meeting.state === 'scheduled' && (
            <Button
              appearance="primary"
              icon={<Send20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirming(true)}
            >
              {action.busy === 'open' ? tr.opening : tr.open}
            </Button>
          )}
          <Button appearance="secondary" icon={<ArrowClockwise20Regular />} onClick={tracker.reload}>
            {tr.refresh}
          </Button>
        </div>
      </div>

      <div role="group" aria-label={t.meetings.collection} className={styles.window}>
        <dl className={ws.facts}>
          <div className={ws.fact}>
            <dt className={ws.term}>{t.meetings.opens}</dt>
            <dd className={ws.value}>{formatInstant(collection.opensAt, meeting.timeZone, intlTag)}</dd>
          </div>
          {collection.remindersAt.map((at, i) => (
            <div key={at} className={ws.fact}>
              <dt className={ws.term}>{tr.reminder(i + 1)}</dt>
              <dd className={ws.value}>{formatInstant(at, meeting.timeZone, intlTag)}</dd>
            </div>
          ))}
          <div className={ws.fact}>
            <dt className={ws.term}>{t.meetings.closes}</dt>
            <dd className={ws.value}>{formatInstant(collection.closesAt, meeting.timeZone, intlTag)}</dd>
          </div>
        </dl>
      </div>

      {action.error !== null && <ErrorBar title={tr.openError} error={action.error} />}
      {action.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{action.notice}</MessageBarBody>
        </MessageBar>
      )}
      {tracker.error !== null && <ErrorBar title={tr.loadError} error={tracker.error} onRetry={tracker.reload} />}
      {!data && tracker.loading && <Spinner label={tr.loading} />}

      {data && (
        <>
          <div role="group" aria-label={tr.filterLabel} className={styles.filters}>
            <ToggleButton checked={filter === null} onClick={() => setFilter(null)} shape="circular" size="small">
              {tr.all}
              <Badge appearance="tint" color="brand" className={styles.filterCount}>
                {data.tracker.rows.length}
              </Badge>
            </ToggleButton>
            {TRACKER_STATUSES.map((status) => (
              <ToggleButton
                key={status}
                checked={filter === status}
                onClick={() => setFilter(filter === status ? null : status)}
                shape="circular"
                size="small"
              >
                {tr.statuses[status]}
                <Badge appearance="tint" color={TRACKER_COLOURS[status]} className={styles.filterCount}>
                  {data.tracker.counts[status]}
                </Badge>
              </ToggleButton>
            ))}
          </div>
          <TrackerTable data={data} rows={data.tracker.rows.filter((r) => filter === null || r.status === filter)} />
        </>
      )}

      <ConfirmDialog
        open={confirming}
        title={tr.confirmTitle}
        body={tr.confirmBody(meetingName(meeting))}
        confirmLabel={tr.open}
        onConfirm={() => void openNow()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}

function TrackerTable({ data, rows }: { data: TrackerData; rows: TrackerRowView[] }) {
  const { t, locale, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useTrackerStyles();
  const tr = t.workspace.tracker;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  if (rows.length === 0) {
    return (
      <Body1 as="p" role="status">
        {tr.noRows}
      </Body1>
    );
  }

  return (
    <div className={ws.scroller}>
      <Table aria-label={tr.tableLabel} className={styles.table} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={mergeClasses(styles.topicColumn, ws.headerCell)}>
              {tr.columns.topic}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.sectorColumn, ws.headerCell)}>
              {tr.columns.sector}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.personColumn, ws.headerCell)}>
              {tr.columns.person}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.statusColumn, ws.headerCell)}>
              {tr.columns.status}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.detailsColumn, ws.headerCell)}>
              {tr.columns.details}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.answeredColumn, ws.headerCell)}>
              {tr.columns.answered}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const update = data.updates.get(slot(row.topicId, row.sector));
            return (
              <TableRow key={slot(row.topicId, row.sector)}>
                <TableCell className={ws.cell}>{inLocale(row.topicTitle, locale)}</TableCell>
                <TableCell className={ws.cell}>
                  <abbr title={t.sectors.names[row.sector]}>{row.sector}</abbr>
                </TableCell>
                <TableCell className={ws.cell}>
                  {row.personName ?? <span className={ws.muted}>{tr.nobody}</span>}
                </TableCell>
                <TableCell className={ws.cell}>
                  <Badge appearance="tint" color={TRACKER_COLOURS[row.status]}>
                    {tr.statuses[row.status]}
                  </Badge>
                </TableCell>
                <TableCell className={ws.cell}>
                  {row.status === 'vacant' ? (
                    <Caption1 className={ws.muted}>{tr.vacantReason}</Caption1>
                  ) : row.status === 'undeliverable' ? (
                    <Caption1>
                      <span className={ws.muted}>{tr.reason}: </span>
                      {row.reason ? <bdi>{row.reason}</bdi> : tr.unknownReason}
                    </Caption1>
                  ) : update?.noChange ? (
                    <Caption1>{tr.noChange}</Caption1>
                  ) : update ? (
                    <>
                      <Caption1 as="p" className={styles.clamp} title={update.progress}>
                        {update.progress ? <bdi>{update.progress}</bdi> : tr.noProgress}
                      </Caption1>
                      {update.escalation.flag && (
                        <Caption1 className={styles.escalation}>
                          {tr.escalated}: <bdi>{update.escalation.ask}</bdi>
                        </Caption1>
                      )}
                    </>
                  ) : (
                    <span className={ws.muted}>—</span>
                  )}
                </TableCell>
                <TableCell className={ws.cell}>
                  {row.at ? (
                    <Caption1>
                      {row.answeredByName ?? row.answeredById}
                      <br />
                      <span className={ws.muted}>{formatInstant(row.at, zone, intlTag)}</span>
                    </Caption1>
                  ) : (
                    <span className={ws.muted}>—</span>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
