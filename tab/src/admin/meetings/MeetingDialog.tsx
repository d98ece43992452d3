/**
 * Schedules a meeting (body, number, start and end in an IANA time zone, place, online, chair) or moves one; the
 * times are wall-clock times read in the meeting's zone, as the domain's request schemas take them.
 */
import { Caption1, Field, Input, Switch } from '@fluentui/react-components';
import { Select } from '../FitSelect';
import { useState } from 'react';
import {
  getMeeting,
  rescheduleMeeting,
  scheduleMeeting,
  type MeetingView,
  type PersonView,
  type RescheduleAnswer,
  type ScheduleAnswer,
} from '../../api';
import type { BodyId } from '../../../../teams-app/domain';
import { useSession } from '../../common/ApiContext';
import { viewerTimeZone } from '../../common/format';
import { useI18n } from '../../i18n';
import { useAdminText } from '../../i18n/admin/admin-text';
import { meetingName } from '../../meetings/meeting-display';
import { useAdminStyles } from '../admin.styles';
import { changedKeys, isConflict, issueMessages, messagesAt, type FieldErrors } from '../form-support';
import { SaveDialog } from '../SaveDialog';
import { activePeople } from '../labels';
import { RescheduleMeetingRequest, ScheduleMeetingRequest, localDateTimeOf } from '../schemas';

const BODIES: readonly BodyId[] = ['ISC-TF', 'ISCG', 'ISC-TF-SUB'];

interface MeetingForm {
  body: BodyId;
  number: string;
  title: string;
  start: string;
  end: string;
  timeZone: string;
  place: string;
  online: boolean;
  joinUrl: string;
  chairId: string;
}

/** A week from now at 09:30–12:30, as a first proposal. */
function nextWeek(hour: number): string {
  const date = new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10);
  return `${date}T${String(hour).padStart(2, '0')}:30`;
}

function formOf(meeting: MeetingView | null, nextNumber: (body: BodyId) => number): MeetingForm {
  if (!meeting) {
    return {
      body: 'ISC-TF',
      number: String(nextNumber('ISC-TF')),
      title: '',
      start: nextWeek(9),
      end: nextWeek(12),
      timeZone: viewerTimeZone(),
      place: '',
      online: true,
      joinUrl: '',
      chairId: '',
    };
  }
  return {
    body: meeting.body,
    number: String(meeting.number),
    title: meeting.title,
    start: localDateTimeOf(meeting.start, meeting.timeZone),
    end: localDateTimeOf(meeting.end, meeting.timeZone),
    timeZone: meeting.timeZone,
    place: meeting.place,
    online: meeting.online ?? true,
    joinUrl: meeting.joinUrl ?? '',
    chairId: meeting.chairId ?? '',
  };
}

