import {
  AppError,
  OPERATIONS,
  PERMISSIONS,
  Role,
  permits,
  requirePermission,
  rolesFor,
  type Operation,
} from '../../../teams-app/domain';

/** The operations only the chair and the secretariat may do. */
const STAFF_ONLY: Operation[] = [
  'agenda.compile',
  'agenda.edit',
  'agenda.publish',
  'minutes.compile',
  'minutes.edit',
  'minutes.approve',
  'current-item.set',
  'chat.link',
];

function refusalOf(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the permission table', () => {
  it('names only roles of the register, and every operation allows someone', () => {
    for (const operation of OPERATIONS) {
      expect(rolesFor(operation).length).toBeGreaterThan(0);
      for (const role of rolesFor(operation)) expect(Role.options).toContain(role);
    }
  });

  it("gives everyone the operations open to all, with exactly the Role schema's roles", () => {
    expect([...PERMISSIONS['register.read']].sort()).toEqual([...Role.options].sort());
  });

  it('lets everyone in the register see the tracker, the agenda and the minutes, as DESIGN.md says members do', () => {
    for (const role of Role.options) {
      for (const operation of ['tracker.read', 'agenda.read', 'minutes.read', 'documents.read'] as const) {
        expect(permits([role], operation)).toBe(true);
      }
    }
  });

  it('keeps collection to the secretariat and agendas, minutes and chats to the chair and the secretariat', () => {
    expect(rolesFor('collection.open')).toEqual(['secretariat']);
    expect(rolesFor('collection.retry')).toEqual(['secretariat']);
    for (const operation of STAFF_ONLY) expect([...rolesFor(operation)].sort()).toEqual(['chair', 'secretariat']);
  });

  it('keeps the meeting calendar (schedule, move, cancel) to the secretariat', () => {
    for (const operation of ['meeting.schedule', 'meeting.reschedule', 'meeting.cancel'] as const) {
      expect(rolesFor(operation)).toEqual(['secretariat']);
    }
    expect(refusalOf(() => requirePermission({ roles: ['chair'] }, 'meeting.cancel')).message).toBe(
      'Only the ISC-TF secretariat can cancel a meeting.',
    );
  });

  it('allows an operation when any one of the roles allows it', () => {
    expect(permits(['member', 'secretariat'], 'collection.open')).toBe(true);
    expect(permits(['member', 'observer', 'focal-point'], 'agenda.compile')).toBe(false);
    expect(permits([], 'register.read')).toBe(false);
  });

  it('refuses with auth.forbidden, naming who may and what, and the operation in the details', () => {
    const error = refusalOf(() => requirePermission({ roles: ['member'] }, 'agenda.publish'));
    expect(error.code).toBe('auth.forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toBe('Only the chair or the ISC-TF secretariat can publish the agenda.');
    expect(error.details).toEqual({ operation: 'agenda.publish', roles: ['chair', 'secretariat'] });
    expect(refusalOf(() => requirePermission({ roles: ['chair'] }, 'collection.open')).message).toBe(
      'Only the ISC-TF secretariat can open collection.',
    );
  });

  it('refuses someone the register does not know everything, even what everyone may do', () => {
    for (const operation of OPERATIONS) {
      expect(refusalOf(() => requirePermission(null, operation)).message).toBe(
        'You are not in the ISC Coordinator register.',
      );
    }
  });

  it('lets an allowed caller through', () => {
    expect(() => requirePermission({ roles: ['observer'] }, 'tracker.read')).not.toThrow();
  });
});
