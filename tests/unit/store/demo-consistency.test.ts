import {
  Agenda,
  Minutes,
  minutesToRecords,
  unresolvedNotes,
  type DocumentVersion,
  type Meeting,
  type MeetingState,
} from '../../../teams-app/domain';
import type { Store } from '../../../teams-app/store';
import { demoPastDocuments, seedDemoData } from '../../../teams-app/store/demo/seed';
import { openSqliteStore } from '../../../teams-app/store/sqlite/sqlite-store';

const NOW = Date.parse('2026-11-24T08:00:00.000Z');

/** The states from which a meeting has a compiled agenda, a published one, a drafted and an approved minutes. */
const FROM_AGENDA_DRAFT: readonly MeetingState[] = [
  'agenda-draft',
  'agenda-published',
  'held',
  'minutes-draft',
  'minutes-approved',
];
const FROM_AGENDA_PUBLISHED = FROM_AGENDA_DRAFT.slice(1);
const FROM_HELD = FROM_AGENDA_DRAFT.slice(2);
const FROM_MINUTES_DRAFT = FROM_AGENDA_DRAFT.slice(3);

/** What a meeting's state claims that its records do not bear out (empty: consistent). */
function stateProblems(meeting: Meeting, documents: readonly DocumentVersion[], nowMs: number): string[] {
  const problems: string[] = [];
  const agendas = documents.filter((d) => d.meetingId === meeting.id && d.kind === 'agenda');
  const minutes = documents.filter((d) => d.meetingId === meeting.id && d.kind === 'minutes');
  const { state } = meeting;
  if (FROM_AGENDA_DRAFT.includes(state) && agendas.length === 0) problems.push(`${state} without an agenda version`);
  if (FROM_AGENDA_PUBLISHED.includes(state) && !agendas.some((d) => d.status === 'published')) {
    problems.push(`${state} without a published agenda`);
  }
  if (FROM_HELD.includes(state) && Date.parse(meeting.start) > nowMs) problems.push(`${state} before its start`);
  if (FROM_MINUTES_DRAFT.includes(state) && minutes.length === 0) problems.push(`${state} without minutes`);
  if (state === 'minutes-approved' && !minutes.some((d) => d.status === 'published')) {
    problems.push('minutes-approved without approved minutes');
  }
  if (!FROM_AGENDA_DRAFT.includes(state) && agendas.length > 0) problems.push(`${state} with an agenda`);
  if (!FROM_MINUTES_DRAFT.includes(state) && minutes.length > 0) problems.push(`${state} with minutes`);
  return problems;
}

describe('the demo data', () => {
  let store: Store & { close(): Promise<void> };

  beforeAll(async () => {
    store = openSqliteStore({ file: ':memory:' });
    await seedDemoData(store, NOW);
  });

  afterAll(() => store.close());

  it('has the records every meeting’s state implies, and none it does not', async () => {
    const [meetings, documents] = await Promise.all([store.meetings.all(), store.documents.all()]);
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.map((m) => [m.id, stateProblems(m, documents, NOW)])).toEqual(meetings.map((m) => [m.id, []]));
  });

  it('gives the past meeting an agenda and minutes its own schemas accept, with no review note left open', async () => {
    const documents = await store.documents.all({ where: { meetingId: 'isc-tf-31' } });
    const agenda = documents.find((d) => d.kind === 'agenda' && d.status === 'published');
    const minutes = documents.find((d) => d.kind === 'minutes' && d.status === 'published');
    expect(Agenda.safeParse(agenda?.content).success).toBe(true);
    const parsed = Minutes.parse(minutes?.content);
    expect(unresolvedNotes(parsed)).toEqual([]);
    expect(parsed.meeting.meetingId).toBe('isc-tf-31');
    expect(parsed.attendance.filter((a) => a.present).map((a) => a.personId)).toEqual(
      expect.arrayContaining(['patti-fernandez', 'megan-bowen', 'alex-wilber', 'isaiah-langer']),
    );
    expect(Date.parse(agenda?.publishedAt ?? '')).toBeLessThan(Date.parse(parsed.meeting.start));
  });

  it('records exactly the actions the approved minutes hold, as approving them creates them', async () => {
    const [actions, documents, meetings] = await Promise.all([
      store.actions.all(),
      store.documents.all({ where: { kind: 'minutes', status: 'published' } }),
      store.meetings.all(),
    ]);
    for (const meeting of meetings.filter((m) => actions.some((a) => a.sourceMeetingId === m.id))) {
      expect(meeting.state).toBe('minutes-approved');
      const approved = documents.find((d) => d.meetingId === meeting.id);
      const stored = actions
        .filter((a) => a.sourceMeetingId === meeting.id)
        .map(({ etag: _etag, ...action }) => action)
        .sort((a, b) => a.id.localeCompare(b.id));
      const recorded = minutesToRecords(Minutes.parse(approved?.content), approved?.publishedAt ?? '').actions;
      expect(stored).toEqual(recorded);
    }
  });

  it('compiles the same documents every time for the same instant', () => {
    expect(demoPastDocuments(NOW)).toEqual(demoPastDocuments(NOW));
  });
});