/** The meeting dialog; `meeting` null schedules a new one. Mount it with a key per meeting. */
export function MeetingDialog({
  meeting,
  meetings,
  people,
  onScheduled,
  onMoved,
  onClose,
}: {
  meeting: MeetingView | null;
  meetings: readonly MeetingView[];
  people: readonly PersonView[];
  onScheduled: (answer: ScheduleAnswer) => void;
  onMoved: (answer: RescheduleAnswer) => void;
  onClose: () => void;
}) {
  const { intlTag } = useI18n();
  const a = useAdminText();
  const d = a.meetingAdmin.dialog;
  const styles = useAdminStyles();
  const { api } = useSession();
  const nextNumber = (body: BodyId) => Math.max(0, ...meetings.filter((m) => m.body === body).map((m) => m.number)) + 1;
  // The form as first shown: what a reschedule compares the user's input with.
  const [initial] = useState(() => formOf(meeting, nextNumber));
  const [form, setForm] = useState<MeetingForm>(initial);
  const [base, setBase] = useState<MeetingView | null>(meeting);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const set = <K extends keyof MeetingForm>(key: K, value: MeetingForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const labels: Record<string, string> = {
    title: d.title,
    start: d.start,
    end: d.end,
    timeZone: d.timeZone,
    place: d.place,
    online: d.online,
    joinUrl: d.joinUrl,
    chairId: d.chair,
    window: d.start,
  };

  const submit = async () => {
    const fields = {
      title: form.title.trim(),
      start: form.start,
      end: form.end,
      timeZone: form.timeZone.trim(),
      place: form.place.trim(),
      online: form.online,
      joinUrl: form.joinUrl.trim() || null,
      chairId: form.chairId || null,
    };
    const found: FieldErrors = {};
    let request: Record<string, unknown>;
    if (base) {
      const first = initial;
      const before: Record<string, unknown> = {
        title: first.title.trim(),
        start: first.start,
        end: first.end,
        timeZone: first.timeZone,
        place: first.place,
        online: first.online,
        joinUrl: first.joinUrl || null,
        chairId: first.chairId || null,
      };
      request = Object.fromEntries(
        Object.entries(fields).filter(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value)),
      );
      if (Object.keys(request).length === 0 && !conflict) {
        onClose();
        return;
      }
      const parsed = RescheduleMeetingRequest.safeParse(request);
      if (!parsed.success) Object.assign(found, issueMessages(parsed.error.issues, a));
    } else {
      request = { body: form.body, number: Number(form.number), ...fields };
      const parsed = ScheduleMeetingRequest.safeParse(request);
      if (!parsed.success) Object.assign(found, issueMessages(parsed.error.issues, a));
    }
    if (found.number) found.number = d.badNumber;
    if (found.timeZone) found.timeZone = a.common.badTimeZone;
    if (found.joinUrl) found.joinUrl = d.badUrl;
    if (found.start) found.start = a.common.badDate;
    if (found.end) found.end = a.common.badDate;
    if (!found.start && !found.end && form.end <= form.start) found.end = d.endBeforeStart;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      if (base) onMoved(await rescheduleMeeting(api, base.id, base.etag, request));
      else onScheduled(await scheduleMeeting(api, request as Parameters<typeof scheduleMeeting>[1]));
    } catch (failure) {
      if (base && isConflict(failure)) {
        try {
          const fresh = await getMeeting(api, base.id);
          setConflict(changedKeys(base, fresh).filter((key) => key !== 'collection'));
          setBase(fresh);
        } catch (readFailure) {
          setError(readFailure);
        }
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const at = messagesAt(errors, error, a);

  return (
    <SaveDialog
      title={meeting ? d.rescheduleTitle(meetingName(meeting)) : d.scheduleTitle}
      save={{ busy, error, conflict }}
      labels={labels}
      onSubmit={submit}
      onClose={onClose}
    >
      {!meeting && (
        <div className={styles.row}>
          <Field label={d.body}>
            <Select
              value={form.body}
              onChange={(_, data) => {
                const body = data.value as BodyId;
                setForm((f) => ({ ...f, body, number: String(nextNumber(body)) }));
              }}
            >
              {BODIES.map((body) => (
                <option key={body} value={body}>
                  {d.bodies[body]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={d.number} required validationMessage={at('number')}>
            <Input inputMode="numeric" value={form.number} onChange={(_, data) => set('number', data.value)} />
          </Field>
        </div>
      )}
      <Field label={d.title} hint={d.titleHint} validationMessage={at('title')}>
        <Input value={form.title} onChange={(_, data) => set('title', data.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={d.start} required validationMessage={at('start')}>
          <Input type="datetime-local" value={form.start} onChange={(_, data) => set('start', data.value)} />
        </Field>
        <Field label={d.end} required validationMessage={at('end')}>
          <Input type="datetime-local" value={form.end} onChange={(_, data) => set('end', data.value)} />
        </Field>
      </div>
      <Field label={d.timeZone} hint={d.timeZoneHint} required validationMessage={at('timeZone')}>
        <Input dir="ltr" value={form.timeZone} onChange={(_, data) => set('timeZone', data.value)} />
      </Field>
      <Field label={d.place} validationMessage={at('place')}>
        <Input value={form.place} onChange={(_, data) => set('place', data.value)} />
      </Field>
      <Switch label={d.online} checked={form.online} onChange={(_, data) => set('online', data.checked)} />
      <Field label={d.joinUrl} hint={d.joinHint} validationMessage={at('joinUrl')}>
        <Input type="url" dir="ltr" value={form.joinUrl} onChange={(_, data) => set('joinUrl', data.value)} />
      </Field>
      <Field label={d.chair}>
        <Select value={form.chairId} onChange={(_, data) => set('chairId', data.value)}>
          <option value="">{d.noChair}</option>
          {activePeople(people, intlTag).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      {base && <Caption1>{d.window(base.window.openDaysBefore, base.window.closeDaysBefore)}</Caption1>}
    </SaveDialog>
  );
}
