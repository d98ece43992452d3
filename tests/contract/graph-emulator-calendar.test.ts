import { callerFor, GraphEmulator } from '../support/graph-emulator';

const ORGANIZER = 'isc.coordinator@contoso.onmicrosoft.com';
const utc = (iso: string) => ({ dateTime: iso, timeZone: 'UTC' });

function setup(options: ConstructorParameters<typeof GraphEmulator>[0] = {}) {
  const emulator = new GraphEmulator(options);
  const call = callerFor(emulator);
  const events = `/groups/${emulator.groupId}/events`;
  const meeting = (subject: string, start: string, end: string) =>
    call('POST', events, {
      subject,
      start: utc(start),
      end: utc(end),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
  const delta = `/groups/${emulator.groupId}/calendarView/delta?startDateTime=2026-12-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z`;
  return { emulator, call, events, meeting, delta };
}

/** Follows a delta round from `url` to its deltaLink, collecting every change. */
async function round(call: ReturnType<typeof callerFor>, url: string) {
  const changes: any[] = [];
  let next: string | undefined = url;
  let pages = 0;
  for (;;) {
    const page: any = await call('GET', next);
    if (page.status !== 200) return { status: page.status, error: page.body.error, changes, deltaLink: '', pages };
    changes.push(...page.body.value);
    pages += 1;
    next = page.body['@odata.nextLink'];
    if (!next)
      return { status: 200, error: undefined, changes, deltaLink: page.body['@odata.deltaLink'] as string, pages };
  }
}

describe('Graph emulator: group calendar', () => {
  it('creates an event with a Teams online meeting whose join URL carries the meeting chat thread id', async () => {
    const { meeting } = setup();
    const created = await meeting('ISC-TF meeting 1', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      subject: 'ISC-TF meeting 1',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2026-12-10T13:00:00.0000000', timeZone: 'UTC' },
      organizer: { emailAddress: { address: ORGANIZER } },
    });
    const joinUrl: string = created.body.onlineMeeting.joinUrl;
    expect(joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(decodeURIComponent(joinUrl)).toMatch(/19:meeting_[A-Za-z0-9_-]+@thread\.v2/);
  });

  it('converts an IANA time zone to UTC and refuses unknown event properties', async () => {
    const { call, events } = setup();
    const geneva = await call('POST', events, {
      subject: 'x',
      start: { dateTime: '2026-12-10T10:00:00', timeZone: 'Europe/Zurich' },
      end: utc('2026-12-10T11:00:00'),
    });
    expect(geneva.body.start.dateTime).toBe('2026-12-10T09:00:00.0000000');
    const unknown = await call('POST', events, {
      subject: 'x',
      start: utc('2026-12-10T10:00:00'),
      end: utc('2026-12-10T11:00:00'),
      colour: 'red',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("'colour' does not exist on type 'microsoft.graph.event'");
  });

  it('updates an event with a new change key and refuses a stale If-Match with 412', async () => {
    const { call, events, meeting } = setup();
    const created = await meeting('m', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    const url = `${events}/${created.body.id}`;
    const moved = await call(
      'PATCH',
      url,
      { start: utc('2026-12-11T13:00:00'), end: utc('2026-12-11T15:00:00') },
      { 'if-match': created.body['@odata.etag'] },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.changeKey).not.toBe(created.body.changeKey);
    expect(moved.body.onlineMeeting.joinUrl).toBe(created.body.onlineMeeting.joinUrl);
    expect((await call('PATCH', url, { subject: 'late' }, { 'if-match': created.body['@odata.etag'] })).status).toBe(
      412,
    );
    expect((await call('DELETE', url)).status).toBe(204);
    expect((await call('GET', url)).status).toBe(404);
  });

  it('follows calendar view delta to a deltaLink, then reports moves, cancellations and new events', async () => {
    const { emulator, meeting, call, delta } = setup({ pageSize: 2 });
    const a = await meeting('a', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    const b = await meeting('b', '2026-12-11T13:00:00', '2026-12-11T15:00:00');
    const c = await meeting('c', '2026-12-12T13:00:00', '2026-12-12T15:00:00');
    await meeting('outside', '2027-02-01T13:00:00', '2027-02-01T15:00:00');
    const first = await round(call, delta);
    expect(first.pages).toBe(2);
    expect(first.changes.map((e) => e.subject).sort()).toEqual(['a', 'b', 'c']);
    expect(first.deltaLink).toContain('$deltatoken=');

    const quiet = await round(call, first.deltaLink);
    expect(quiet.changes).toEqual([]);

    emulator.moveEvent(a.body.id, '2026-12-17T13:00:00Z', '2026-12-17T15:00:00Z');
    emulator.cancelEvent(b.body.id);
    emulator.moveEvent(c.body.id, '2027-03-01T13:00:00Z', '2027-03-01T15:00:00Z');
    const d = await meeting('d', '2026-12-20T13:00:00', '2026-12-20T15:00:00');
    const second = await round(call, quiet.deltaLink);
    const byId = Object.fromEntries(second.changes.map((e) => [e.id, e]));
    expect(byId[a.body.id].start.dateTime).toBe('2026-12-17T13:00:00.0000000');
    expect(byId[b.body.id]['@removed']).toEqual({ reason: 'deleted' });
    expect(byId[c.body.id]['@removed']).toEqual({ reason: 'deleted' });
    expect(byId[d.body.id].subject).toBe('d');
    expect(
      emulator
        .events()
        .map((e) => e.subject)
        .sort(),
    ).toEqual(['a', 'c', 'd', 'outside']);
  });

  it('answers 410 resyncRequired to delta and skip tokens once they expire', async () => {
    const { emulator, meeting, call, delta } = setup({ pageSize: 1 });
    await meeting('a', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    await meeting('b', '2026-12-11T13:00:00', '2026-12-11T15:00:00');
    const firstPage: any = await call('GET', delta);
    const full = await round(call, delta);
    emulator.expireDeltaTokens();
    for (const url of [firstPage.body['@odata.nextLink'], full.deltaLink]) {
      const expired = await call('GET', url);
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('resyncRequired');
    }
    expect((await round(call, delta)).changes).toHaveLength(2);
  });

  it('lists the calendar view of a window and requires its bounds', async () => {
    const { call, emulator, meeting } = setup();
    await meeting('a', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    await meeting('b', '2027-02-10T13:00:00', '2027-02-10T15:00:00');
    const view = await call(
      'GET',
      `/groups/${emulator.groupId}/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z`,
    );
    expect(view.body.value.map((e: any) => e.subject)).toEqual(['a']);
    expect((await call('GET', `/groups/${emulator.groupId}/calendarView`)).status).toBe(400);
    expect((await call('GET', `/groups/00000000-0000-0000-0000-000000000000/events`)).status).toBe(404);
  });
});

describe("Graph emulator: the organiser's own calendar", () => {
  it('refuses the group calendar to app-only callers when asked, while the organiser calendar answers', async () => {
    const { emulator, call, events } = setup({ refuseAppOnlyGroupCalendar: true });
    const body = {
      subject: 'm',
      start: utc('2026-12-10T13:00:00'),
      end: utc('2026-12-10T15:00:00'),
      isOnlineMeeting: true,
    };
    const refused = await call('POST', events, body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ErrorAccessDenied');
    const created = await call('POST', `/users/${ORGANIZER}/events`, body);
    expect(created.status).toBe(201);
    expect(decodeURIComponent(created.body.onlineMeeting.joinUrl)).toMatch(/19:meeting_.+@thread\.v2/);
    const delta = `/users/${emulator.organizer.id}/calendarView/delta?startDateTime=2026-12-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z`;
    const first = await round(call, delta);
    expect(first.changes.map((e) => e.subject)).toEqual(['m']);
    emulator.cancelEvent(created.body.id);
    expect((await round(call, first.deltaLink)).changes[0]['@removed']).toEqual({ reason: 'deleted' });
    expect(emulator.events('organizer')).toEqual([]);
    emulator.addUser({ userPrincipalName: 'someone@contoso.onmicrosoft.com' });
    expect((await call('GET', '/users/someone@contoso.onmicrosoft.com/events')).status).toBe(404);
  });
});

describe('Graph emulator: mailbox settings', () => {
  it('answers automatic replies as set by a test, through the settings and their own endpoint', async () => {
    const { emulator, call } = setup();
    emulator.setMailboxSettings(
      { userPrincipalName: 'fp.itu-r@contoso.onmicrosoft.com', displayName: 'Focal point R' },
      {
        automaticRepliesSetting: {
          status: 'scheduled',
          scheduledStartDateTime: '2026-12-05T00:00:00Z',
          scheduledEndDateTime: { dateTime: '2026-12-20T00:00:00', timeZone: 'UTC' },
          internalReplyMessage: 'Away',
        },
      },
    );
    const settings = await call('GET', '/users/fp.itu-r@contoso.onmicrosoft.com/mailboxSettings');
    expect(settings.body.automaticRepliesSetting).toMatchObject({
      status: 'scheduled',
      scheduledStartDateTime: { dateTime: '2026-12-05T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-12-20T00:00:00.0000000', timeZone: 'UTC' },
      internalReplyMessage: 'Away',
    });
    const user = await call('GET', '/users/fp.itu-r@contoso.onmicrosoft.com');
    const replies = await call('GET', `/users/${user.body.id}/mailboxSettings/automaticRepliesSetting`);
    expect(replies.body.status).toBe('scheduled');
    emulator.setMailboxSettings('fp.itu-r@contoso.onmicrosoft.com', {
      automaticRepliesSetting: { status: 'alwaysEnabled' },
    });
    expect((await call('GET', `/users/${user.body.id}/mailboxSettings/automaticRepliesSetting`)).body.status).toBe(
      'alwaysEnabled',
    );
    expect((await call('GET', '/users/nobody@contoso.onmicrosoft.com/mailboxSettings')).status).toBe(404);
  });

  it('reads many mailboxes in one batch, disabled by default', async () => {
    const { emulator, call } = setup();
    const people = Array.from({ length: 20 }, (_, i) => `p${i}@contoso.onmicrosoft.com`);
    people.forEach((upn) => emulator.addUser({ userPrincipalName: upn }));
    emulator.setMailboxSettings(people[3] ?? '', { automaticRepliesSetting: { status: 'alwaysEnabled' } });
    const batch = await call('POST', '/$batch', {
      requests: people.map((upn, i) => ({
        id: String(i),
        method: 'GET',
        url: `/users/${upn}/mailboxSettings/automaticRepliesSetting`,
      })),
    });
    const statuses = batch.body.responses.map((r: any) => [r.id, r.body.status]);
    expect(statuses.filter(([, status]: [string, string]) => status === 'alwaysEnabled')).toEqual([
      ['3', 'alwaysEnabled'],
    ]);
    expect(emulator.stats.requests).toBe(1);
  });
});

describe('Graph emulator: online meetings and attendance reports', () => {
  it('finds the online meeting of an event by its join URL, for the organiser only', async () => {
    const { emulator, call, meeting } = setup();
    const event = await meeting('m', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    const joinUrl: string = event.body.onlineMeeting.joinUrl;
    const filter = encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`);
    const found = await call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${filter}`);
    expect(found.body.value).toHaveLength(1);
    expect(found.body.value[0]).toMatchObject({
      joinWebUrl: joinUrl,
      chatInfo: { threadId: expect.stringMatching(/^19:meeting_.+@thread\.v2$/) },
    });
    expect(decodeURIComponent(joinUrl)).toContain(found.body.value[0].chatInfo.threadId);
    emulator.addUser({ userPrincipalName: 'other@contoso.onmicrosoft.com' });
    expect(
      (await call('GET', `/users/other@contoso.onmicrosoft.com/onlineMeetings?$filter=${filter}`)).body.value,
    ).toEqual([]);
    expect((await call('GET', `/users/${ORGANIZER}/onlineMeetings`)).status).toBe(400);
  });

  it('serves attendance reports with their records, intervals and totals', async () => {
    const { emulator, call, meeting } = setup();
    const event = await meeting('m', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    emulator.addUser({ userPrincipalName: 'fp.itu-t@contoso.onmicrosoft.com', displayName: 'Focal point T' });
    emulator.addAttendanceReport(event.body.id, {
      records: [
        {
          emailAddress: 'fp.itu-t@contoso.onmicrosoft.com',
          intervals: [
            { join: '2026-12-10T13:02:00Z', leave: '2026-12-10T13:30:00Z' },
            { join: '2026-12-10T13:40:00Z', leave: '2026-12-10T15:00:00Z' },
          ],
        },
        {
          emailAddress: ORGANIZER,
          role: 'Organizer',
          intervals: [{ join: '2026-12-10T12:58:00Z', leave: '2026-12-10T15:01:00Z' }],
        },
      ],
    });
    const filter = encodeURIComponent(`JoinWebUrl eq '${event.body.onlineMeeting.joinUrl}'`);
    const online = (await call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${filter}`)).body.value[0];
    const reports = await call('GET', `/users/${ORGANIZER}/onlineMeetings/${online.id}/attendanceReports`);
    expect(reports.body.value).toHaveLength(1);
    expect(reports.body.value[0]).toMatchObject({
      totalParticipantCount: 2,
      meetingStartDateTime: '2026-12-10T13:00:00.000Z',
    });
    expect(reports.body.value[0].attendanceRecords).toBeUndefined();
    const report = await call(
      'GET',
      `/users/${ORGANIZER}/onlineMeetings/${online.id}/attendanceReports/${reports.body.value[0].id}?$expand=attendanceRecords`,
    );
    const record = report.body.attendanceRecords[0];
    expect(record).toMatchObject({
      emailAddress: 'fp.itu-t@contoso.onmicrosoft.com',
      role: 'Attendee',
      totalAttendanceInSeconds: 28 * 60 + 80 * 60,
      identity: { displayName: 'Focal point T' },
      attendanceIntervals: [
        {
          joinDateTime: '2026-12-10T13:02:00.000Z',
          leaveDateTime: '2026-12-10T13:30:00.000Z',
          durationInSeconds: 28 * 60,
        },
        {
          joinDateTime: '2026-12-10T13:40:00.000Z',
          leaveDateTime: '2026-12-10T15:00:00.000Z',
          durationInSeconds: 80 * 60,
        },
      ],
    });
    const records = await call(
      'GET',
      `/users/${ORGANIZER}/onlineMeetings/${online.id}/attendanceReports/${reports.body.value[0].id}/attendanceRecords`,
    );
    expect(records.body.value.map((r: any) => r.role)).toEqual(['Attendee', 'Organizer']);
  });

  it('answers 403 for attendance reports when no application access policy lets the app read them', async () => {
    const { emulator, call, meeting } = setup();
    const event = await meeting('m', '2026-12-10T13:00:00', '2026-12-10T15:00:00');
    emulator.addAttendanceReport(event.body.id, { records: [] });
    emulator.setMeetingArtifactAccess(false);
    const filter = encodeURIComponent(`JoinWebUrl eq '${event.body.onlineMeeting.joinUrl}'`);
    const online = (await call('GET', `/users/${ORGANIZER}/onlineMeetings?$filter=${filter}`)).body.value[0];
    const reports = await call('GET', `/users/${ORGANIZER}/onlineMeetings/${online.id}/attendanceReports`);
    expect(reports.status).toBe(403);
    expect(reports.body.error.code).toBe('Forbidden');
  });
});
