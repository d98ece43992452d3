import { Action, Decision, Escalation, isAppError } from '../../../../teams-app/domain';
import {
  captureChat,
  compileMinutes,
  editAction,
  editDecision,
  editEscalation,
  Minutes,
  minutesToRecords,
  removeEntry,
  type ChatMessage,
  type MinutesInput,
} from '../../../../teams-app/domain/minutes';
import { DEMO_PEOPLE } from '../../../../teams-app/store/demo/seed';
import { meeting, NOW, richAgenda, richInput } from '../agenda/agenda-fixtures';
import { chat, KNOWN_PEOPLE, longChat, message, roster, sender } from './chat-fixtures';
import { minutesOf as draftOf } from './minutes-fixtures';

function minutesOf(messages: ChatMessage[], overrides: Partial<MinutesInput> = {}): Minutes {
  const input = richInput();
  return compileMinutes({
    meeting: meeting(),
    agenda: richAgenda(),
    captured: captureChat(messages, { people: KNOWN_PEOPLE }),
    participants: roster(5),
    updates: input.updates,
    topics: input.topics,
    people: DEMO_PEOPLE,
    now: NOW,
    ...overrides,
  });
}

const MEETING_CHAT = chat([
  ['patti-fernandez', 'Welcome. The agenda is adopted.'],
  ['patti-fernandez', 'Decision: The agenda is adopted.'],
  ['patti-fernandez', 'Item 3'],
  ['adele-vance', 'A joint toolkit would save money.'],
  ['patti-fernandez', 'Escalate: budget for one joint accessibility toolkit'],
  ['patti-fernandez', 'Item 4.1'],
  ['patti-fernandez', '<p>Action: <at id="0">Alex Wilber</at> to circulate the toolkit by 15/12/2026</p>'],
  ['patti-fernandez', 'Action: Adele to align the Recommendations'],
  ['patti-fernandez', 'Action: prepare a summary'],
  ['patti-fernandez', 'Next item'],
  ['lynne-robbins', 'قرار: يمثل قطاع التنمية الاتحاد في منتدى القمة العالمية'],
  ['lee-gu', 'Item 99'],
]);

