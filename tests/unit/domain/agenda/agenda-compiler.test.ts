import { isAppError } from '../../../../teams-app/domain';
import { Agenda, compileAgenda, type AgendaItemKind, type AgendaItemOf } from '../../../../teams-app/domain/agenda';
import {
  action,
  agendaInput,
  assignmentsFor,
  jiuTopic,
  largeInput,
  noChange,
  richAgenda,
  richInput,
  topic,
  update,
} from './agenda-fixtures';

function item<K extends AgendaItemKind>(agenda: Agenda, kind: K): AgendaItemOf<K> {
  const found = agenda.items.find((candidate): candidate is AgendaItemOf<K> => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} item`);
  return found;
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const copy = [...list];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('compileAgenda', () => {
  it('numbers the eight standard items in the agreed order', () => {
    const agenda = richAgenda();
    expect(agenda.items.map((i) => [i.number, i.kind])).toEqual([
      [1, 'opening'],
      [2, 'actions'],
      [3, 'escalations'],
      [4, 'topic-updates'],
      [5, 'events'],
      [6, 'jiu'],
      [7, 'aob'],
      [8, 'next-meeting'],
    ]);
    expect(agenda.items[0]?.title).toBe('Opening and adoption of the agenda');
  });

  it('produces an agenda its own schema accepts', () => {
    expect(Agenda.safeParse(richAgenda()).success).toBe(true);
    expect(Agenda.safeParse(compileAgenda(largeInput(30))).success).toBe(true);
  });

  it('lists follow-up actions overdue first (most overdue first), then open by due date, then closed ones', () => {
    const actions = item(richAgenda(), 'actions').actions;
    expect(actions.map((a) => [a.actionId, a.status])).toEqual([
      ['isc-tf-31.a5', 'overdue'],
      ['isc-tf-31.a2', 'overdue'],
      ['isc-tf-31.a1', 'open'],
      ['isc-tf-31.a3', 'open'],
      ['isc-tf-31.a4', 'done'],
    ]);
    expect(actions[0]?.daysOverdue).toBe(23);
    expect(actions[0]?.fromPreviousMeeting).toBe(true);
  });

  it('leaves out actions raised in the meeting being prepared', () => {
    const agenda = compileAgenda(agendaInput({ actions: [action('a1', null, { sourceMeetingId: 'isc-tf-32' })] }));
    expect(item(agenda, 'actions').actions).toEqual([]);
  });

  it('puts every escalated issue under item 3 with its sector, topic and question', () => {
    const escalations = item(richAgenda(), 'escalations').escalations;
    expect(escalations).toEqual([
      expect.objectContaining({
        topicId: 'accessibility',
        sector: 'TSB',
        question: 'Should ITU publish one joint accessibility toolkit?',
        authorName: 'Adele Vance',
      }),
    ]);
  });

  it('merges every sector’s update on a topic into one sub-item, in ITU sector order', () => {
    const section = item(richAgenda(), 'topic-updates').sections.find((s) => s.topicId === 'accessibility');
    expect(section?.reports.map((r) => [r.sector, r.progress])).toEqual([
      ['TSB', 'TSB progress on accessibility.'],
      ['BDT', 'BDT progress on accessibility.'],
    ]);
    expect(section?.noChangeSectors).toEqual(['GS']);
    expect(section?.missingSectors).toEqual(['BR']);
    expect(section?.reports[0]?.authorName).toBe('Adele Vance');
  });

  it('groups topics where every reporting sector said "no change" on one line', () => {
    const topics = item(richAgenda(), 'topic-updates');
    expect(topics.noChange.map((line) => [line.topicId, line.noChangeSectors])).toEqual([['youth', ['BDT', 'GS']]]);
    expect(topics.sections.map((s) => s.topicId)).not.toContain('youth');
  });

  it('names the sectors that sent nothing and groups topics nobody reported on', () => {
    const topics = item(richAgenda(), 'topic-updates');
    const space = topics.sections.find((s) => s.topicId === 'space');
    expect(space?.missingSectors).toEqual([]);
    const capacity = topics.noUpdate.find((line) => line.topicId === 'capacity-development');
    expect(capacity?.missingSectors).toEqual(['BDT', 'GS']);
  });

  it('names vacant focal points', () => {
    const topics = [topic('accessibility'), topic('industry-engagement')];
    const agenda = compileAgenda(
      agendaInput({
        topics,
        assignments: assignmentsFor(topics, { accessibility: ['BR'] }),
        updates: [update('accessibility', 'TSB')],
      }),
    );
    const content = item(agenda, 'topic-updates');
    expect(content.sections[0]?.vacantSectors).toEqual(['BR']);
    expect(content.noUpdate.find((line) => line.topicId === 'industry-engagement')?.vacantSectors).toEqual(['GS']);
    expect(agenda.summary.vacant).toBe(2);
  });

  it('counts a vacancy as vacant, never as an expected or missing report', () => {
    const topics = [topic('accessibility')];
    const agenda = compileAgenda(
      agendaInput({ topics, assignments: assignmentsFor(topics, { accessibility: ['BR'] }), updates: [] }),
    );
    const line = item(agenda, 'topic-updates').noUpdate[0];
    expect(line?.vacantSectors).toEqual(['BR']);
    expect(line?.missingSectors).not.toContain('BR');
    const sectors = topics[0]!.sectors.length;
    expect(agenda.summary).toMatchObject({ expectedReports: sectors - 1, missing: sectors - 1, vacant: 1 });
  });

  it('sorts topic sub-items by English title so the numbering is the same in every language', () => {
    const en = item(richAgenda(), 'topic-updates').sections.map((s) => s.topicId);
    const ar = item(richAgenda({ locale: 'ar' }), 'topic-updates').sections.map((s) => s.topicId);
    expect(en).toEqual(['accessibility', 'climate-change-environmental-sustainability', 'space']);
    expect(ar).toEqual(en);
  });

  it('keeps late updates out of the main agenda and puts them in an addendum', () => {
    const agenda = richAgenda();
    const main = item(agenda, 'topic-updates');
    expect(main.sections.map((s) => s.topicId)).not.toContain('gender-equality');
    const gender = main.noUpdate.find((line) => line.topicId === 'gender-equality');
    expect(gender?.lateSectors).toEqual(['TSB']);
    expect(gender?.missingSectors).not.toContain('TSB');
    expect(agenda.addendum).toHaveLength(1);
    const addendum = agenda.addendum[0]!;
    expect(addendum).toMatchObject({ number: 1, kind: 'topic-updates', refersTo: 'topic-updates' });
    expect(addendum.kind === 'topic-updates' && addendum.sections.map((s) => s.topicId)).toEqual(['gender-equality']);
  });

  it('sends a late escalation and a late event to the addendum too', () => {
    const agenda = compileAgenda(
      richInput({
        updates: [
          update('space', 'BR', {
            late: true,
            escalation: { flag: true, ask: 'Who leads on space debris?' },
            events: [{ name: 'IAC 2026', start: '2026-12-01', end: '2026-12-03', place: 'Paris', participants: 1 }],
          }),
        ],
      }),
    );
    expect(item(agenda, 'escalations').escalations).toEqual([]);
    expect(item(agenda, 'events').events).toEqual([]);
    expect(agenda.addendum.map((a) => a.refersTo)).toEqual(['escalations', 'topic-updates', 'events']);
  });

  it('follows up JIU recommendations under item 6, not with the coordination topics', () => {
    const agenda = richAgenda();
    expect(item(agenda, 'jiu').sections.map((s) => s.topicId)).toEqual(['jiu-2023-rec-4']);
    const topicIds = item(agenda, 'topic-updates').noUpdate.map((line) => line.topicId);
    expect(topicIds).not.toContain('jiu-2023-rec-4');
  });

  it('takes JIU recommendations given apart from the register', () => {
    const agenda = compileAgenda(agendaInput({ jiuTopics: [jiuTopic('jiu-1', 'JIU rec 1')] }));
    expect(item(agenda, 'jiu').noUpdate.map((line) => line.topicId)).toEqual(['jiu-1']);
  });

  it('ends with the next meeting, or none when it is not scheduled', () => {
    expect(item(richAgenda(), 'next-meeting').next?.meetingId).toBe('isc-tf-33');
    expect(item(compileAgenda(agendaInput({ nextMeeting: null })), 'next-meeting').next).toBeNull();
  });

  it('uses the newest revision when a sector sent several updates and warns about the others', () => {
    const agenda = compileAgenda(
      agendaInput({
        updates: [
          update('space', 'BR', { id: 'u-old', progress: 'Old.', revision: 1 }),
          update('space', 'BR', { id: 'u-new', progress: 'New.', revision: 2 }),
          update('space', 'GS', { meetingId: 'isc-tf-31', id: 'u-other' }),
          update('no-such-topic', 'GS', { id: 'u-unknown' }),
        ],
      }),
    );
    expect(item(agenda, 'topic-updates').sections[0]?.reports[0]?.progress).toBe('New.');
    expect(agenda.warnings).toEqual([
      { code: 'update-other-meeting', ref: 'u-other' },
      { code: 'update-superseded', ref: 'u-old' },
      { code: 'update-unknown-topic', ref: 'u-unknown' },
    ]);
  });

  it('counts what was received, missing, late and overdue', () => {
    expect(richAgenda().summary).toMatchObject({
      received: 10,
      noChange: 3,
      late: 1,
      escalations: 1,
      overlaps: 2,
      openActions: 4,
      overdueActions: 2,
    });
  });

  it('gives the same agenda for the same input, twice', () => {
    expect(compileAgenda(richInput())).toEqual(compileAgenda(richInput()));
  });

  it('gives the same agenda whatever the order of its input', () => {
    const input = richInput();
    const expected = compileAgenda(input);
    for (const seed of [1, 7, 42]) {
      const agenda = compileAgenda({
        ...input,
        topics: shuffled(input.topics, seed),
        assignments: shuffled(input.assignments, seed + 1),
        people: shuffled(input.people, seed + 2),
        updates: shuffled(input.updates, seed + 3),
        actions: shuffled(input.actions, seed + 4),
      });
      expect(agenda).toEqual(expected);
    }
  });

  it('refuses a "now" that is not an instant with a coded error', () => {
    expect.assertions(1);
    try {
      compileAgenda(agendaInput({ now: 'yesterday' }));
    } catch (error) {
      expect(isAppError(error, 'request.invalid')).toBe(true);
    }
  });

  it('compiles a register of 200 topics × 4 sectors completely (speed is measured in npm run bench)', () => {
    const agenda = compileAgenda(largeInput(200));
    const updates = agenda.items.find((item) => item.kind === 'topic-updates');
    expect(updates?.kind).toBe('topic-updates');
    if (updates?.kind !== 'topic-updates') return;
    expect(updates.sections.length + updates.noChange.length + updates.noUpdate.length).toBe(200);
  });

  it('handles a noChange-only register without sub-items', () => {
    const topics = [topic('youth')];
    const agenda = compileAgenda(
      agendaInput({
        topics,
        assignments: assignmentsFor(topics),
        updates: [noChange('youth', 'GS'), noChange('youth', 'BDT')],
      }),
    );
    const content = item(agenda, 'topic-updates');
    expect(content.sections).toEqual([]);
    expect(content.noChange).toHaveLength(1);
  });
});
