import { directionOf, t } from '../../teams-app/i18n';
import { itemTitle, type Agenda, type Locale, type Minutes } from '../../teams-app/domain';
import type { Attachment } from '../activity';
import { adaptiveCard, plain, textBlock, type CardElement } from './card';

/** Verbs of the agenda and minutes cards. */
export const MEETING_VERBS = { publishAgenda: 'agenda.publish', approveMinutes: 'minutes.approve' } as const;

function options(locale: Locale) {
  return { rtl: directionOf(locale) === 'rtl', lang: locale };
}

/** The draft (or published) agenda on a card: numbered items and the key counts; Approve for the chair. */
export function agendaCard(
  agenda: Agenda,
  version: number,
  locale: Locale,
  tabUrl: string,
  published: boolean,
  documentUrl?: string,
): Attachment {
  const s = agenda.summary;
  const body: CardElement[] = [
    textBlock(
      t(published ? 'agenda.publishedTitle' : 'agenda.title', locale, { meeting: plain(agenda.meeting.title) }),
      { size: 'Medium', weight: 'Bolder', style: 'heading' },
    ),
    textBlock(t('agenda.revision', locale, { version, revision: agenda.revision }), {
      isSubtle: true,
      spacing: 'None',
    }),
    textBlock(
      t('agenda.summary', locale, {
        received: s.received,
        expected: s.expectedReports,
        escalations: s.escalations,
        overlaps: s.overlaps,
        late: s.late,
      }),
      { spacing: 'Small' },
    ),
    {
      type: 'FactSet',
      facts: agenda.items.map((item) => ({ title: `${item.number}.`, value: plain(itemTitle(item, locale)) })),
    },
  ];
  const actions: CardElement[] = [];
  if (!published) {
    actions.push({
      type: 'Action.Execute',
      title: t('agenda.approve', locale),
      verb: MEETING_VERBS.publishAgenda,
      data: { meetingId: agenda.meeting.meetingId, revision: agenda.revision },
      style: 'positive',
    });
  }
  if (documentUrl) actions.push({ type: 'Action.OpenUrl', title: t('agenda.download', locale), url: documentUrl });
  actions.push({
    type: 'Action.OpenUrl',
    title: t('agenda.editInTab', locale),
    url: `${tabUrl}/?view=agenda&meeting=${encodeURIComponent(agenda.meeting.meetingId)}`,
  });
  return adaptiveCard(body, actions, options(locale));
}

/** The draft (or approved) minutes on a card: per item the decisions, actions and escalations. */
export function minutesCard(
  minutes: Minutes,
  locale: Locale,
  tabUrl: string,
  approved: boolean,
  documentUrl?: string,
): Attachment {
  const st = minutes.stats;
  const body: CardElement[] = [
    textBlock(
      t(approved ? 'minutes.approvedTitle' : 'minutes.title', locale, { meeting: plain(minutes.meeting.title) }),
      { size: 'Medium', weight: 'Bolder', style: 'heading' },
    ),
    textBlock(
      t('minutes.stats', locale, {
        attendees: minutes.attendance.length,
        decisions: st.decisions,
        actions: st.actions,
        escalations: st.escalations,
      }),
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  if (minutes.review.length && !approved)
    body.push(textBlock(t('minutes.review', locale, { count: minutes.review.length }), { color: 'Warning' }));
  for (const item of minutes.items) {
    const lines: CardElement[] = [];
    for (const d of item.decisions)
      lines.push(textBlock(`**${t('minutes.decision', locale)}:** ${plain(d.text)}`, { spacing: 'None' }));
    for (const a of item.actions) {
      const owner = a.ownerName
        ? t('minutes.owner', locale, { owner: plain(a.ownerName) })
        : t('minutes.noOwner', locale);
      const due = a.due ? ` · ${t('minutes.due', locale, { date: a.due })}` : '';
      lines.push(
        textBlock(`**${t('minutes.action', locale)}:** ${plain(a.text)} (${owner}${due})`, {
          spacing: 'None',
          ...(a.ownerName ? {} : { color: 'Warning' }),
        }),
      );
    }
    for (const e of item.escalations)
      lines.push(
        textBlock(`**${t('minutes.escalation', locale)}:** ${plain(e.text)}`, { spacing: 'None', color: 'Attention' }),
      );
    if (lines.length === 0) continue;
    body.push(textBlock(`${item.number}. ${plain(item.title)}`, { weight: 'Bolder', spacing: 'Medium' }), ...lines);
  }
  const actions: CardElement[] = [];
  if (!approved)
    actions.push({
      type: 'Action.Execute',
      title: t('minutes.approve', locale),
      verb: MEETING_VERBS.approveMinutes,
      data: { meetingId: minutes.meeting.meetingId, revision: minutes.revision },
      style: 'positive',
    });
  if (documentUrl) actions.push({ type: 'Action.OpenUrl', title: t('minutes.download', locale), url: documentUrl });
  actions.push({
    type: 'Action.OpenUrl',
    title: t('agenda.editInTab', locale),
    url: `${tabUrl}/?view=minutes&meeting=${encodeURIComponent(minutes.meeting.meetingId)}`,
  });
  return adaptiveCard(body, actions, options(locale));
}
