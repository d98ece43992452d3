/**
 * Who may do what: one table of role × operation, read by the services (which enforce it), the HTTP routes and the
 * bot's handlers (which ask it before they start), and the tab (which shows only what the caller may do), so none
 * of them can disagree. Free of zod, so the tab's first chunk can hold it.
 */
import { AppError } from './errors';
import type { Role } from './reference';

/** Every role of the register (the `Role` schema's options; a unit test keeps the two equal). */
const EVERYONE: readonly Role[] = ['chair', 'secretariat', 'focal-point', 'member', 'observer'];
/** The chair and the ISC-TF secretariat, who run agendas, minutes and meeting chats. */
const STAFF: readonly Role[] = ['chair', 'secretariat'];
/** The ISC-TF secretariat alone, who runs collection and keeps the meeting calendar. */
const SECRETARIAT: readonly Role[] = ['secretariat'];

/**
 * The roles allowed each operation (DESIGN.md, "Who uses it"). Everyone in the register sees the register, the
 * tracker, the agenda and the minutes; anyone may submit or delegate, and the service then requires the person to
 * be the slot's focal point, alternate or delegate.
 */
export const PERMISSIONS = {
  'register.read': EVERYONE,
  'tracker.read': EVERYONE,
  'updates.read': EVERYONE,
  'update.submit': EVERYONE,
  'update.delegate': EVERYONE,
  'collection.open': SECRETARIAT,
  'collection.retry': SECRETARIAT,
  'agenda.read': EVERYONE,
  'agenda.compile': STAFF,
  'agenda.edit': STAFF,
  'agenda.publish': STAFF,
  'minutes.read': EVERYONE,
  'minutes.compile': STAFF,
  'minutes.edit': STAFF,
  'minutes.approve': STAFF,
  'current-item.read': EVERYONE,
  'current-item.set': STAFF,
  'chat.link': STAFF,
  'documents.read': EVERYONE,
  'register.import': SECRETARIAT,
  'records.export': EVERYONE,
  'audit.export': SECRETARIAT,
  'report.read': EVERYONE,
  'report.compile': SECRETARIAT,
  'report.publish': SECRETARIAT,
  'register.edit': SECRETARIAT,
  'history.read': EVERYONE,
  'audit.read': SECRETARIAT,
  'records.read': EVERYONE,
  'action.update': EVERYONE,
  'action.reassign': STAFF,
  'escalation.update': STAFF,
  'meeting.schedule': SECRETARIAT,
  'meeting.reschedule': SECRETARIAT,
  'meeting.cancel': SECRETARIAT,
} as const satisfies Record<string, readonly Role[]>;

/** Something a person may or may not do: a row of {@link PERMISSIONS}. */
export type Operation = keyof typeof PERMISSIONS;

/** Every operation of the table, in its order. */
export const OPERATIONS = Object.keys(PERMISSIONS) as Operation[];

/** What each operation is, completing "Only … can …" in the English refusal. */
const DOING: Record<Operation, string> = {
  'register.read': 'see the register',
  'tracker.read': 'see the collection tracker',
  'updates.read': 'see the status updates',
  'update.submit': 'send status updates',
  'update.delegate': 'delegate a status update',
  'collection.open': 'open collection',
  'collection.retry': 'send prompts again',
  'agenda.read': 'see the agenda',
  'agenda.compile': 'compile the agenda',
  'agenda.edit': 'edit the agenda',
  'agenda.publish': 'publish the agenda',
  'minutes.read': 'see the minutes',
  'minutes.compile': 'draft the minutes',
  'minutes.edit': 'edit the minutes',
  'minutes.approve': 'approve the minutes',
  'current-item.read': 'see where the meeting is on the agenda',
  'current-item.set': 'move the agenda pointer',
  'chat.link': 'link a chat to a meeting',
  'documents.read': 'download meeting documents',
  'register.import': 'import the register',
  'records.export': 'export the records',
  'audit.export': 'export the audit log',
  'report.read': 'read the annual report',
  'report.compile': 'draft the annual report',
  'report.publish': 'publish the annual report',
  'register.edit': 'edit the register (topics, focal points and people)',
  'history.read': "see a topic's history",
  'audit.read': 'see the audit log',
  'records.read': 'see the decisions, actions and escalations',
  'action.update': 'update an action',
  'action.reassign': 'reassign an action',
  'escalation.update': 'record the outcome of an escalation',
  'meeting.schedule': 'schedule a meeting',
  'meeting.reschedule': 'move or edit a meeting',
  'meeting.cancel': 'cancel a meeting',
};

/** A person of the register acting through the bot or the API, with the roles the register gives them. */
export interface Caller {
  personId: string;
  roles: readonly Role[];
}

/** The roles allowed an operation. */
export function rolesFor(operation: Operation): readonly Role[] {
  return PERMISSIONS[operation];
}

/** True when someone with these roles may do the operation. */
export function permits(roles: readonly Role[], operation: Operation): boolean {
  const allowed: readonly Role[] = PERMISSIONS[operation];
  return roles.some((role) => allowed.includes(role));
}

function whoMay(operation: Operation): string {
  const allowed: readonly Role[] = PERMISSIONS[operation];
  if (allowed.length === EVERYONE.length) return 'people in the register';
  const names: Record<Role, string> = {
    chair: 'the chair',
    secretariat: 'the ISC-TF secretariat',
    'focal-point': 'focal points',
    member: 'members',
    observer: 'observers',
  };
  return allowed.map((role) => names[role]).join(' or ');
}

/**
 * Refuses (`auth.forbidden`, with the operation and the roles allowed) a caller the table does not allow the
 * operation; null is someone the register does not know.
 */
export function requirePermission(caller: Pick<Caller, 'roles'> | null, operation: Operation): asserts caller {
  if (caller && permits(caller.roles, operation)) return;
  throw new AppError(
    'auth.forbidden',
    caller ? `Only ${whoMay(operation)} can ${DOING[operation]}.` : 'You are not in the ISC Coordinator register.',
    { operation, roles: [...PERMISSIONS[operation]] },
  );
}
