import { Action } from '../../../../teams-app/domain';
import { ActionUpdate, minutesToRecords, type Minutes } from '../../../../teams-app/domain/minutes';
import { NOW } from '../agenda/agenda-fixtures';
import { chat } from './chat-fixtures';
import { followUpNumberOf, minutesOf } from './minutes-fixtures';

const A2 = followUpNumberOf('isc-tf-31.a2');
const A3 = followUpNumberOf('isc-tf-31.a3');

function outcomes(minutes: Minutes): [string, number, string, string | null][] {
  return minutes.items.flatMap((item) =>
    item.followUps.map((f): [string, number, string, string | null] => [f.actionId, f.number, f.outcome, f.newDue]),
  );
}

function outcomeOf(lines: [string, string][], actionId: string) {
  const followUp = minutesOf(chat(lines))
    .items.flatMap((item) => item.followUps)
    .find((f) => f.actionId === actionId);
  return followUp && [followUp.outcome, followUp.newDue];
}

describe('follow-up of earlier actions', () => {
  it('lists the open actions carried from earlier meetings under the follow-up item, numbered as in the agenda', () => {
    const minutes = minutesOf([]);
    const followUp = minutes.items.find((item) => item.kind === 'actions');
    expect(followUp?.number).toBe(2);
    expect(outcomes(minutes)).toEqual([
      ['isc-tf-31.a5', 1, 'open', null],
      ['isc-tf-31.a2', 2, 'open', null],
      ['isc-tf-31.a1', 3, 'open', null],
      ['isc-tf-31.a3', 4, 'open', null],
    ]);
    expect(minutes.items.filter((item) => item.kind !== 'actions').every((item) => item.followUps.length === 0)).toBe(
      true,
    );
  });

  it.each([
    ['en', `Done: ${A2}`],
    ['en', `Closed: #${A2}`],
    ['fr', `Fait : ${A2}`],
    ['es', `Hecho: ${A2}`],
    ['ru', `Выполнено: ${A2}`],
    ['zh', `完成：${A2}`],
    ['ar', `تم: ${A2}`],
  ])('closes an action named by its number (%s: %s), whatever item the chat is on', (_language, text) => {
    expect(
      outcomeOf(
        [
          ['patti-fernandez', 'Item 4'],
          ['patti-fernandez', text],
        ],
        'isc-tf-31.a2',
      ),
    ).toEqual(['closed', null]);
  });

  it.each([
    ['en', `Done: ${A2} — new date 2027-01-15`],
    ['fr', `Fait : ${A2}, nouvelle échéance le 15 janvier 2027`],
    ['es', `Hecho: ${A2}, nueva fecha 15/01/2027`],
    ['ru', `Выполнено: ${A2}, новый срок 15.01.2027`],
    ['zh', `完成：${A2} 新期限 2027年1月15日`],
    ['ar', `تم: ${A2} موعد جديد 15/01/2027`],
  ])('gives an action a new due date (%s: %s)', (_language, text) => {
    expect(outcomeOf([['patti-fernandez', text]], 'isc-tf-31.a2')).toEqual(['new-due', '2027-01-15']);
  });

  it('closes an action named by its owner and words', () => {
    expect(outcomeOf([['patti-fernandez', 'Done: @Alex Wilber training calendars']], 'isc-tf-31.a2')).toEqual([
      'closed',
      null,
    ]);
    expect(outcomeOf([['patti-fernandez', 'Done: Adele Vance']], 'isc-tf-31.a3')).toEqual(['closed', null]);
    expect(outcomeOf([['patti-fernandez', 'Done: align training calendars']], 'isc-tf-31.a2')).toEqual([
      'closed',
      null,
    ]);
  });

  it('asks the chair about a Done: line naming no open action, or several', () => {
    const minutes = minutesOf(
      chat([
        ['patti-fernandez', 'Done: 42'],
        ['patti-fernandez', `Done: ${followUpNumberOf('isc-tf-31.a4')}`],
        ['patti-fernandez', 'Done: @Alex Wilber'],
        ['patti-fernandez', 'Done: @Lee Gu something'],
        ['patti-fernandez', `Done: ${A3} new date 31/02/2027`],
      ]),
    );
    expect(minutes.review.map((note) => [note.raw, note.problems])).toEqual([
      ['Done: 42', ['action-unknown']],
      [`Done: ${followUpNumberOf('isc-tf-31.a4')}`, ['action-unknown']],
      ['Done: @Alex Wilber', ['action-unknown']],
      ['Done: @Lee Gu something', ['action-unknown']],
      [`Done: ${A3} new date 31/02/2027`, ['date-invalid']],
    ]);
    expect(outcomes(minutes).every(([, , outcome]) => outcome === 'open')).toBe(true);
  });

  it('takes the last word on an action when the chat changes its mind', () => {
    expect(
      outcomeOf(
        [
          ['patti-fernandez', `Done: ${A2}`],
          ['patti-fernandez', `Done: ${A2} new date 2027-02-01`],
        ],
        'isc-tf-31.a2',
      ),
    ).toEqual(['new-due', '2027-02-01']);
  });

  it('turns the outcomes into updates of the existing actions on approval, and nothing for those still open', () => {
    const records = minutesToRecords(
      minutesOf(
        chat([
          ['patti-fernandez', `Done: ${A2}`],
          ['patti-fernandez', `Done: ${A3} — new date 2027-01-15`],
        ]),
      ),
      NOW,
    );
    expect(records.actionUpdates).toEqual([
      { actionId: 'isc-tf-31.a2', status: 'done', due: '2026-11-21' },
      { actionId: 'isc-tf-31.a3', status: 'open', due: '2027-01-15' },
    ]);
    for (const update of records.actionUpdates) expect(ActionUpdate.safeParse(update).success).toBe(true);
    expect(records.actions).toEqual([]);
    expect(Action.shape.status.options).toEqual(expect.arrayContaining(records.actionUpdates.map((u) => u.status)));
  });
});
