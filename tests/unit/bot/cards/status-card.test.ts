import { promptCard, reminderText, trackerCard } from '../../../../bot/cards/status-card';
import { collectionWindow, TRACKER_STATUSES, type Locale, type TrackerView } from '../../../../teams-app/domain';
import type { PromptData } from '../../../../teams-app/services';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';
import { meeting, topic } from '../../domain/agenda/agenda-fixtures';

const ISC_TF_32 = meeting({
  body: 'ISC-TF',
  number: 32,
  title: '32nd meeting of the Inter-Sectoral Coordination Task Force',
});

function prompt(overrides: Partial<PromptData['meeting']> = {}): PromptData {
  const m = { ...ISC_TF_32, ...overrides };
  return {
    meeting: m,
    window: collectionWindow(m),
    topic: topic('accessibility'),
    sector: 'TSB',
    person: DEMO_PEOPLE[0]!,
    current: null,
    previous: null,
    openActions: [],
    reason: 'focal-point',
    late: false,
  };
}

/** Every text of a card, joined. */
function cardText(card: { content: unknown }): string {
  return JSON.stringify(card.content);
}

const TITLES: Record<Exclude<Locale, 'en'>, string> = {
  fr: "32e réunion de l'Équipe spéciale de coordination intersectorielle",
  es: '32.ª reunión del Equipo Especial de Coordinación Intersectorial',
  ru: '32-е собрание Целевой группы по межсекторальной координации',
  zh: '跨部门协调任务组第32次会议',
  ar: 'الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات',
};

describe('status cards', () => {
  it.each(Object.entries(TITLES) as [Exclude<Locale, 'en'>, string][])(
    'name the meeting in the reader’s language on the prompt, the reminder and the tracker (%s)',
    (locale, title) => {
      const data = prompt();
      const prompted = cardText(promptCard(data, locale));
      expect(prompted).toContain(title);
      expect(prompted).not.toContain('Inter-Sectoral Coordination Task Force');
      const reminded = reminderText({ ...data, topics: [{ topic: data.topic, sector: 'TSB' }] }, locale);
      expect(reminded).toContain(title);
      expect(reminded).not.toContain('Inter-Sectoral');
      const view: TrackerView = {
        meeting: { ...data.meeting, state: 'open' },
        window: data.window,
        rows: [],
        counts: Object.fromEntries(TRACKER_STATUSES.map((status) => [status, 0])) as TrackerView['counts'],
      };
      const tracked = cardText(trackerCard(view, locale, 'Europe/Zurich'));
      expect(tracked).toContain(title);
      expect(tracked).not.toContain('Inter-Sectoral');
    },
  );

  it('keeps a custom meeting title as it was typed', () => {
    expect(cardText(promptCard(prompt({ title: 'Retreat on WSIS+20' }), 'fr'))).toContain('Retreat on WSIS+20');
  });
});
