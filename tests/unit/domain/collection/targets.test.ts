import {
  DEFAULT_WINDOW,
  awayForRestOfWindow,
  buildTracker,
  deliveryFailure,
  collectionWindow,
  dueReminderIndex,
  outboxKeys,
  pendingTargets,
  promptTargets,
  type Assignment,
  type Delegation,
  type Person,
  type StatusUpdate,
} from '../../../../teams-app/domain';

const window = collectionWindow({
  start: '2026-12-06T09:00:00.000Z',
  timeZone: 'Europe/Zurich',
  window: DEFAULT_WINDOW,
});

function assignment(
  topicId: string,
  sector: Assignment['sector'],
  focalPointId: string | null,
  alternateId: string | null = null,
): Assignment {
  return { id: `${topicId}.${sector}`, topicId, sector, focalPointId, alternateId, iscgCoordinator: false };
}

function person(id: string, outOfOffice: Person['outOfOffice'] = []): Pick<Person, 'id' | 'outOfOffice' | 'timeZone'> {
  return { id, outOfOffice, timeZone: 'Europe/Zurich' };
}

function update(topicId: string, sector: StatusUpdate['sector']): Pick<StatusUpdate, 'topicId' | 'sector'> {
  return { topicId, sector };
}

const topics = [
  { id: 'space', status: 'active' as const },
  { id: 'youth', status: 'active' as const },
  { id: 'old', status: 'closed' as const },
];

const base = {
  meeting: { id: 'm1' },
  window,
  topics,
  people: [person('fp'), person('alt'), person('fp2')],
  delegations: [] as Delegation[],
  now: '2026-11-26T09:00:00.000Z',
};

describe('prompt targeting', () => {
  it('asks the focal point of every active topic × sector and nobody for a vacancy or a closed topic', () => {
    const targets = promptTargets({
      ...base,
      assignments: [
        assignment('space', 'BR', 'fp', 'alt'),
        assignment('youth', 'BDT', null),
        assignment('old', 'GS', 'fp2'),
      ],
    });
    expect(targets).toEqual([
      { meetingId: 'm1', topicId: 'space', sector: 'BR', personId: 'fp', reason: 'focal-point' },
    ]);
  });

  it('routes to the alternate when the focal point is out of office for the rest of the window', () => {
    const targets = promptTargets({
      ...base,
      people: [person('fp', [{ from: '2026-11-20', to: '2026-12-10' }]), person('alt')],
      assignments: [assignment('space', 'BR', 'fp', 'alt')],
    });
    expect(targets[0]).toEqual(expect.objectContaining({ personId: 'alt', reason: 'alternate-out-of-office' }));
  });

  it('keeps the focal point when the absence ends before the window closes', () => {
    const targets = promptTargets({
      ...base,
      people: [person('fp', [{ from: '2026-11-20', to: '2026-11-30' }]), person('alt')],
      assignments: [assignment('space', 'BR', 'fp', 'alt')],
    });
    expect(targets[0]?.personId).toBe('fp');
  });

  it('keeps the focal point when out of office but no alternate is appointed', () => {
    const targets = promptTargets({
      ...base,
      people: [person('fp', [{ from: '2026-11-01', to: '2026-12-31' }])],
      assignments: [assignment('space', 'BR', 'fp', null)],
    });
    expect(targets[0]?.personId).toBe('fp');
  });

  it('sends a delegated prompt to the delegate', () => {
    const delegations: Delegation[] = [
      { id: 'm1.space.BR', meetingId: 'm1', topicId: 'space', sector: 'BR', fromId: 'fp', toId: 'alt', at: base.now },
    ];
    const targets = promptTargets({ ...base, delegations, assignments: [assignment('space', 'BR', 'fp', 'alt')] });
    expect(targets[0]).toEqual(expect.objectContaining({ personId: 'alt', reason: 'delegated' }));
  });

  it('reminds only focal points who have not answered', () => {
    const targets = promptTargets({
      ...base,
      assignments: [assignment('space', 'BR', 'fp'), assignment('youth', 'BDT', 'fp2')],
    });
    expect(pendingTargets(targets, [update('space', 'BR')]).map((t) => t.personId)).toEqual(['fp2']);
    expect(pendingTargets(targets, [update('space', 'BR'), update('youth', 'BDT')])).toEqual([]);
  });
});

describe('out of office', () => {
  it('counts whole days from now to the close', () => {
    expect(
      awayForRestOfWindow(
        { outOfOffice: [{ from: '2026-12-01', to: '2026-12-05' }] },
        '2026-12-01T10:00:00Z',
        '2026-12-05T16:00:00Z',
      ),
    ).toBe(true);
    expect(
      awayForRestOfWindow(
        { outOfOffice: [{ from: '2026-12-02', to: '2026-12-05' }] },
        '2026-12-01T10:00:00Z',
        '2026-12-05T16:00:00Z',
      ),
    ).toBe(false);
  });
});

