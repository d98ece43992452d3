/** The Collection view: the window's dates, counts by status (which filter the table) and a row per topic × sector. */
import {
  Badge,
  Body1,
  Button,
  Caption1,
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
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { ArrowRepeatAll20Regular } from '@fluentui/react-icons/svg/arrow-repeat-all';
import { Send20Regular } from '@fluentui/react-icons/svg/send';
import { useState } from 'react';
import type { DeliveryReport, MeetingView, TrackerRowView, TrackerStatus, UndeliverablePerson } from '../../api';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { ErrorBar } from '../../common/ErrorBar';
import { formatInstant, inLocale } from '../../common/format';
import { usePermission } from '../../common/roles';
import { useAction } from '../../common/useAction';
import { useI18n } from '../../i18n';
import { meetingName } from '../../meetings/meeting-display';
import { useWorkspaceStyles } from '../workspace.styles';
import { DeliveryBar, type DeliveryOutcome } from './DeliveryBar';
import { TRACKER_COLOURS, TRACKER_STATUSES } from './tracker-display';
import { useTrackerStyles } from './TrackerView.styles';
import { slot, useTracker, type TrackerData } from './useTracker';

/** Meeting states in which the secretariat can re-open collection (after a compile). */
const REOPENABLE: MeetingView['state'][] = ['closed', 'agenda-draft'];

/** Who could not be reached, as the tracker's undeliverable rows say (one line per person). */
function undeliverablePeople(rows: TrackerRowView[]): UndeliverablePerson[] {
  const people = new Map<string, UndeliverablePerson>();
  for (const row of rows) {
    if (row.status !== 'undeliverable' || !row.personId || people.has(row.personId)) continue;
    people.set(row.personId, {
      personId: row.personId,
      name: row.personName ?? row.personId,
      reasonCode: row.reasonCode,
      reason: row.reason,
    });
  }
  return [...people.values()];
}

/** The tracker of a meeting; the secretariat opens (and re-opens) collection from here. */
export function TrackerView({ meeting, onMeetingChanged }: { meeting: MeetingView; onMeetingChanged: () => void }) {
  const { t, intlTag } = useI18n();
  const ws = useWorkspaceStyles();
  const styles = useTrackerStyles();
  const can = usePermission();
  const tracker = useTracker(meeting.id);
  const action = useAction();
  const [filter, setFilter] = useState<TrackerStatus | null>(null);
  const [confirming, setConfirming] = useState<'open' | 'reopen' | null>(null);
  const [sent, setSent] = useState<{ kind: 'opened' | 'reopened' | 'retried'; report: DeliveryReport } | null>(null);
  const tr = t.workspace.tracker;
  const data = tracker.data;
  const collection = data?.tracker.window ?? meeting.collection;

  const open = async (reopen: boolean) => {
    const result = await action.run(reopen ? 'reopen' : 'open', tracker.open);
    if (!result) return;
    setConfirming(null);
    setSent({ kind: reopen || result.reopened ? 'reopened' : 'opened', report: result });
    tracker.reload();
    onMeetingChanged();
  };
  const retry = async () => {
    const result = await action.run('retry', tracker.retryUndeliverable);
    if (!result) return;
    setSent({ kind: 'retried', report: result });
    tracker.reload();
  };
  const cancel = () => {
    setConfirming(null);
    action.clear();
  };

  const rows = data?.tracker.rows ?? [];
  // After a send, its report; otherwise the secretariat sees who the tracker says cannot be reached.
  const people = sent ? sent.report.undeliverablePeople : can('collection.retry') ? undeliverablePeople(rows) : [];
  const outcome: DeliveryOutcome = sent ? { kind: sent.kind, queued: sent.report.queued } : null;
  const canRetry = can('collection.retry') && meeting.state === 'open';

  return (
    <section aria-labelledby="tracker-heading" className={ws.view}>
      <div className={ws.headerRow}>
        <Subtitle1 as="h3" id="tracker-heading" className={ws.heading}>
          {tr.heading}
        </Subtitle1>
        <div className={ws.toolbar}>
          {can('collection.open') && meeting.state === 'scheduled' && (
            <Button
              appearance="primary"
              icon={<Send20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirming('open')}
            >
              {action.busy === 'open' ? tr.opening : tr.open}
            </Button>
          )}
          {can('collection.open') && REOPENABLE.includes(meeting.state) && (
            <Button
              icon={<ArrowRepeatAll20Regular />}
              disabledFocusable={action.busy !== null}
              onClick={() => setConfirming('reopen')}
            >
              {action.busy === 'reopen' ? tr.opening : tr.reopen}
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

      {action.error !== null && confirming === null && <ErrorBar title={tr.retryError} error={action.error} />}
      <DeliveryBar
        outcome={outcome}
        people={people}
        retry={canRetry ? { busy: action.busy === 'retry', onRetry: () => void retry() } : null}
      />
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
        open={confirming === 'open'}
        title={tr.confirmTitle}
        body={tr.confirmBody(meetingName(meeting))}
        confirmLabel={tr.open}
        busy={action.busy === 'open'}
        busyLabel={tr.opening}
        error={confirming === 'open' ? action.error : null}
        errorTitle={tr.openError}
        onConfirm={() => void open(false)}
        onCancel={cancel}
      />
      <ConfirmDialog
        open={confirming === 'reopen'}
        title={tr.reopenConfirm.title}
        body={tr.reopenConfirm.body(meetingName(meeting))}
        confirmLabel={tr.reopen}
        busy={action.busy === 'reopen'}
        busyLabel={tr.opening}
        error={confirming === 'reopen' ? action.error : null}
        errorTitle={tr.openError}
        onConfirm={() => void open(true)}
        onCancel={cancel}
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
                  ) : row.status === 'not-asked' ? (
                    <Caption1 className={ws.muted}>{tr.notAskedReason}</Caption1>
                  ) : row.status === 'pending' ? (
                    <Caption1 className={ws.muted}>{tr.pendingReason}</Caption1>
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
