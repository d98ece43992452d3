import { collectionMessagesFor } from '../../../../bot/collection-messages';
import { deliveryCard } from '../../../../bot/cards/confirm-card';
import { helpCard } from '../../../../bot/cards/help-card';
import { agendaCard, minutesCard } from '../../../../bot/cards/meeting-cards';
import { myTopicsCard } from '../../../../bot/cards/my-topics-card';
import { promptCard, reminderText, summaryCard, trackerCard } from '../../../../bot/cards/status-card';
import { meetingMessages } from '../../../../bot/meeting-handlers';
import type { Attachment } from '../../../../bot/activity';
import {
  collectionWindow,
  TRACKER_STATUSES,
  type Locale,
  type TabLinks,
  type TrackerView,
} from '../../../../teams-app/domain';
import type { PromptData } from '../../../../teams-app/services';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';
import { meeting, richAgenda, topic, update } from '../../domain/agenda/agenda-fixtures';
import { chat } from '../../domain/minutes/chat-fixtures';
import { minutesOf } from '../../domain/minutes/minutes-fixtures';

const APP_ID = '31cea51d-8e61-48a5-bf47-22e9b5360041';
const IN_TEAMS: TabLinks = { publicUrl: 'https://isc.example.org', teamsAppId: APP_ID };
const LOCAL: TabLinks = { publicUrl: 'http://localhost:3978', teamsAppId: null };

const ISC_TF_32 = meeting({ id: 'isc-tf-32', body: 'ISC-TF', number: 32, title: '32nd meeting' });
const PERSON = DEMO_PEOPLE[0]!;

function prompt(): PromptData {
  return {
    meeting: ISC_TF_32,
    window: collectionWindow(ISC_TF_32),
    topic: topic('accessibility'),
    sector: 'TSB',
    person: PERSON,
    current: null,
    previous: null,
    openActions: [],
    reason: 'focal-point',
    late: false,
  };
}

function tracker(): TrackerView {
  return {
    meeting: { id: ISC_TF_32.id, title: ISC_TF_32.title, state: 'open', body: 'ISC-TF', number: 32 },
    window: collectionWindow(ISC_TF_32),
    rows: [],
    counts: Object.fromEntries(TRACKER_STATUSES.map((status) => [status, 0])) as TrackerView['counts'],
  };
}

function delivery(undeliverable: number) {
  return {
    meeting: { ...ISC_TF_32, etag: '1' },
    queued: 3,
    undeliverable,
    undeliverablePeople: undeliverable
      ? [{ personId: 'lee-gu', name: 'Lee Gu', reasonCode: null, reason: 'The app is not installed.' }]
      : [],
  };
}

const MINUTES = minutesOf(chat([['patti-fernandez', 'Item 3\nDecision: CoCo decides the budget']]));

/** The first card of a proactive message. */
function attachmentOf(activity: object): Attachment {
  const card = (activity as { attachments?: Attachment[] }).attachments?.[0];
  if (!card) throw new Error('the message has no card');
  return card;
}

/** The addresses of a card's Action.OpenUrl buttons, by title. */
function openUrls(card: Attachment): Record<string, string> {
  const actions = (card.content as { actions?: { type: string; title: string; url?: string }[] }).actions ?? [];
  return Object.fromEntries(actions.filter((a) => a.type === 'Action.OpenUrl').map((a) => [a.title, a.url ?? '']));
}

/** Where a link opens the tab: the sub-page of a Teams deep link, or the query of the tab's own address. */
function target(link: string | undefined): string {
  const url = new URL(link ?? '');
  if (url.origin !== 'https://teams.microsoft.com') return url.search.slice(1);
  expect(url.pathname).toBe(`/l/entity/${APP_ID}/register`);
  const context = JSON.parse(url.searchParams.get('context') ?? '{}') as { subEntityId?: string };
  expect(url.searchParams.get('webUrl')).toBe(`https://isc.example.org/?${context.subEntityId}`);
  return context.subEntityId ?? '';
}

