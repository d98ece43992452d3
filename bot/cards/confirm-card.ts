import type { Locale, TabLinks } from '../../teams-app/domain';
import { directionOf, reasonText, t } from '../../teams-app/i18n';
import type { OpenResult } from '../../teams-app/services';
import type { Attachment } from '../activity';
import { adaptiveCard, meetingTitleText, openTabAction, plain, textBlock, type CardElement } from './card';

/** The card verbs of the steps that ask first or can be retried. */
export const CONFIRM_VERBS = {
  compileAgenda: 'agenda.compile-confirmed',
  approveMinutes: 'minutes.approve-confirmed',
  retryUndeliverable: 'collection.retry-undeliverable',
} as const;

function options(locale: Locale) {
  return { rtl: directionOf(locale) === 'rtl', lang: locale };
}

/** A question before a step that would lose something: the reason, and one button that goes ahead anyway. */
export function confirmCard(
  message: string,
  button: { title: string; verb: string; meetingId: string },
  locale: Locale,
): Attachment {
  return adaptiveCard(
    [textBlock(plain(message), { color: 'Warning' })],
    [
      {
        type: 'Action.Execute',
        title: button.title,
        verb: button.verb,
        data: { meetingId: button.meetingId },
      },
    ],
    options(locale),
  );
}

/**
 * What opening collection (or retrying) did, said honestly: how many prompts went out, and, as a warning,
 * who could not be reached and why, with a button to retry once they have installed the app; (given the tab's
 * links) a button to the meeting's tracker in the tab.
 */
export function deliveryCard(
  result: Omit<OpenResult, 'reopened'> & { reopened?: boolean },
  locale: Locale,
  tab?: TabLinks,
): Attachment {
  const meeting = meetingTitleText(result.meeting, locale);
  const tracker = tab
    ? [openTabAction(t('tab.openTracker', locale), tab, { view: 'tracker', meetingId: result.meeting.id })]
    : [];
  const body: CardElement[] = [
    textBlock(t(result.reopened ? 'open.reopened' : 'open.queued', locale, { meeting, queued: result.queued }), {
      color: result.undeliverable ? 'Default' : 'Good',
    }),
  ];
  if (!result.undeliverable) return adaptiveCard(body, tracker, options(locale));
  body.push(
    textBlock(t('delivery.warning', locale, { count: result.undeliverable }), { color: 'Warning', weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: result.undeliverablePeople
        .slice(0, 30)
        .map((p) => ({ title: plain(p.name), value: plain(reasonText(p, locale) ?? '') })),
    },
  );
  return adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: t('delivery.retry', locale),
        verb: CONFIRM_VERBS.retryUndeliverable,
        data: { meetingId: result.meeting.id },
      },
      ...tracker,
    ],
    options(locale),
  );
}