describe('compileMinutes', () => {
  it('produces minutes its own schema accepts', () => {
    expect(Minutes.safeParse(minutesOf(MEETING_CHAT)).success).toBe(true);
  });

  it('records attendance from the roster and the chat, chair first, matched to the register', () => {
    const minutes = minutesOf(MEETING_CHAT);
    expect(minutes.attendance[0]).toMatchObject({ name: 'Patti Fernandez', chair: true, sector: 'GS' });
    const names = minutes.attendance.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Alex Wilber', 'Lynne Robbins', 'Lee Gu']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('places each record under the item the chat was on, starting at item 1', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const [opening, , escalations, topics, events] = minutes.items;
    expect(opening?.decisions.map((d) => d.text)).toEqual(['The agenda is adopted.']);
    expect(opening?.discussion.map((d) => d.text)).toEqual(['Welcome. The agenda is adopted.']);
    expect(escalations?.escalations).toEqual([
      expect.objectContaining({ text: 'budget for one joint accessibility toolkit', to: 'CoCo', sector: 'TSB' }),
    ]);
    expect(escalations?.discussion.map((d) => d.by.name)).toEqual(['Adele Vance']);
    expect(topics?.actions.map((a) => [a.text, a.ownerName, a.ownerId, a.due, a.topicId])).toEqual([
      ['circulate the toolkit', 'Alex Wilber', 'alex-wilber', '2026-12-15', 'accessibility'],
      ['align the Recommendations', 'Adele Vance', 'adele-vance', null, 'accessibility'],
      ['prepare a summary', null, null, null, 'accessibility'],
    ]);
    expect(events?.decisions.map((d) => d.text)).toEqual(['يمثل قطاع التنمية الاتحاد في منتدى القمة العالمية']);
  });

  it('shows the updates presented under the topic and escalation items, late ones included', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const topics = minutes.items.find((i) => i.kind === 'topic-updates');
    expect(topics?.presented.filter((p) => p.topicId === 'accessibility').map((p) => [p.sector, p.noChange])).toEqual([
      ['TSB', false],
      ['BDT', false],
      ['GS', true],
    ]);
    expect(topics?.presented.find((p) => p.topicId === 'gender-equality')).toMatchObject({ sector: 'TSB', late: true });
    const escalations = minutes.items.find((i) => i.kind === 'escalations');
    expect(escalations?.presented[0]?.question).toBe('Should ITU publish one joint accessibility toolkit?');
  });

  it('lists lines to review: no owner, unknown item', () => {
    const review = minutesOf(MEETING_CHAT).review;
    expect(review.map((r) => [r.raw, r.problems])).toEqual([
      ['Action: prepare a summary', ['owner-missing']],
      ['Item 99', ['item-unknown']],
    ]);
  });

  it('follows the chair’s reordered agenda', () => {
    const input = richInput();
    const agenda = richAgenda();
    const moved = { ...agenda, items: [agenda.items[4]!, ...agenda.items.slice(0, 4), ...agenda.items.slice(5)] };
    const renumbered = { ...moved, items: moved.items.map((item, i) => ({ ...item, number: i + 1 })) };
    const minutes = compileMinutes({
      meeting: meeting(),
      agenda: renumbered,
      captured: captureChat(
        chat([
          ['patti-fernandez', 'Item 1'],
          ['patti-fernandez', 'Decision: Overlap settled'],
        ]),
      ),
      participants: [],
      updates: input.updates,
      topics: input.topics,
      people: DEMO_PEOPLE,
    });
    expect(minutes.items[0]).toMatchObject({ kind: 'events', number: 1 });
    expect(minutes.items[0]?.decisions.map((d) => d.text)).toEqual(['Overlap settled']);
  });

  it('dates "by next month" from the meeting day, and sends a relative date it cannot read to the review', () => {
    const minutes = minutesOf(
      chat([
        ['patti-fernandez', 'Action: <at id="0">Alex Wilber</at> to circulate the toolkit by next month'],
        ['patti-fernandez', 'Action: <at id="0">Alex Wilber</at> to brief CoCo by next quarter'],
      ]),
    );
    const actions = minutes.items[0]?.actions ?? [];
    expect(actions.map((a) => [a.text, a.due, a.dueText])).toEqual([
      ['circulate the toolkit', '2027-01-06', 'next month'],
      ['brief CoCo by next quarter', null, 'next quarter'],
    ]);
    expect(minutes.review).toEqual([
      expect.objectContaining({
        kind: 'action',
        problems: ['date-invalid'],
        raw: expect.stringContaining('next quarter'),
      }),
    ]);
  });

  it('names a speaker the register knows by the register name, not the chat display name', () => {
    const from = { ...sender('adele-vance'), name: 'VANCE Adele (TSB)' };
    const messages = [
      message(0, 'adele-vance', 'A joint toolkit would save money.', { from }),
      message(1, 'adele-vance', 'Decision: one toolkit.', { from }),
      message(2, 'someone', 'Hello from outside.', { from: { id: '29:guest', name: 'Guest Speaker' } }),
    ];
    const opening = minutesOf(messages).items[0];
    expect(opening?.discussion.map((d) => d.by.name)).toEqual(['Adele Vance', 'Guest Speaker']);
    expect(opening?.decisions.map((d) => d.by.name)).toEqual(['Adele Vance']);
  });

  it('caps the discussion of an item and counts what it left out', () => {
    const lines: [string, string][] = Array.from({ length: 45 }, (_, i) => [
      'alex-wilber',
      `Remark ${i} `.padEnd(900, '.'),
    ]);
    const opening = minutesOf(chat(lines)).items[0];
    expect(opening?.discussion).toHaveLength(30);
    expect(opening?.discussionOmitted).toBe(15);
    expect(opening?.discussion[0]?.text.length).toBeLessThanOrEqual(500);
  });

  it('compiles a 2000-message chat without losing a decision, action or escalation', () => {
    const messages = longChat(2000);
    const input = richInput();
    const agenda = richAgenda();
    const run = () =>
      compileMinutes({
        meeting: meeting(),
        agenda,
        captured: captureChat(messages, { people: KNOWN_PEOPLE }),
        participants: roster(5),
        updates: input.updates,
        topics: input.topics,
        people: DEMO_PEOPLE,
      });
    // Speed is measured in npm run bench (minutes-compile); here, that nothing of a long chat is lost.
    expect(run().stats).toMatchObject({ messages: 2000, decisions: 40, actions: 40, escalations: 40 });
  });

  it('is deterministic for the same chat', () => {
    expect(minutesOf(MEETING_CHAT)).toEqual(minutesOf([...MEETING_CHAT].reverse()));
  });
});

