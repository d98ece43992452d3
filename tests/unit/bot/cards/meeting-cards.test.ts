import { minutesCard } from '../../../../bot/cards/meeting-cards';
import { acceptNote, type Minutes } from '../../../../teams-app/domain/minutes';
import { chat } from '../../domain/minutes/chat-fixtures';
import { minutesOf } from '../../domain/minutes/minutes-fixtures';

/** The texts of a card's TextBlocks, in order. */
function texts(minutes: Minutes, locale: 'en' | 'fr' = 'en', approved = false): string[] {
  const card = minutesCard(minutes, locale, 'https://tab.example', approved);
  const body = (card.content as { body: { type: string; text?: string }[] }).body;
  return body.filter((element) => element.type === 'TextBlock').map((element) => element.text ?? '');
}

const DRAFT = minutesOf(
  chat([
    ['patti-fernandez', 'Item 2. Done: 2'],
    ['patti-fernandez', 'Done: 3 — new date 2027-01-15'],
    [
      'patti-fernandez',
      'Item 3\nDecision: CoCo decides the budget\nItem 4: Action: @Alex Wilber to circulate the note',
    ],
    ['adele-vance', 'Escalate: a joint budget'],
  ]),
);

describe('minutesCard', () => {
  it('labels every entry with the item it is filed under', () => {
    const lines = texts(DRAFT);
    expect(lines).toContain('**Item 3 · Decision:** CoCo decides the budget');
    expect(lines).toContain('**Item 4 · Action:** circulate the note (owner: Alex Wilber)');
    expect(lines).toContain('**Item 4 · To CoCo:** a joint budget (sector to confirm)');
  });

  it('shows the outcome of each action carried from an earlier meeting', () => {
    const lines = texts(DRAFT);
    expect(lines).toContain('**Item 2 · #2:** Align training calendars. (Alex Wilber) — closed');
    expect(lines).toContain('**Item 2 · #3:** Action a1. (Alex Wilber) — new due date 2027-01-15');
    expect(lines).toContain('**Item 2 · #1:** Oldest overdue. (Alex Wilber) — still open');
  });

  it('shows attendance by sector, present and absent', () => {
    const lines = texts(DRAFT);
    expect(lines).toContain('**TSB** · Present: Adele Vance · Absent: Lee Gu');
    expect(lines.find((line) => line.startsWith('**GS**'))).toMatch(
      /^\*\*GS\*\* · Present: Patti Fernandez · Absent: /,
    );
    expect(lines.find((line) => line.startsWith('**BR**'))).toBe('**BR** · Absent: Irvin Sayers, Isaiah Langer');
  });

  it('counts only the notes still open, and speaks the reader’s language', () => {
    const note = DRAFT.review[0];
    expect(note).toBeDefined();
    const accepted = acceptNote(
      DRAFT,
      note?.recordId ?? '',
      { personId: 'patti-fernandez', name: 'Patti' },
      '2026-12-07T12:00:00Z',
    );
    const count = (minutes: Minutes) =>
      texts(minutes)
        .filter((line) => line.startsWith('Lines to check'))
        .join();
    expect(DRAFT.review).toHaveLength(1);
    expect(count(DRAFT)).toContain(': 1.');
    expect(count(accepted)).toBe('');
    expect(texts(DRAFT, 'fr')).toContain('**Point 3 · Décision:** CoCo decides the budget');
  });
});
