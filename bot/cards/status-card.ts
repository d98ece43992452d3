import { directionOf, formatDateTime, reasonText, t } from '../../teams-app/i18n';
import {
  isolateLtrRuns,
  localized,
  placeName,
  type Locale,
  tabLink,
  type StatusUpdate,
  type TabLinks,
  type TrackerView,
} from '../../teams-app/domain';
import type { DelegationNotice, PromptData, ReminderData } from '../../teams-app/services';
import type { Attachment } from '../activity';
import { adaptiveCard, meetingTitleText, openTabAction, plain, textBlock, type CardElement } from './card';

/** The verbs of the status card's Action.Execute buttons. */
export const VERBS = {
  submit: 'update.submit',
  noChange: 'update.noChange',
  delegate: 'update.delegate',
  edit: 'update.edit',
} as const;

/** What the user typed, shown again when the card comes back with an error. */
export interface DraftValues {
  progress?: string;
  nextSteps?: string;
  escalate?: boolean;
  ask?: string;
  eventName?: string;
  eventStart?: string;
  eventEnd?: string;
  eventPlace?: string;
}

/** A plain message's text as a reader of the language reads it: left-to-right runs isolated in Arabic. */
function forReader(text: string, locale: Locale): string {
  return directionOf(locale) === 'rtl' ? isolateLtrRuns(text) : text;
}

function options(locale: Locale) {
  return { rtl: directionOf(locale) === 'rtl', lang: locale };
}

function slotData(data: PromptData, baseRevision: number) {
  return { meetingId: data.meeting.id, topicId: data.topic.id, sector: data.sector, baseRevision };
}

/** The prompt's heading: meeting, topic and sector, the deadline (or lateness) and why this person is asked. */
function promptHeader(data: PromptData, locale: Locale): CardElement[] {
  const tz = data.person.timeZone;
  const date = formatDateTime(data.window.closesAt, locale, tz);
  const header: CardElement[] = [
    textBlock(t('prompt.title', locale, { meeting: meetingTitleText(data.meeting, locale) }), {
      size: 'Medium',
      weight: 'Bolder',
      style: 'heading',
    }),
    textBlock(t('prompt.topic', locale, { topic: plain(localized(data.topic.title, locale)), sector: data.sector }), {
      weight: 'Bolder',
      spacing: 'None',
    }),
    data.late
      ? textBlock(t('prompt.late', locale, { date }), { color: 'Warning' })
      : textBlock(t('prompt.due', locale, { date }), { isSubtle: true, spacing: 'None' }),
  ];
  if (data.reason === 'delegated') header.push(textBlock(t('prompt.delegated', locale), { isSubtle: true }));
  if (data.reason === 'alternate-out-of-office')
    header.push(textBlock(t('prompt.alternate', locale), { isSubtle: true }));
  return header;
}