describe('compileMinutes: where each line goes', () => {
  it('files the lines of a message that moves the pointer under the item current at each line', () => {
    const minutes = draftOf([
      message(0, 'patti-fernandez', 'Item 2'),
      message(
        1,
        'patti-fernandez',
        'Thanks. Moving on. Item 3 — escalations\nDecision: CoCo decides the toolkit budget\n' +
          'Item 4: Action: @Alex Wilber to circulate the toolkit by 2026-12-20',
      ),
      message(2, 'patti-fernandez', 'Decision: the toolkit plan is endorsed'),
    ]);
    const byNumber = (n: number) => minutes.items.find((item) => item.number === n);
    expect(byNumber(2)?.discussion.map((d) => d.text)).toEqual(['Thanks. Moving on.']);
    expect(byNumber(3)?.decisions.map((d) => d.text)).toEqual(['CoCo decides the toolkit budget']);
    expect(byNumber(4)?.actions.map((a) => [a.text, a.ownerId, a.due])).toEqual([
      ['circulate the toolkit', 'alex-wilber', '2026-12-20'],
    ]);
    expect(byNumber(4)?.decisions.map((d) => d.text)).toEqual(['the toolkit plan is endorsed']);
    expect(minutes.review).toEqual([]);
  });

  it('keeps ordinary prose from moving the pointer', () => {
    const minutes = draftOf(
      chat([
        ['patti-fernandez', 'Item 3'],
        ['patti-fernandez', 'This item is important. We discussed item 4 at length. The next item is long.'],
        ['patti-fernandez', 'Decision: stays under item 3'],
      ]),
    );
    expect(minutes.items[2]?.decisions.map((d) => d.text)).toEqual(['stays under item 3']);
  });
});

describe('compileMinutes: the sector of an escalation', () => {
  const sectorsOf = (lines: [string, string][]) =>
    draftOf(chat(lines)).items.flatMap((item) => item.escalations.map((e) => [item.number, e.sector, e.problems]));

  it('takes the sector the line names', () => {
    expect(
      sectorsOf([
        ['patti-fernandez', 'Item 4.1'],
        ['patti-fernandez', 'Escalate (BDT): joint budget'],
      ]),
    ).toEqual([[4, 'BDT', []]]);
    expect(sectorsOf([['lee-gu', 'Escalade (UIT-R) : spectre']])).toEqual([[1, 'BR', []]]);
  });

  it('takes the one sector of the topic under the current item', () => {
    expect(
      sectorsOf([
        ['patti-fernandez', 'Item 3'],
        ['patti-fernandez', 'Escalate: one joint toolkit'],
        ['patti-fernandez', 'Item 6.1'],
        ['patti-fernandez', 'Escalate: continuity budget'],
        ['patti-fernandez', 'Item 6'],
        ['patti-fernandez', 'Escalate: JIU follow-up'],
      ]),
    ).toEqual([
      [3, 'TSB', []],
      [6, 'GS', []],
      [6, 'GS', []],
    ]);
  });

  it('asks to confirm the sector when the item spans several, never taking the sector of whoever typed it', () => {
    const minutes = draftOf(
      chat([
        ['patti-fernandez', 'Item 4.1'],
        ['patti-fernandez', 'Escalate: budget for one joint toolkit'],
        ['adele-vance', 'Item 1'],
        ['adele-vance', 'Escalate: meeting rooms'],
      ]),
    );
    const escalations = minutes.items.flatMap((item) => item.escalations);
    expect(escalations.map((e) => [e.text, e.sector, e.problems])).toEqual([
      ['meeting rooms', null, ['sector-unknown']],
      ['budget for one joint toolkit', null, ['sector-unknown']],
    ]);
    expect(minutes.review.map((note) => [note.kind, note.problems])).toEqual([
      ['escalation', ['sector-unknown']],
      ['escalation', ['sector-unknown']],
    ]);
  });
});

