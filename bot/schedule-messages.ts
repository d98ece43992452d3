import { formatDateTime, t } from '../teams-app/i18n';
import { meetingTitle } from '../teams-app/domain';
import type { ScheduleMessages, ScheduleNotice } from '../teams-app/services';
import type { Locale } from '../teams-app/domain';
import { plain } from './cards/card';

function title(notice: ScheduleNotice, locale: Locale): string {
  return plain(meetingTitle(notice.meeting, locale));
}

/** Renders the meeting calendar's notices (a meeting moved or cancelled) as plain messages in the reader's language. */
export const scheduleMessages: ScheduleMessages = {
  moved: (notice, locale) => ({
    type: 'message',
    text: t('schedule.moved', locale, {
      meeting: title(notice, locale),
      date: formatDateTime(notice.meeting.start, locale, notice.person.timeZone),
      deadline: formatDateTime(notice.window.closesAt, locale, notice.person.timeZone),
    }),
  }),
  cancelled: (notice, locale) => {
    const text = t('schedule.cancelled', locale, {
      meeting: title(notice, locale),
      date: formatDateTime(notice.meeting.start, locale, notice.person.timeZone),
    });
    const reason = notice.reason ? `\n\n${t('schedule.reason', locale, { reason: plain(notice.reason) })}` : '';
    return { type: 'message', text: text + reason };
  },
};
