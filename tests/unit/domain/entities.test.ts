import { Meeting, Person, StatusUpdate, Topic, UPDATE_LIMITS } from '../../../teams-app/domain';
import { DEMO_PEOPLE, DEMO_TOPICS, demoMeetings } from '../../../teams-app/store/demo/seed';

describe('domain schemas', () => {
  it('accept every demo record', () => {
    for (const t of DEMO_TOPICS) expect(Topic.safeParse(t).success).toBe(true);
    for (const p of DEMO_PEOPLE) expect(Person.safeParse(p).success).toBe(true);
    for (const m of demoMeetings(Date.parse('2026-11-24T08:00:00Z'))) expect(Meeting.safeParse(m).success).toBe(true);
  });

  it('carry the 18 real topics with their resolutions and six-language titles', () => {
    expect(DEMO_TOPICS).toHaveLength(18);
    const accessibility = DEMO_TOPICS.find((t) => t.id === 'accessibility');
    expect(accessibility?.resolutions.map((r) => `${r.body} ${r.number}`)).toContain('PP 175');
    expect(accessibility?.title.ar).toBe('إمكانية النفاذ');
    for (const t of DEMO_TOPICS) expect(Object.keys(t.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });

  it('refuse an unknown time zone, a bad date and an oversized progress text', () => {
    const meeting = demoMeetings(Date.parse('2026-11-24T08:00:00Z'))[1]!;
    expect(Meeting.safeParse({ ...meeting, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(Meeting.safeParse({ ...meeting, start: '2026-13-45' }).success).toBe(false);
    const update = {
      id: 'u1',
      meetingId: 'm',
      topicId: 't',
      sector: 'BDT',
      authorId: 'p',
      progress: 'x'.repeat(UPDATE_LIMITS.progress + 1),
      nextSteps: '',
      escalation: { flag: false, ask: '' },
      events: [],
      noChange: false,
      submittedAt: '2026-11-24T08:00:00Z',
      late: false,
      revision: 1,
      history: [],
    };
    const result = StatusUpdate.safeParse(update);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`at most ${UPDATE_LIMITS.progress} characters`);
  });

  it('refuse ids with markup', () => {
    expect(Topic.shape.id.safeParse('<script>').success).toBe(false);
  });
});