describe('minutes editing', () => {
  it('rewords a decision and an escalation and marks them edited', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const decisionId = minutes.items[0]!.decisions[0]!.id;
    const escalationId = minutes.items[2]!.escalations[0]!.id;
    const edited = editEscalation(editDecision(minutes, decisionId, { text: 'Agenda adopted.' }), escalationId, {
      text: 'Joint toolkit budget.',
    });
    expect(edited.items[0]?.decisions[0]).toMatchObject({ text: 'Agenda adopted.', edited: true });
    expect(edited.items[2]?.escalations[0]).toMatchObject({ text: 'Joint toolkit budget.', edited: true });
    expect(edited.revision).toBe(3);
    expect(minutes.items[0]?.decisions[0]?.text).toBe('The agenda is adopted.');
  });

  it('fixes an action’s owner and date and clears the matching problems', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const action = minutes.items[3]!.actions[2]!;
    expect(action.problems).toEqual(['owner-missing']);
    const edited = editAction(minutes, action.id, {
      ownerName: 'Megan Bowen',
      ownerId: 'megan-bowen',
      due: '2026-12-20',
    });
    expect(edited.items[3]?.actions[2]).toMatchObject({ ownerId: 'megan-bowen', due: '2026-12-20', problems: [] });
    expect(minutes.review.map((note) => note.recordId)).toContain(action.id);
    expect(edited.review.map((note) => note.recordId)).not.toContain(action.id);
  });

  it('drops the review note of a removed entry and keeps the others', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const action = minutes.items[3]!.actions[2]!;
    const edited = removeEntry(minutes, action.id);
    expect(edited.review.map((note) => note.recordId)).not.toContain(action.id);
    expect(edited.review).toHaveLength(minutes.review.length - 1);
  });

  it('removes an entry', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const id = minutes.items[3]!.actions[0]!.id;
    expect(removeEntry(minutes, id).items[3]?.actions.map((a) => a.id)).not.toContain(id);
  });

  it('refuses unknown entries and invalid changes with a coded error', () => {
    const minutes = minutesOf(MEETING_CHAT);
    const codes = [
      () => editDecision(minutes, 'nope', { text: 'x' }),
      () => editDecision(minutes, minutes.items[0]!.decisions[0]!.id, { text: '  ' }),
      () => editAction(minutes, minutes.items[3]!.actions[0]!.id, { due: '15/12/2026' }),
      () => removeEntry(minutes, 'nope'),
    ].map((run) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return isAppError(error) ? error.code : 'not an AppError';
      }
    });
    expect(codes).toEqual(['request.invalid', 'request.invalid', 'request.invalid', 'request.invalid']);
  });

  it('turns approved minutes into tracked decisions, actions and escalations', () => {
    const records = minutesToRecords(minutesOf(MEETING_CHAT), NOW);
    expect(records.decisions.map((d) => [d.id, d.agendaItem])).toEqual([
      ['isc-tf-32.d1', 1],
      ['isc-tf-32.d2', 5],
    ]);
    expect(records.actions.map((a) => [a.ownerId, a.due, a.status, a.sourceMeetingId])).toEqual([
      ['alex-wilber', '2026-12-15', 'open', 'isc-tf-32'],
      ['adele-vance', null, 'open', 'isc-tf-32'],
      [null, null, 'open', 'isc-tf-32'],
    ]);
    expect(records.escalations[0]).toMatchObject({ to: 'CoCo', status: 'open', topicId: null });
    for (const d of records.decisions) expect(Decision.safeParse(d).success).toBe(true);
    for (const a of records.actions) expect(Action.safeParse(a).success).toBe(true);
    for (const e of records.escalations) expect(Escalation.safeParse(e).success).toBe(true);
  });
});

describe('lines from people outside the register', () => {
  it('puts a guest’s decision up for review, and not a member’s', () => {
    const guest = { id: 'guest-1', name: 'Patti Fernandez' };
    const minutes = minutesOf([
      message(0, 'patti-fernandez', 'Decision: The agenda is adopted.'),
      message(1, 'patti-fernandez', 'Decision: A stranger wrote this.', { from: guest }),
    ]);
    const notes = minutes.review.filter((note) => note.problems.includes('sender-unknown'));
    expect(notes.map((note) => note.raw)).toEqual(['Decision: A stranger wrote this.']);
  });
});
