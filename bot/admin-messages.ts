import { localized } from '../teams-app/domain';
import { t } from '../teams-app/i18n';
import type { AdminMessages, FollowUpMessages } from '../teams-app/services';
import { meetingTitleText, plain } from './cards/card';

/** The register administration's messages, in the reader's language, as plain activities. */
export const adminMessages: AdminMessages = {
  handoverReceived: (data, locale) => ({
    type: 'message',
    textFormat: 'markdown',
    text: t('handover.received', locale, {
      topic: plain(localized(data.topic.title, locale)),
      sector: data.sector,
      from: plain(data.from.name),
      meeting: meetingTitleText(data.meeting, locale),
    }),
  }),
  handoverGone: (data, locale) => ({
    type: 'message',
    textFormat: 'markdown',
    text: t('handover.gone', locale, {
      topic: plain(localized(data.topic.title, locale)),
      sector: data.sector,
      to: plain(data.to.name),
      meeting: meetingTitleText(data.meeting, locale),
    }),
  }),
  promptWithdrawn: (data, locale) => ({
    type: 'message',
    textFormat: 'markdown',
    text: t(data.reason === 'retired' ? 'handover.retired' : 'handover.vacated', locale, {
      topic: plain(localized(data.topic.title, locale)),
      sector: data.sector,
      meeting: meetingTitleText(data.meeting, locale),
    }),
  }),
};

/** The follow-up register's messages, in the reader's language, as plain activities. */
export const followUpMessages: FollowUpMessages = {
  actionAssigned: ({ action, by, meeting }, locale) => ({
    type: 'message',
    textFormat: 'markdown',
    text: t('action.assigned', locale, {
      by: plain(by.name),
      meeting: meeting ? meetingTitleText(meeting, locale) : '—',
      text: plain(action.text),
      due: action.due ?? t('action.noDue', locale),
    }),
  }),
};