/** The person's open actions (the first ten), overdue ones marked. */
function openActions(data: PromptData, locale: Locale): CardElement[] {
  if (!data.openActions.length) return [];
  const opened = data.window.opensAt.slice(0, 10);
  return [
    textBlock(t('prompt.actions', locale), { weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'FactSet',
      facts: data.openActions.slice(0, 10).map((a) => ({
        title: a.due ?? '—',
        value: `${plain(a.text)}${a.due && a.due < opened ? ` (${t('prompt.overdue', locale)})` : ''}`,
      })),
    },
  ];
}

/** What was reported last time (when this meeting has no update yet), or that there is nothing before. */
function previousUpdate(data: PromptData, locale: Locale): CardElement[] {
  if (data.current) return [];
  if (!data.previous) return [textBlock(t('prompt.noPrevious', locale), { isSubtle: true })];
  const date = formatDateTime(data.previous.submittedAt, locale, data.person.timeZone);
  return [
    textBlock(t('prompt.previous', locale, { date }), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(plain(data.previous.progress || '—'), { isSubtle: true, maxLines: 6 }),
  ];
}

/** Progress, next steps and the escalation, prefilled with what was typed, this update, or the previous one. */
function updateInputs(data: PromptData, locale: Locale, draft: DraftValues): CardElement[] {
  const source = data.current ?? data.previous;
  return [
    {
      type: 'Input.Text',
      id: 'progress',
      label: t('prompt.progress', locale),
      placeholder: t('prompt.progressPlaceholder', locale),
      isMultiline: true,
      maxLength: 4000,
      value: draft.progress ?? source?.progress ?? '',
    },
    {
      type: 'Input.Text',
      id: 'nextSteps',
      label: t('prompt.nextSteps', locale),
      isMultiline: true,
      maxLength: 2000,
      value: draft.nextSteps ?? source?.nextSteps ?? '',
    },
    {
      type: 'Input.Toggle',
      id: 'escalate',
      title: t('prompt.escalate', locale),
      label: t('prompt.escalate', locale),
      valueOn: 'true',
      valueOff: 'false',
      value: String(draft.escalate ?? data.current?.escalation.flag ?? false),
    },
    {
      type: 'Input.Text',
      id: 'ask',
      label: t('prompt.ask', locale),
      isMultiline: true,
      maxLength: 1000,
      value: draft.ask ?? data.current?.escalation.ask ?? '',
    },
  ];
}

/** One date input in its own column. */
function dateColumn(id: string, label: string, value: string): CardElement {
  return { type: 'Column', width: 'stretch', items: [{ type: 'Input.Date', id, label, value }] };
}

/** The event the person plans to attend: name, dates and place. */
function eventInputs(data: PromptData, locale: Locale, draft: DraftValues): CardElement[] {
  const event = data.current?.events[0];
  return [
    textBlock(t('prompt.event', locale), { weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'Input.Text',
      id: 'eventName',
      label: t('prompt.eventName', locale),
      maxLength: 300,
      value: draft.eventName ?? event?.name ?? '',
    },
    {
      type: 'ColumnSet',
      columns: [
        dateColumn('eventStart', t('prompt.eventStart', locale), draft.eventStart ?? event?.start ?? ''),
        dateColumn('eventEnd', t('prompt.eventEnd', locale), draft.eventEnd ?? event?.end ?? ''),
      ],
    },
    {
      type: 'Input.Text',
      id: 'eventPlace',
      label: t('prompt.eventPlace', locale),
      maxLength: 200,
      value: draft.eventPlace ?? event?.place ?? '',
    },
  ];
}

/** Submit, No change and (for the focal point) Delegate, each carrying the slot and the revision the card shows. */
function promptButtons(data: PromptData, locale: Locale): CardElement[] {
  const slot = slotData(data, data.current?.revision ?? 0);
  const buttons: CardElement[] = [
    { type: 'Action.Execute', title: t('prompt.submit', locale), verb: VERBS.submit, data: slot, style: 'positive' },
    {
      type: 'Action.Execute',
      title: t('prompt.noChange', locale),
      verb: VERBS.noChange,
      data: slot,
      associatedInputs: 'none',
    },
  ];
  if (data.reason === 'focal-point') {
    buttons.push({
      type: 'Action.Execute',
      title: t('prompt.delegate', locale),
      verb: VERBS.delegate,
      data: slot,
      associatedInputs: 'none',
    });
  }
  return buttons;
}

/**
 * The status prompt: prefilled with this meeting's update (edit) or the previous one, the person's open
 * actions, fields for progress, next steps, escalation and an event; Submit, No change, Delegate, and (given the
 * tab's links) a button to the person's work in the tab.
 */
export function promptCard(
  data: PromptData,
  locale: Locale,
  draft: DraftValues = {},
  error?: string,
  tab?: TabLinks,
): Attachment {
  const problem: CardElement[] = error
    ? [{ type: 'Container', style: 'attention', items: [textBlock(error, { color: 'Attention', weight: 'Bolder' })] }]
    : [];
  const body: CardElement[] = [
    ...promptHeader(data, locale),
    ...problem,
    ...openActions(data, locale),
    ...previousUpdate(data, locale),
    ...updateInputs(data, locale, draft),
    ...eventInputs(data, locale, draft),
  ];
  const buttons = promptButtons(data, locale);
  if (tab) buttons.push(openTabAction(t('tab.openMyWork', locale), tab, { view: 'mywork' }));
  return adaptiveCard(body, buttons, options(locale));
}

/**
 * The read-only summary that replaces the prompt after a submission, with an Edit button while the window is open
 * and (given the tab's links) a button to the topic in the register.
 */
export function summaryCard(data: PromptData, update: StatusUpdate, locale: Locale, tab?: TabLinks): Attachment {
  const tz = data.person.timeZone;
  const body: CardElement[] = [
    textBlock(t('summary.title', locale, { topic: plain(localized(data.topic.title, locale)), sector: data.sector }), {
      size: 'Medium',
      weight: 'Bolder',
      style: 'heading',
      color: 'Good',
    }),
    textBlock(meetingTitleText(data.meeting, locale), { isSubtle: true, spacing: 'None' }),
    textBlock(
      t('summary.revision', locale, {
        revision: update.revision,
        date: formatDateTime(update.submittedAt, locale, tz),
      }),
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  if (update.late) body.push(textBlock(t('summary.lateBadge', locale), { color: 'Warning', weight: 'Bolder' }));
  if (update.noChange) body.push(textBlock(t('summary.noChange', locale)));
  const facts = [
    { title: t('prompt.progress', locale), value: plain(update.progress || '—') },
    { title: t('prompt.nextSteps', locale), value: plain(update.nextSteps || '—') },
  ];
  body.push({ type: 'FactSet', facts });
  if (update.escalation.flag)
    body.push(
      textBlock(t('summary.escalated', locale, { ask: plain(update.escalation.ask || '—') }), { color: 'Attention' }),
    );
  if (update.events.length) {
    body.push(textBlock(t('summary.events', locale), { weight: 'Bolder' }));
    body.push({
      type: 'FactSet',
      facts: update.events.map((e) => ({
        title: `${e.start} – ${e.end}`,
        value: plain(`${e.name}${e.place ? `, ${placeName(e.place, locale)}` : ''}`),
      })),
    });
  }
  const actions: CardElement[] = [];
  if (!data.late) {
    body.push(
      textBlock(t('summary.editUntil', locale, { date: formatDateTime(data.window.closesAt, locale, tz) }), {
        isSubtle: true,
      }),
    );
  }
  actions.push({
    type: 'Action.Execute',
    title: t('summary.edit', locale),
    verb: VERBS.edit,
    data: slotData(data, update.revision),
    associatedInputs: 'none',
  });
  if (tab) actions.push(openTabAction(t('tab.openTopic', locale), tab, { view: 'register', topicId: data.topic.id }));
  return adaptiveCard(body, actions, options(locale));
}

/** A one-line card confirming something (delegation done, refusal). */
export function noticeCard(
  text: string,
  locale: Locale,
  color: 'Default' | 'Good' | 'Attention' | 'Warning' = 'Default',
): Attachment {
  return adaptiveCard([textBlock(text, { color })], [], options(locale));
}

/**
 * The reminder: one message per person listing the topics still missing, and (given the tab's links) a Markdown
 * link to the person's work in the tab.
 */
export function reminderText(data: ReminderData, locale: Locale, tab?: TabLinks): string {
  const text = t('reminder.text', locale, {
    meeting: meetingTitleText(data.meeting, locale),
    count: data.topics.length,
    topics: data.topics.map((x) => `${plain(localized(x.topic.title, locale))} (${x.sector})`).join(', '),
    date: formatDateTime(data.window.closesAt, locale, data.person.timeZone),
  });
  if (!tab) return forReader(text, locale);
  const label = t('tab.openMyWork', locale);
  // The link's address stays outside the reader's isolation, which would break it.
  return `${forReader(text, locale)}\n\n[${plain(label)}](${tabLink(tab, { view: 'mywork' }, label)})`;
}

/** The notice to the secretariat that a prompt was delegated. */
export function delegationText(data: DelegationNotice, locale: Locale): string {
  const text = t('delegated.notice', locale, {
    from: plain(data.from.name),
    to: plain(data.to.name),
    meeting: meetingTitleText(data.meeting, locale),
    topic: plain(localized(data.topic.title, locale)),
    sector: data.sector,
  });
  return forReader(text, locale);
}

/** The tracker card: counts, then one line per topic × sector; (given the tab's links) a button to the tracker in the tab. */
export function trackerCard(view: TrackerView, locale: Locale, timeZone: string, tab?: TabLinks): Attachment {
  const c = view.counts;
  const body: CardElement[] = [
    textBlock(t('tracker.title', locale, { meeting: meetingTitleText(view.meeting, locale) }), {
      size: 'Medium',
      weight: 'Bolder',
      style: 'heading',
    }),
    textBlock(
      t('tracker.counts', locale, {
        answered: c.answered,
        noChange: c['no-change'],
        pending: c.pending,
        late: c.late,
        undeliverable: c.undeliverable,
        vacant: c.vacant,
      }),
      { isSubtle: true },
    ),
    {
      type: 'FactSet',
      facts: view.rows.map((r) => ({
        title: `${plain(localized(r.topicTitle, locale))} · ${r.sector}`,
        value: [
          t(`status.${r.status}`, locale),
          r.answeredByName ?? r.personName ?? '',
          r.at ? formatDateTime(r.at, locale, timeZone) : '',
          r.status === 'undeliverable' ? plain(reasonText(r, locale) ?? '') : '',
        ]
          .filter(Boolean)
          .join(' · '),
      })),
    },
  ];
  const actions = tab
    ? [openTabAction(t('tab.openTracker', locale), tab, { view: 'tracker', meetingId: view.meeting.id })]
    : [];
  return adaptiveCard(body, actions, options(locale));
}
