import { isAppError } from '../../../../teams-app/domain';
import {
  acceptNote,
  applyMinutesEdit,
  editAction,
  editDecision,
  editEscalation,
  editFollowUp,
  Minutes,
  moveEntry,
  removeEntry,
  unresolvedNotes,
} from '../../../../teams-app/domain/minutes';
import { chat } from './chat-fixtures';
import { followUpNumberOf, minutesOf } from './minutes-fixtures';

const CHAIR = { personId: 'patti-fernandez', name: 'Patti Fernandez' };
const AT = '2026-12-07T12:00:00.000Z';

const DRAFT = minutesOf(
  chat([
    ['patti-fernandez', 'Decision: the agenda is adopted'],
    ['patti-fernandez', 'Action: prepare a summary'],
    ['patti-fernandez', 'Item 4.1'],
    ['patti-fernandez', 'Escalate: budget for one joint toolkit'],
    ['patti-fernandez', 'Item 99'],
  ]),
);

function entry(minutes: Minutes, text: string) {
  for (const item of minutes.items) {
    for (const found of [...item.decisions, ...item.actions, ...item.escalations]) {
      if (found.text === text) return { item: item.number, entry: found };
    }
  }
  throw new Error(`no entry "${text}"`);
}

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
}

describe('moveEntry', () => {
  it('files a decision, an action or an escalation under another item, in chat order, one revision up', () => {
    const decision = entry(DRAFT, 'the agenda is adopted').entry;
    const moved = moveEntry(DRAFT, decision.id, 3);
    expect(entry(moved, 'the agenda is adopted')).toMatchObject({ item: 3, entry: { topicId: null, edited: true } });
    expect(moved.items[0]?.decisions).toEqual([]);
    expect(moved.revision).toBe(DRAFT.revision + 1);
    const escalation = entry(DRAFT, 'budget for one joint toolkit').entry;
    const toSub = moveEntry(moved, escalation.id, 4, 2);
    expect(entry(toSub, 'budget for one joint toolkit')).toMatchObject({
      item: 4,
      entry: { topicId: 'climate-change-environmental-sustainability' },
    });
    const action = entry(DRAFT, 'prepare a summary').entry;
    const twice = moveEntry(moveEntry(DRAFT, action.id, 4), decision.id, 4);
    expect(twice.items[3]?.actions.map((a) => a.text)).toEqual(['prepare a summary']);
    expect(twice.items[3]?.decisions.map((d) => d.text)).toEqual(['the agenda is adopted']);
  });

  it('keeps an entry’s review note with it', () => {
    const action = entry(DRAFT, 'prepare a summary').entry;
    const moved = moveEntry(DRAFT, action.id, 5);
    expect(entry(moved, 'prepare a summary').item).toBe(5);
    expect(unresolvedNotes(moved).map((note) => note.recordId)).toContain(action.id);
  });

  it('changes nothing, not even the revision, when the entry is already there', () => {
    const decision = entry(DRAFT, 'the agenda is adopted').entry;
    expect(moveEntry(DRAFT, decision.id, 1)).toBe(DRAFT);
    const escalation = entry(DRAFT, 'budget for one joint toolkit').entry;
    expect(moveEntry(DRAFT, escalation.id, 4, 1)).toBe(DRAFT);
  });

  it('refuses an item or sub-item the minutes do not have, and an unknown entry', () => {
    const decision = entry(DRAFT, 'the agenda is adopted').entry;
    expect(codeOf(() => moveEntry(DRAFT, decision.id, 42))).toBe('request.invalid');
    expect(codeOf(() => moveEntry(DRAFT, decision.id, 4, 9))).toBe('request.invalid');
    expect(codeOf(() => moveEntry(DRAFT, decision.id, 1, 1))).toBe('request.invalid');
    expect(codeOf(() => moveEntry(DRAFT, decision.id, 1.5))).toBe('request.invalid');
    expect(codeOf(() => moveEntry(DRAFT, 'nope', 1))).toBe('request.invalid');
  });
});

