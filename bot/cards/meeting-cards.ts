import { directionOf, t } from '../../teams-app/i18n';
import {
  itemTitle,
  meetingTitle,
  SECTORS,
  unresolvedNotes,
  type Agenda,
  type Attendee,
  type Locale,
  type Minutes,
  type MinutesFollowUp,
  type MinutesItem,
  type TabLinks,
} from '../../teams-app/domain';
import type { Attachment } from '../activity';
import { adaptiveCard, openTabAction, plain, textBlock, type CardElement } from './card';

/** Verbs of the agenda and minutes cards. */
export const MEETING_VERBS = {
  publishAgenda: 'agenda.publish',
  approveMinutes: 'minutes.approve',
  moveEntry: 'minutes.move-entry',
  acceptNotes: 'minutes.accept-notes',
} as const;

function options(locale: Locale) {
  return { rtl: directionOf(locale) === 'rtl', lang: locale };
}

/**
 * The draft (or published) agenda on a card: numbered items and the key counts; Approve for the chair, and a button
 * that opens the meeting's agenda in the tab.
 */
export function agendaCard(
  agenda: Agenda,
  version: number,
  locale: Locale,
  tab: TabLinks,
  published: boolean,
  documentUrl?: string,
): Attachment {
  const s = agenda.summary;
  const body: CardElement[] = [
    textBlock(
      t(published ? 'agenda.publishedTitle' : 'agenda.title', locale, {
        meeting: plain(meetingTitle(agenda.meeting, locale)),
      }),
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
  actions.push(
    openTabAction(t('agenda.editInTab', locale), tab, { view: 'agenda', meetingId: agenda.meeting.meetingId }),
  );
  return adaptiveCard(body, actions, options(locale));
}

/** Attendance by sector: who was present and who was absent, then the guests (not in the register). */
function attendanceLines(attendance: readonly Attendee[], locale: Locale): CardElement[] {
  const names = (list: readonly Attendee[]) => list.map((a) => plain(a.name)).join(', ');
  const lines: CardElement[] = [];
  for (const sector of SECTORS) {
    const members = attendance.filter((a) => a.sector === sector && !a.guest);
    if (members.length === 0) continue;
    const present = members.filter((a) => a.present);
    const absent = members.filter((a) => !a.present);
    const parts = [`**${sector}**`];
    if (present.length) parts.push(`${t('minutes.present', locale)}: ${names(present)}`);
    if (absent.length) parts.push(`${t('minutes.absent', locale)}: ${names(absent)}`);
    lines.push(textBlock(parts.join(' · '), { spacing: 'None' }));
  }
  const guests = attendance.filter((a) => a.guest || a.sector === null);
  if (guests.length) lines.push(textBlock(`**${t('minutes.guests', locale)}:** ${names(guests)}`, { spacing: 'None' }));
  return lines;
}

function outcomeText(followUp: MinutesFollowUp, locale: Locale): string {
  if (followUp.outcome === 'new-due' && followUp.newDue)
    return t('minutes.outcome.new-due', locale, { date: followUp.newDue });
  return t(followUp.outcome === 'closed' ? 'minutes.outcome.closed' : 'minutes.outcome.open', locale);
}

/** An item's entries, each labelled with the item it is filed under ("Item 4 · Decision: …"). */
function itemLines(item: MinutesItem, locale: Locale): CardElement[] {
  const under = t('minutes.item', locale, { item: item.number });
  const label = (kind: string) => `**${under} · ${kind}:**`;
  const lines: CardElement[] = [];
  for (const f of item.followUps) {
    const owner = f.ownerName ? ` (${plain(f.ownerName)})` : '';
    lines.push(
      textBlock(`**${under} · #${f.number}:** ${plain(f.text)}${owner} — ${outcomeText(f, locale)}`, {
        spacing: 'None',
        ...(f.outcome === 'open' ? { isSubtle: true } : {}),
      }),
    );
  }
  for (const d of item.decisions)
    lines.push(textBlock(`${label(t('minutes.decision', locale))} ${plain(d.text)}`, { spacing: 'None' }));
  for (const a of item.actions) {
    const owner = a.ownerName
      ? t('minutes.owner', locale, { owner: plain(a.ownerName) })
      : t('minutes.noOwner', locale);
    const due = a.due ? ` · ${t('minutes.due', locale, { date: a.due })}` : '';
    lines.push(
      textBlock(`${label(t('minutes.action', locale))} ${plain(a.text)} (${owner}${due})`, {
        spacing: 'None',
        ...(a.ownerName ? {} : { color: 'Warning' }),
      }),
    );
  }
  for (const e of item.escalations) {
    const sector = e.sector ?? t('minutes.sectorToConfirm', locale);
    lines.push(
      textBlock(`${label(t('minutes.escalation', locale))} ${plain(e.text)} (${sector})`, {
        spacing: 'None',
        color: e.sector ? 'Attention' : 'Warning',
      }),
    );
  }
  return lines;
}

/**
 * The draft (or approved) minutes on a card: attendance by sector (present, absent, guests), then per item the
 * follow-up outcomes, decisions, actions and escalations, each labelled with the item it is filed under; a button
 * opens the meeting's minutes in the tab.
 */
export function minutesCard(
  minutes: Minutes,
  locale: Locale,
  tab: TabLinks,
  approved: boolean,
  documentUrl?: string,
): Attachment {
  const st = minutes.stats;
  const body: CardElement[] = [
    textBlock(
      t(approved ? 'minutes.approvedTitle' : 'minutes.title', locale, {
        meeting: plain(meetingTitle(minutes.meeting, locale)),
      }),
      { size: 'Medium', weight: 'Bolder', style: 'heading' },
    ),
    textBlock(
      t('minutes.stats', locale, {
        attendees: minutes.attendance.filter((a) => a.present).length,
        decisions: st.decisions,
        actions: st.actions,
        escalations: st.escalations,
      }),
      { isSubtle: true, spacing: 'None' },
    ),
    ...attendanceLines(minutes.attendance, locale),
  ];
  const open = unresolvedNotes(minutes).length;
  if (open && !approved) body.push(textBlock(t('minutes.review', locale, { count: open }), { color: 'Warning' }));
  for (const item of minutes.items) {
    const lines = itemLines(item, locale);
    if (lines.length === 0) continue;
    const heading = `${item.number}. ${plain(itemTitle(item, locale))}`;
    body.push(textBlock(heading, { weight: 'Bolder', spacing: 'Medium' }), ...lines);
  }
  const actions: CardElement[] = [];
  if (!approved)
    actions.push(
      {
        type: 'Action.Execute',
        title: t('minutes.approve', locale),
        verb: MEETING_VERBS.approveMinutes,
        data: { meetingId: minutes.meeting.meetingId, revision: minutes.revision },
        style: 'positive',
      },
      ...reviewActions(minutes, locale),
    );
  if (documentUrl) actions.push({ type: 'Action.OpenUrl', title: t('minutes.download', locale), url: documentUrl });
  actions.push(
    openTabAction(t('agenda.editInTab', locale), tab, { view: 'minutes', meetingId: minutes.meeting.meetingId }),
  );
  return adaptiveCard(body, actions, options(locale));
}

/** A short one-line label for a choice (choice titles are plain text). */
function choiceTitle(text: string): string {
  const line = text
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The chair's review on the draft card: move a decision, action or escalation to another agenda item, and
 * accept review notes as they stand (each acceptance is recorded with who made it).
 */
function reviewActions(minutes: Minutes, locale: Locale): CardElement[] {
  const data = { meetingId: minutes.meeting.meetingId, revision: minutes.revision };
  const kinds = [
    ['decisions', 'minutes.decision'],
    ['actions', 'minutes.action'],
    ['escalations', 'minutes.escalation'],
  ] as const;
  const entries = minutes.items.flatMap((item) =>
    kinds.flatMap(([list, label]) =>
      item[list].map((e) => ({
        title: choiceTitle(`${item.number} · ${t(label, locale)}: ${e.text}`),
        value: e.id,
      })),
    ),
  );
  const cards: CardElement[] = [];
  if (entries.length)
    cards.push(
      showCard(
        t('minutes.moveEntry', locale),
        [
          choiceSet('entryId', t('minutes.moveWhich', locale), entries),
          choiceSet(
            'item',
            t('minutes.moveTo', locale),
            minutes.items.map((item) => ({
              title: choiceTitle(`${item.number}. ${itemTitle(item, locale)}`),
              value: String(item.number),
            })),
          ),
        ],
        { title: t('minutes.moveSubmit', locale), verb: MEETING_VERBS.moveEntry, data },
      ),
    );
  const notes = unresolvedNotes(minutes);
  if (notes.length)
    cards.push(
      showCard(
        t('minutes.acceptNotes', locale),
        [
          {
            ...choiceSet(
              'recordIds',
              t('minutes.acceptWhich', locale),
              notes.map((n) => ({ title: choiceTitle(n.raw), value: n.recordId })),
            ),
            isMultiSelect: true,
            style: 'expanded',
          },
        ],
        { title: t('minutes.acceptSubmit', locale), verb: MEETING_VERBS.acceptNotes, data },
      ),
    );
  return cards;
}

function choiceSet(id: string, label: string, choices: { title: string; value: string }[]): CardElement {
  return { type: 'Input.ChoiceSet', id, label, isRequired: true, choices };
}

function showCard(
  title: string,
  body: CardElement[],
  submit: { title: string; verb: string; data: Record<string, unknown> },
): CardElement {
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [{ type: 'Action.Execute', title: submit.title, verb: submit.verb, data: submit.data }],
    },
  };
}