/** Every card that links into the tab, the button's title and the view it opens. */
const CARDS: [string, (tab: TabLinks, locale: Locale) => Attachment, string, string][] = [
  ['help', (tab, locale) => helpCard(locale, tab), 'Open the topic register', 'view=register'],
  [
    'my topics',
    (tab, locale) => myTopicsCard(PERSON, { topics: [], nextMeeting: null }, locale, tab),
    'Open My work',
    'view=mywork',
  ],
  ['prompt', (tab, locale) => promptCard(prompt(), locale, {}, undefined, tab), 'Open My work', 'view=mywork'],
  [
    'proactive prompt',
    (tab, locale) => attachmentOf(collectionMessagesFor(tab).prompt(prompt(), locale)),
    'Open My work',
    'view=mywork',
  ],
  [
    'summary',
    (tab, locale) => summaryCard(prompt(), update('accessibility', 'TSB'), locale, tab),
    'See the topic in the register',
    'view=register&topic=accessibility',
  ],
  [
    'tracker',
    (tab, locale) => trackerCard(tracker(), locale, 'Europe/Zurich', tab),
    'Open the tracker in the tab',
    'view=tracker&meeting=isc-tf-32',
  ],
  [
    'delivery',
    (tab, locale) => deliveryCard(delivery(0), locale, tab),
    'Open the tracker in the tab',
    'view=tracker&meeting=isc-tf-32',
  ],
  [
    'delivery with people not reached',
    (tab, locale) => deliveryCard(delivery(1), locale, tab),
    'Open the tracker in the tab',
    'view=tracker&meeting=isc-tf-32',
  ],
  [
    'draft agenda',
    (tab, locale) => agendaCard(richAgenda(), 1, locale, tab, false),
    'Review and edit in the tab',
    `view=agenda&meeting=${richAgenda().meeting.meetingId}`,
  ],
  [
    'published agenda',
    (tab, locale) =>
      attachmentOf(meetingMessages(tab).agendaPublished(richAgenda(), 'https://files/agenda.docx', locale)),
    'Review and edit in the tab',
    `view=agenda&meeting=${richAgenda().meeting.meetingId}`,
  ],
  [
    'draft minutes',
    (tab, locale) => minutesCard(MINUTES, locale, tab, false),
    'Review and edit in the tab',
    `view=minutes&meeting=${MINUTES.meeting.meetingId}`,
  ],
  [
    'approved minutes',
    (tab, locale) => attachmentOf(meetingMessages(tab).minutesApproved(MINUTES, 'https://files/minutes.docx', locale)),
    'Review and edit in the tab',
    `view=minutes&meeting=${MINUTES.meeting.meetingId}`,
  ],
];

describe('cards link into the tab at the right view', () => {
  it.each(CARDS)('the %s card opens the view inside Teams with a deep link', (_name, card, title, view) => {
    const urls = openUrls(card(IN_TEAMS, 'en'));
    expect(urls[title]).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    expect(target(urls[title])).toBe(view);
  });

  it.each(CARDS)('the %s card opens the tab address when no Teams app id is set', (_name, card, title, view) => {
    const urls = openUrls(card(LOCAL, 'en'));
    expect(urls[title]).toBe(`http://localhost:3978/?${view}`);
  });

  it.each(CARDS)('the %s card keeps its link intact in Arabic', (_name, card, _title, view) => {
    const links = Object.values(openUrls(card(IN_TEAMS, 'ar')));
    expect(links.map((link) => target(link))).toContain(view);
  });

  it('adds no tab button to status cards rendered without the tab’s links', () => {
    expect(openUrls(promptCard(prompt(), 'en'))).toEqual({});
    expect(openUrls(trackerCard(tracker(), 'en', 'Europe/Zurich'))).toEqual({});
  });

  it('ends the reminder with a link to My work, outside the reader’s isolation', () => {
    const data = { ...prompt(), topics: [{ topic: topic('accessibility'), sector: 'TSB' as const }] };
    for (const locale of ['en', 'ar'] as const) {
      const text = reminderText(data, locale, IN_TEAMS);
      const link = /\n\n\[[^\]]+\]\((https:\/\/teams\.microsoft\.com\/[^)\s]+)\)$/.exec(text);
      expect(link).not.toBeNull();
      expect(target(link?.[1])).toBe('view=mywork');
    }
    const local = (collectionMessagesFor(LOCAL).reminder(data, 'en') as { text?: string }).text ?? '';
    expect(local.endsWith('[Open My work](http://localhost:3978/?view=mywork)')).toBe(true);
    expect(reminderText(data, 'en')).not.toContain('](');
  });
});
