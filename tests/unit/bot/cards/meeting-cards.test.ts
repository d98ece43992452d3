import { agendaCard, minutesCard } from '../../../../bot/cards/meeting-cards';
import { editItem } from '../../../../teams-app/domain/agenda';
import { acceptNote, type Minutes } from '../../../../teams-app/domain/minutes';
import { richAgenda } from '../../domain/agenda/agenda-fixtures';
import { chat } from '../../domain/minutes/chat-fixtures';
import { minutesOf } from '../../domain/minutes/minutes-fixtures';

/** The texts of a card's TextBlocks, in order. */
function texts(minutes: Minutes, locale: 'en' | 'fr' | 'ar' = 'en', approved = false): string[] {
  const card = minutesCard(minutes, locale, { publicUrl: 'https://tab.example', teamsAppId: null }, approved);
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
        .filter((line) => /lines? to check before approval/.test(line))
        .join();
    expect(DRAFT.review).toHaveLength(1);
    expect(count(DRAFT)).toMatch(/^1 line to check before approval/);
    expect(count(accepted)).toBe('');
    expect(texts(DRAFT, 'fr')).toContain('**Point 3 · Décision:** CoCo decides the budget');
  });
});

describe('agenda and minutes cards in the reader’s language', () => {
  /** The card's first TextBlock (its title) and its FactSet of items. */
  function agendaParts(locale: 'en' | 'fr' | 'ar', agenda = richAgenda()) {
    const card = agendaCard(agenda, 1, locale, { publicUrl: 'https://tab.example', teamsAppId: null }, false);
    const body = (card.content as { body: { type: string; text?: string; facts?: { value: string }[] }[] }).body;
    return {
      title: body[0]?.text ?? '',
      items: body.find((element) => element.type === 'FactSet')?.facts?.map((fact) => fact.value) ?? [],
    };
  }

  it('shows an agenda compiled in English with the reader’s headings and meeting title', () => {
    expect(richAgenda().locale).toBe('en');
    const en = agendaParts('en');
    expect(en.title).toContain('32nd meeting of the Inter-Sectoral Coordination Task Force');
    const fr = agendaParts('fr');
    expect(fr.title).toBe("Projet d'ordre du jour : 32e réunion de l'Équipe spéciale de coordination intersectorielle");
    expect(fr.items[0]).toBe("Ouverture de la réunion et adoption de l'ordre du jour");
    const ar = agendaParts('ar');
    expect(ar.title).toBe('مشروع جدول الأعمال: الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات');
    expect(ar.items[6]).toBe('ما يستجد من أعمال');
  });

  it('keeps a heading the chair typed as typed', () => {
    const agenda = editItem(richAgenda(), 'aob', { title: 'Staff news' });
    expect(agendaParts('ar', agenda).items[6]).toBe('Staff news');
  });

  it('heads the minutes of an English agenda in the reader’s language', () => {
    expect(DRAFT.locale).toBe('en');
    const fr = texts(DRAFT, 'fr');
    expect(fr[0]).toBe("Projet de compte rendu : 32e réunion de l'Équipe spéciale de coordination intersectorielle");
    expect(fr).toContain('3. Questions soumises pour décision');
    expect(fr).not.toContain('3. Escalated issues for decision');
    const ar = texts(DRAFT, 'ar');
    expect(ar[0]).toBe('مشروع المحضر: الاجتماع الثاني والثلاثون لفرقة العمل المعنية بالتنسيق بين القطاعات');
    expect(ar).toContain('3. المسائل المرفوعة لاتخاذ قرار');
    expect(texts(DRAFT, 'en')).toContain('3. Escalated issues for decision');
  });
});
