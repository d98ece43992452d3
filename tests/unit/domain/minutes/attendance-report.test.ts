import { compileAttendance, type Person, type ReportedAttendee } from '../../../../teams-app/domain';

function person(id: string, roles: Person['roles'] = ['member']): Person {
  return {
    id,
    aadObjectId: `aad-${id}`,
    name: id.replace('-', ' '),
    email: `${id}@itu.int`,
    sector: 'TSB',
    region: null,
    jobTitle: '',
    locale: 'en',
    timeZone: 'Europe/Zurich',
    outOfOffice: [],
    roles,
  };
}

function line(fields: Partial<ReportedAttendee>): ReportedAttendee {
  return { aadObjectId: null, email: null, name: '', joinedAt: null, leftAt: null, ...fields };
}

const people = [
  person('ana-lima', ['chair']),
  person('ben-okoro'),
  person('chen-wei'),
  person('focal-only', ['focal-point']),
];
const members = people.slice(0, 3);

describe('attendance from the Teams attendance report', () => {
  it('lists every member present or absent, matched by Entra id or e-mail, with first join and last leave', () => {
    const attendance = compileAttendance({
      meeting: { chairId: 'ana-lima' },
      members,
      people,
      participants: [{ name: 'Chen Wei', aadObjectId: 'aad-chen-wei' }],
      report: [
        line({
          aadObjectId: 'aad-ana-lima',
          name: 'Ana',
          joinedAt: '2026-12-06T08:05:00.000Z',
          leftAt: '2026-12-06T08:50:00.000Z',
        }),
        line({
          aadObjectId: 'aad-ana-lima',
          name: 'Ana',
          joinedAt: '2026-12-06T09:00:00.000Z',
          leftAt: '2026-12-06T10:00:00.000Z',
        }),
        line({
          email: 'BEN-OKORO@itu.int',
          name: 'Ben',
          joinedAt: '2026-12-06T08:10:00.000Z',
          leftAt: '2026-12-06T09:00:00.000Z',
        }),
        line({ email: 'focal-only@itu.int', name: 'Focal', joinedAt: '2026-12-06T08:00:00.000Z', leftAt: null }),
        line({ email: 'visitor@example.org', name: 'A Visitor', joinedAt: '2026-12-06T08:20:00.000Z' }),
      ],
    });
    const byId = new Map(attendance.map((a) => [a.personId ?? a.name, a]));
    expect(byId.get('ana-lima')).toMatchObject({
      chair: true,
      present: true,
      joinedAt: '2026-12-06T08:05:00.000Z',
      leftAt: '2026-12-06T10:00:00.000Z',
    });
    expect(byId.get('ben-okoro')).toMatchObject({ present: true, joinedAt: '2026-12-06T08:10:00.000Z' });
    // The report decides: writing in the chat alone does not make a member present.
    expect(byId.get('chen-wei')).toMatchObject({ present: false, joinedAt: null, leftAt: null });
    expect(byId.get('focal-only')).toMatchObject({ present: true, guest: false });
    expect(byId.get('A Visitor')).toMatchObject({ guest: true, present: true, joinedAt: '2026-12-06T08:20:00.000Z' });
  });

  it('falls back to the chat participants without a report', () => {
    const attendance = compileAttendance({
      meeting: { chairId: null },
      members,
      people,
      participants: [{ name: 'Chen Wei', aadObjectId: 'aad-chen-wei' }],
      report: null,
    });
    expect(attendance.filter((a) => a.present).map((a) => a.personId)).toEqual(['chen-wei']);
    expect(attendance.every((a) => a.joinedAt === undefined)).toBe(true);
  });
});
