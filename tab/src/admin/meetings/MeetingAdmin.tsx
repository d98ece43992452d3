/** The meeting calendar for the secretariat: schedule, reschedule and cancel meetings, past ones kept as an archive. */
import { Badge, Button, Caption1, Field, Textarea } from '@fluentui/react-components';
import { CalendarAdd20Regular } from '@fluentui/react-icons/svg/calendar-add';
import { CalendarCancel20Regular } from '@fluentui/react-icons/svg/calendar-cancel';
import { CalendarEdit20Regular } from '@fluentui/react-icons/svg/calendar-edit';
import { useState } from 'react';
import { cancelMeeting, type MeetingView, type PersonView } from '../../api';
import { useSession } from '../../common/ApiContext';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { formatZonedRange, isolate } from '../../common/format';
import { useAction } from '../../common/useAction';
import type { Resource } from '../../common/useResource';
import { useDisplayTitles, useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { STATE_COLOURS, meetingName } from '../../meetings/meeting-display';
import { useAdminStyles } from '../admin.styles';
import { LoadState } from '../LoadState';
import { RecordTable } from '../RecordTable';
import { BEFORE_HELD } from '../schemas';
import { useEditing } from '../useEditing';
import { MeetingDialog } from './MeetingDialog';

type Editing = { kind: 'edit'; meeting: MeetingView | null } | { kind: 'cancel'; meeting: MeetingView };

/** The meetings table (newest first) with the schedule, reschedule and cancel dialogs. */
export function MeetingAdmin({
  meetings,
  people,
}: {
  meetings: Resource<MeetingView[]>;
  people: Resource<PersonView[]>;
}) {
  const { t, intlTag, dir } = useI18n();
  /** A meeting's name kept in its own order inside right-to-left sentences. */
  const nameOf = (meeting: MeetingView) => isolate(meetingName(meeting), dir) ?? meetingName(meeting);
  const titles = useDisplayTitles();
  const a = useAdminText();
  const ma = a.meetingAdmin;
  const styles = useAdminStyles();
  const { api } = useSession();
  const { editing, notice, close, done, ...edits } = useEditing<Editing>();
  const [reason, setReason] = useState('');
  const cancelling = useAction();
  const rows = [...(meetings.data ?? [])].sort((x, y) => y.start.localeCompare(x.start));

  const open = (next: Editing) => {
    setReason('');
    cancelling.clear();
    edits.open(next);
  };

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<CalendarAdd20Regular />}
          onClick={() => open({ kind: 'edit', meeting: null })}
        >
          {ma.schedule}
        </Button>
      </div>
      <div role="status" className={styles.status}>
        {notice}
      </div>
      <LoadState resource={meetings} />
      {meetings.data && (
        <RecordTable
          label={ma.tableLabel}
          rows={rows}
          rowKey={(meeting) => meeting.id}
          columns={[
            {
              header: ma.columns.meeting,
              cell: (meeting) => (
                <>
                  <strong>{meetingName(meeting)}</strong>
                  <br />
                  <Caption1 className={styles.muted}>{titles.meeting(meeting)}</Caption1>
                </>
              ),
            },
            {
              header: ma.columns.when,
              cell: (meeting) => formatZonedRange(meeting.start, meeting.end, meeting.timeZone, intlTag),
            },
            {
              header: ma.columns.place,
              cell: (meeting) =>
                [meeting.place, meeting.online === false ? null : ma.online].filter(Boolean).join(' · '),
            },
            {
              header: ma.columns.state,
              cell: (meeting) => (
                <Badge appearance="tint" color={STATE_COLOURS[meeting.state]}>
                  {t.meetings.states[meeting.state]}
                </Badge>
              ),
            },
            {
              header: ma.columns.manage,
              cell: (meeting) =>
                BEFORE_HELD.includes(meeting.state) && (
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<CalendarEdit20Regular />}
                      aria-label={ma.rescheduleLabel(meetingName(meeting))}
                      onClick={() => open({ kind: 'edit', meeting })}
                    >
                      {ma.reschedule}
                    </Button>
                    <Button
                      size="small"
                      icon={<CalendarCancel20Regular />}
                      aria-label={ma.cancelLabel(meetingName(meeting))}
                      onClick={() => open({ kind: 'cancel', meeting })}
                    >
                      {ma.cancel}
                    </Button>
                  </div>
                ),
            },
          ]}
        />
      )}
      {editing?.kind === 'edit' && (
        <MeetingDialog
          key={editing.meeting?.id ?? 'new'}
          meeting={editing.meeting}
          meetings={meetings.data ?? []}
          people={people.data ?? []}
          onClose={close}
          onScheduled={(answer) => {
            const name = nameOf(answer.meeting);
            done(answer.outcome === 'created' ? ma.scheduled(name) : ma.unchanged(name));
            meetings.reload();
          }}
          onMoved={(answer) => {
            const name = nameOf(answer.meeting);
            done(answer.outcome === 'moved' ? ma.moved(name, answer.told) : ma.edited(name));
            meetings.reload();
          }}
        />
      )}
      {editing?.kind === 'cancel' && (
        <ConfirmDialog
          open
          title={ma.cancelTitle(nameOf(editing.meeting))}
          body={ma.cancelBody}
          confirmLabel={ma.cancel}
          busy={cancelling.busy !== null}
          busyLabel={a.common.saving}
          error={cancelling.error}
          onCancel={close}
          onConfirm={() => {
            const meeting = editing.meeting;
            void cancelling
              .run('cancel', () => cancelMeeting(api, meeting.id, meeting.etag, { reason: reason.trim() }))
              .then((answer) => {
                if (!answer) return;
                done(ma.cancelled(nameOf(answer.meeting), answer.withdrawn, answer.told));
                meetings.reload();
              });
          }}
        >
          <Field label={ma.cancelReason}>
            <Textarea value={reason} rows={2} onChange={(_, data) => setReason(data.value)} />
          </Field>
        </ConfirmDialog>
      )}
    </div>
  );
}
