/** Small factories for agenda, minutes and document tests, built from the demo register and personas. */
import type {
  Action,
  Assignment,
  Meeting,
  PlannedEvent,
  SectorId,
  StatusUpdate,
  Topic,
} from '../../../../teams-app/domain';
import { compileAgenda, type AgendaInput } from '../../../../teams-app/domain/agenda';
import { DEMO_PEOPLE, DEMO_TOPICS, demoMeetings } from '../../../../teams-app/store/demo/seed';

/** The fixed "now" of every test: 24 November 2026, 08:00 UTC. */
export const NOW = '2026-11-24T08:00:00.000Z';
const NOW_MS = Date.parse(NOW);

/** The demo meetings at NOW: [0] past ISC-TF 31, [1] ISC-TF 32 (the one under test), [3] ISC-TF 33. */
export function meetings(): Meeting[] {
  return demoMeetings(NOW_MS);
}

/** The ISC-TF meeting under test (32nd), with overrides. */
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return { ...meetings()[1]!, ...overrides };
}

/** A register topic by id (from the demo register). */
export function topic(id: string): Topic {
  const found = DEMO_TOPICS.find((t) => t.id === id);
  if (!found) throw new Error(`no demo topic ${id}`);
  return found;
}

/** A JIU recommendation tracked like a topic. */
export function jiuTopic(id: string, title: string, sectors: SectorId[] = ['GS']): Topic {
  return {
    id,
    title: { en: title, fr: `${title} (fr)` },
    description: '',
    kind: 'jiu-recommendation',
    resolutions: [],
    sectors,
    leadSector: sectors[0] ?? null,
    iscgCoordinatorArea: false,
    sinceYear: 2024,
    status: 'active',
  };
}

/** A synthetic topic (for scale tests). */
export function syntheticTopic(n: number, sectors: SectorId[] = ['BR', 'TSB', 'BDT', 'GS']): Topic {
  const id = `topic-${String(n).padStart(3, '0')}`;
  return {
    id,
    title: { en: `Coordination topic ${String(n).padStart(3, '0')}`, ar: `موضوع ${n}`, zh: `议题 ${n}` },
    description: '',
    kind: 'topic',
    resolutions: [],
    sectors,
    leadSector: sectors[0] ?? null,
    iscgCoordinatorArea: false,
    sinceYear: 2022,
    status: 'active',
  };
}

const FOCAL: Record<SectorId, string> = {
  BR: 'isaiah-langer',
  TSB: 'adele-vance',
  BDT: 'alex-wilber',
  GS: 'johanna-lorenz',
};

/** One assignment per sector of each topic (the demo's focal points); `vacant` sectors have nobody. */
export function assignmentsFor(
  topics: readonly Topic[],
  vacant: Partial<Record<string, SectorId[]>> = {},
): Assignment[] {
  const rows: Assignment[] = [];
  for (const t of topics) {
    const sectors: SectorId[] = t.sectors.length > 0 ? t.sectors : ['GS'];
    for (const sector of sectors) {
      const empty = (vacant[t.id] ?? []).includes(sector) || t.sectors.length === 0;
      rows.push({
        id: `${t.id}.${sector}`,
        topicId: t.id,
        sector,
        focalPointId: empty ? null : FOCAL[sector],
        alternateId: null,
        iscgCoordinator: false,
      });
    }
  }
  return rows;
}

/** A status update for the meeting under test. */
export function update(topicId: string, sector: SectorId, overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return {
    id: `isc-tf-32.${topicId}.${sector}`,
    meetingId: 'isc-tf-32',
    topicId,
    sector,
    authorId: FOCAL[sector],
    progress: `${sector} progress on ${topicId}.`,
    nextSteps: `${sector} next steps on ${topicId}.`,
    escalation: { flag: false, ask: '' },
    events: [],
    noChange: false,
    submittedAt: '2026-11-30T10:00:00.000Z',
    late: false,
    revision: 1,
    history: [],
    ...overrides,
  };
}

/** A "no change" update. */
export function noChange(topicId: string, sector: SectorId, overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return update(topicId, sector, { progress: '', nextSteps: '', noChange: true, ...overrides });
}

/** An event a sector plans to attend. */
export function event(name: string, start: string, end: string, overrides: Partial<PlannedEvent> = {}): PlannedEvent {
  return { name, start, end, place: 'Geneva', participants: 2, ...overrides };
}