describe('review notes', () => {
  it('lists the notes still to settle: no owner, sector to confirm, unknown item', () => {
    expect(unresolvedNotes(DRAFT).map((note) => [note.kind, note.problems])).toEqual([
      ['action', ['owner-missing']],
      ['escalation', ['sector-unknown']],
      ['pointer', ['item-unknown']],
    ]);
  });

  it('accepts a note as it stands: it stays listed, with who accepted it and when', () => {
    const action = entry(DRAFT, 'prepare a summary').entry;
    const accepted = acceptNote(DRAFT, action.id, CHAIR, AT);
    expect(accepted.review.find((note) => note.recordId === action.id)).toMatchObject({
      problems: ['owner-missing'],
      acceptedBy: CHAIR,
      acceptedAt: AT,
    });
    expect(accepted.revision).toBe(DRAFT.revision + 1);
    expect(unresolvedNotes(accepted).map((note) => note.recordId)).not.toContain(action.id);
    expect(acceptNote(accepted, action.id, { personId: 'megan-bowen', name: 'Megan Bowen' }, AT)).toBe(accepted);
  });

  it('settles a note by fixing its entry: an owner, a sector', () => {
    const action = entry(DRAFT, 'prepare a summary').entry;
    const escalation = entry(DRAFT, 'budget for one joint toolkit').entry;
    const fixed = editEscalation(
      editAction(DRAFT, action.id, { ownerName: 'Megan Bowen', ownerId: 'megan-bowen' }),
      escalation.id,
      {
        sector: 'TSB',
      },
    );
    expect(entry(fixed, 'budget for one joint toolkit').entry).toMatchObject({ sector: 'TSB', problems: [] });
    expect(unresolvedNotes(fixed).map((note) => note.kind)).toEqual(['pointer']);
    const pointer = DRAFT.review.find((note) => note.kind === 'pointer');
    expect(unresolvedNotes(acceptNote(fixed, pointer?.recordId ?? '', CHAIR, AT))).toEqual([]);
  });

  it('refuses to accept a note the minutes do not have, or without a valid name and time', () => {
    const action = entry(DRAFT, 'prepare a summary').entry;
    expect(codeOf(() => acceptNote(DRAFT, 'nope', CHAIR, AT))).toBe('request.invalid');
    expect(codeOf(() => acceptNote(DRAFT, action.id, CHAIR, 'yesterday'))).toBe('request.invalid');
    expect(codeOf(() => acceptNote(DRAFT, action.id, { personId: 'x y', name: 'X' }, AT))).toBe('request.invalid');
  });
});

describe('follow-up outcomes in the review', () => {
  it('closes, re-dates or reopens an earlier action', () => {
    const closed = editFollowUp(DRAFT, 'isc-tf-31.a2', { outcome: 'closed' });
    const find = (m: Minutes) => m.items.flatMap((item) => item.followUps).find((f) => f.actionId === 'isc-tf-31.a2');
    expect(find(closed)).toMatchObject({ outcome: 'closed', newDue: null, edited: true });
    const redated = editFollowUp(closed, 'isc-tf-31.a2', { outcome: 'new-due', due: '2027-03-01' });
    expect(find(redated)).toMatchObject({ outcome: 'new-due', newDue: '2027-03-01' });
    expect(redated.revision).toBe(DRAFT.revision + 2);
    expect(editFollowUp(redated, 'isc-tf-31.a2', { outcome: 'new-due', due: '2027-03-01' })).toBe(redated);
  });

  it('refuses an action not listed, and an outcome without its date', () => {
    expect(codeOf(() => editFollowUp(DRAFT, 'isc-tf-31.a4', { outcome: 'closed' }))).toBe('request.invalid');
    expect(
      codeOf(() =>
        applyMinutesEdit(
          DRAFT,
          { op: 'follow-up', actionId: 'isc-tf-31.a2', patch: { outcome: 'new-due' } },
          CHAIR,
          AT,
        ),
      ),
    ).toBe('request.invalid');
    expect(followUpNumberOf('isc-tf-31.a4')).toBe(5);
  });
});