describe('reminder schedule', () => {
  it('has no reminder due before the first reminder instant', () => {
    expect(dueReminderIndex(window, '2026-11-30T00:00:00.000Z')).toBeNull();
  });

  it('makes only the latest passed reminder due after downtime, never both', () => {
    expect(dueReminderIndex(window, window.remindersAt[0]!)).toBe(0);
    expect(dueReminderIndex(window, '2026-12-05T08:00:00.000Z')).toBe(1);
  });

  it('sends no reminder once the window has closed', () => {
    expect(dueReminderIndex(window, window.closesAt)).toBeNull();
  });
});

describe('idempotency keys', () => {
  it('are the same for the same prompt and differ for another person, topic, sector or reminder', () => {
    expect(outboxKeys.prompt('m1', 'p', 't', 'BR')).toBe(outboxKeys.prompt('m1', 'p', 't', 'BR'));
    const keys = new Set([
      outboxKeys.prompt('m1', 'p', 't', 'BR'),
      outboxKeys.prompt('m1', 'q', 't', 'BR'),
      outboxKeys.prompt('m1', 'p', 'u', 'BR'),
      outboxKeys.prompt('m1', 'p', 't', 'GS'),
      outboxKeys.reminder('m1', 'p', 0),
      outboxKeys.reminder('m1', 'p', 1),
    ]);
    expect(keys.size).toBe(6);
  });
});

describe('tracker', () => {
  it('reports answered, no change, late, pending, undeliverable and vacant slots', () => {
    const assignments = [
      assignment('a', 'BR', 'p1'),
      assignment('b', 'BR', 'p2'),
      assignment('c', 'BR', 'p3'),
      assignment('d', 'BR', 'p4'),
      assignment('e', 'BR', 'p5'),
      assignment('f', 'BR', null),
    ];
    const mk = (topicId: string, extra: Partial<StatusUpdate>): StatusUpdate => ({
      id: topicId,
      meetingId: 'm1',
      topicId,
      sector: 'BR',
      authorId: 'p',
      progress: '',
      nextSteps: '',
      escalation: { flag: false, ask: '' },
      events: [],
      noChange: false,
      submittedAt: '2026-12-01T00:00:00Z',
      late: false,
      revision: 1,
      history: [],
      ...extra,
    });
    const rows = buildTracker({
      assignments,
      activeTopicIds: ['a', 'b', 'c', 'd', 'e', 'f'],
      targets: promptTargets({
        ...base,
        topics: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, status: 'active' })),
        people: [],
        assignments,
      }),
      updates: [mk('a', {}), mk('b', { noChange: true }), mk('c', { late: true })],
      undeliverable: new Map([['e.BR', 'blocked (403)']]),
      asked: new Set(['d.BR']),
    });
    expect(rows.map((r) => r.status)).toEqual(['answered', 'no-change', 'late', 'pending', 'undeliverable', 'vacant']);
    expect(rows[4]).toMatchObject({ reasonCode: 'delivery.blocked', reason: null });
    expect(rows[5]).toMatchObject({ reasonCode: 'tracker.no-focal-point', reason: null });
  });

  it('gives an undeliverable slot the reason code its failure was stored with', () => {
    const rows = buildTracker({
      assignments: [assignment('a', 'BR', 'p1'), assignment('b', 'BR', 'p2')],
      activeTopicIds: ['a', 'b'],
      targets: [],
      updates: [],
      undeliverable: new Map([
        ['a.BR', deliveryFailure('delivery.blocked', 'app not installed or blocked by the user (403)')],
        ['b.BR', null],
      ]),
      asked: new Set(),
    });
    expect(rows.map((r) => [r.status, r.reasonCode, r.reason])).toEqual([
      ['undeliverable', 'delivery.blocked', null],
      ['undeliverable', 'delivery.refused', null],
    ]);
  });

  it('tells a slot not asked yet from one asked and waiting for an answer', () => {
    const assignments = [assignment('a', 'BR', 'p1'), assignment('b', 'BR', 'p2')];
    const rows = buildTracker({
      assignments,
      activeTopicIds: ['a', 'b'],
      targets: [],
      updates: [],
      undeliverable: new Map(),
      asked: new Set(['a.BR']),
    });
    expect(rows.map((r) => [r.topicId, r.status])).toEqual([
      ['a', 'pending'],
      ['b', 'not-asked'],
    ]);
  });
});