/** A follow-up action from the previous meeting. */
export function action(id: string, due: string | null, overrides: Partial<Action> = {}): Action {
  return {
    id: `isc-tf-31.${id}`,
    topicId: 'accessibility',
    ownerId: 'alex-wilber',
    ownerName: 'Alex Wilber',
    text: `Action ${id}.`,
    due,
    status: 'open',
    sourceMeetingId: 'isc-tf-31',
    createdAt: '2026-11-04T11:00:00.000Z',
    ...overrides,
  };
}

/** A complete agenda input on the demo register, with overrides. */
export function agendaInput(overrides: Partial<AgendaInput> = {}): AgendaInput {
  const all = meetings();
  const topics = DEMO_TOPICS;
  return {
    meeting: all[1]!,
    previousMeeting: all[0]!,
    nextMeeting: all[3]!,
    topics,
    assignments: assignmentsFor(topics),
    people: DEMO_PEOPLE,
    updates: [],
    actions: [],
    now: NOW,
    ...overrides,
  };
}

/** A meeting's worth of realistic input: updates, an escalation, events with one overlap, actions, a late update. */
export function richInput(overrides: Partial<AgendaInput> = {}): AgendaInput {
  const topics = [...DEMO_TOPICS, jiuTopic('jiu-2023-rec-4', 'JIU/REP/2023/4 Recommendation 4: business continuity')];
  return agendaInput({
    topics,
    assignments: assignmentsFor(topics),
    updates: [
      update('accessibility', 'BDT', {
        events: [event('WSIS Forum 2026', '2026-12-07', '2026-12-10', { place: 'Geneva' })],
      }),
      update('accessibility', 'TSB', {
        escalation: { flag: true, ask: 'Should ITU publish one joint accessibility toolkit?' },
        events: [event('WSIS forum 2026', '2026-12-07', '2026-12-09', { place: 'Geneva' })],
      }),
      noChange('accessibility', 'GS'),
      noChange('youth', 'GS'),
      noChange('youth', 'BDT'),
      update('space', 'BR', { events: [event('Space Sustainability Summit', '2027-01-10', '2027-01-12')] }),
      update('space', 'GS', { events: [event('UN Space Outreach Week', '2027-01-11', '2027-01-13')] }),
      update('climate-change-environmental-sustainability', 'BR', {
        events: [event('COP 31', '2026-11-09', '2026-11-20')],
      }),
      update('climate-change-environmental-sustainability', 'BDT', {
        events: [event('Green Digital Week', '2026-12-14', '2026-12-15')],
      }),
      update('gender-equality', 'TSB', { late: true, submittedAt: '2026-12-05T09:00:00.000Z' }),
      update('jiu-2023-rec-4', 'GS', { progress: 'Business continuity plan drafted.' }),
    ],
    actions: [
      action('a1', '2026-11-29'),
      action('a2', '2026-11-21', { text: 'Align training calendars.' }),
      action('a3', null, { ownerId: 'adele-vance', ownerName: 'Adele Vance' }),
      action('a4', '2026-11-10', { status: 'done' }),
      action('a5', '2026-11-01', { text: 'Oldest overdue.' }),
    ],
    ...overrides,
  });
}

/** The compiled agenda of `richInput()`. */
export function richAgenda(overrides: Partial<AgendaInput> = {}) {
  return compileAgenda(richInput(overrides));
}

/** 200 topics × 4 sectors with every kind of update (the benchmark and the speed test). */
export function largeInput(topicCount = 200): AgendaInput {
  const topics = Array.from({ length: topicCount }, (_, i) => syntheticTopic(i + 1));
  const sectors: SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];
  const updates: StatusUpdate[] = [];
  topics.forEach((t, i) => {
    sectors.forEach((sector, j) => {
      const k = (i * 4 + j) % 10;
      if (k === 9) return;
      const base = update(t.id, sector, {
        progress: `Progress of ${sector} on ${t.title.en}: `.padEnd(400, 'x'),
        nextSteps: 'Next steps. '.repeat(10),
        late: k === 8,
        escalation: { flag: k === 7, ask: k === 7 ? `Decision needed on ${t.id}?` : '' },
        events:
          k < 3
            ? [
                event(
                  k === 0 ? `Forum ${i % 25}` : `${sector} event ${i}`,
                  '2026-12-07',
                  k === 2 ? '2026-12-08' : '2026-12-09',
                ),
              ]
            : [],
      });
      updates.push(k === 5 || k === 6 ? { ...base, noChange: true, progress: '', nextSteps: '' } : base);
    });
  });
  const actions = Array.from({ length: 100 }, (_, i) =>
    action(`a${i}`, `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, { topicId: topics[i % topics.length]!.id }),
  );
  return agendaInput({ topics, assignments: assignmentsFor(topics), updates, actions });
}