describe('edits that change nothing', () => {
  it('keep the revision', () => {
    const decision = entry(DRAFT, 'the agenda is adopted').entry;
    const action = entry(DRAFT, 'prepare a summary').entry;
    const escalation = entry(DRAFT, 'budget for one joint toolkit').entry;
    expect(editDecision(DRAFT, decision.id, { text: 'the agenda is adopted' })).toBe(DRAFT);
    expect(editAction(DRAFT, action.id, { text: 'prepare a summary', due: null })).toBe(DRAFT);
    expect(editEscalation(DRAFT, escalation.id, {})).toBe(DRAFT);
    expect(editFollowUp(DRAFT, 'isc-tf-31.a2', { outcome: 'open' })).toBe(DRAFT);
    expect(removeEntry(DRAFT, decision.id).revision).toBe(DRAFT.revision + 1);
  });
});

describe('applyMinutesEdit', () => {
  it('applies each kind of edit the tab and the card send', () => {
    const decision = entry(DRAFT, 'the agenda is adopted').entry;
    const action = entry(DRAFT, 'prepare a summary').entry;
    let minutes = applyMinutesEdit(DRAFT, { op: 'move', entryId: decision.id, item: 3, sub: null }, CHAIR, AT);
    minutes = applyMinutesEdit(minutes, { op: 'accept-note', recordId: action.id }, CHAIR, AT);
    minutes = applyMinutesEdit(
      minutes,
      { op: 'follow-up', actionId: 'isc-tf-31.a5', patch: { outcome: 'closed' } },
      CHAIR,
      AT,
    );
    minutes = applyMinutesEdit(
      minutes,
      { op: 'decision', entryId: decision.id, patch: { text: 'Adopted.' } },
      CHAIR,
      AT,
    );
    expect(entry(minutes, 'Adopted.').item).toBe(3);
    expect(minutes.revision).toBe(DRAFT.revision + 4);
    expect(Minutes.safeParse(minutes).success).toBe(true);
  });

  it('refuses unknown operations, unknown keys and prototype keys with a coded error', () => {
    const decision = entry(DRAFT, 'the agenda is adopted').entry;
    for (const bad of [
      { op: 'rename', entryId: decision.id },
      { op: 'decision', entryId: decision.id, patch: { text: 'x', extra: 1 } },
      JSON.parse(`{"op":"move","entryId":"${decision.id}","item":2,"__proto__":{"polluted":true}}`),
      { op: 'move', entryId: decision.id, item: '2' },
      { op: 'escalation', entryId: decision.id, patch: { sector: 'ITU' } },
    ]) {
      expect(codeOf(() => applyMinutesEdit(DRAFT, bad, CHAIR, AT))).toBe('request.invalid');
    }
  });
});

describe('stored minutes from before these fields', () => {
  it('still load, with attendance present, no follow-ups and notes not accepted', () => {
    const old = JSON.parse(JSON.stringify(DRAFT)) as Record<string, unknown> & Minutes;
    for (const attendee of old.attendance) {
      delete (attendee as Partial<typeof attendee>).present;
      delete (attendee as Partial<typeof attendee>).guest;
    }
    for (const item of old.items) {
      delete (item as Partial<typeof item>).followUps;
      delete (item as Partial<typeof item>).subItems;
    }
    for (const note of old.review) {
      delete (note as Partial<typeof note>).acceptedBy;
      delete (note as Partial<typeof note>).acceptedAt;
    }
    const loaded = Minutes.parse(old);
    expect(loaded.attendance.every((a) => a.present && !a.guest)).toBe(true);
    expect(loaded.items.every((item) => item.followUps.length === 0 && item.subItems.length === 0)).toBe(true);
    expect(loaded.review.every((note) => note.acceptedBy === null && note.acceptedAt === null)).toBe(true);
  });
});
