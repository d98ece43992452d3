import { compareFolded, compareSectors, normaliseName } from '../agenda/sort-keys';
import type { Meeting, Person } from '../entities';
import type { Role } from '../reference';
import type { Attendee } from './minutes-schema';

/** Someone who took part in the meeting: a chat author or a roster participant, as Teams names them. */
export interface Participant {
  id?: string | null;
  name: string;
  aadObjectId?: string | null;
}

/** A line of the Teams attendance report: who was in the online meeting, when they joined and left. */
export interface ReportedAttendee {
  aadObjectId: string | null;
  email: string | null;
  name: string;
  joinedAt: string | null;
  leftAt: string | null;
}

/** What attendance is compiled from. */
export interface AttendanceInput {
  meeting: Pick<Meeting, 'chairId'>;
  /** The body's members from the register: each is listed, present or absent. */
  members: readonly Person[];
  /** The whole register: present people from outside the body are matched here (by AAD object id only). */
  people: readonly Person[];
  /** Who took part: roster participants and chat authors. */
  participants: readonly Participant[];
  /** The Teams attendance report, when it could be read: it then decides who was present (participants are not used). */
  report?: readonly ReportedAttendee[] | null;
}

/** The roles that make a register person a member of a coordination body (a focal point alone is not one). */
export const MEMBER_ROLES: readonly Role[] = ['chair', 'member', 'secretariat', 'observer'];

/** The members of a body as the register knows them: everyone holding a chair, member, secretariat or observer role. */
export function bodyMembers(people: readonly Person[]): Person[] {
  return people.filter((person) => person.roles.some((role) => MEMBER_ROLES.includes(role)));
}

function registerLine(
  person: Person,
  present: boolean,
  chairId: string | null,
  times?: Pick<ReportedAttendee, 'joinedAt' | 'leftAt'>,
): Attendee {
  return {
    ...(times ? { joinedAt: times.joinedAt, leftAt: times.leftAt } : {}),
    personId: person.id,
    name: person.name.slice(0, 200),
    jobTitle: person.jobTitle.slice(0, 200),
    sector: person.sector,
    chair: person.id === chairId,
    observer: person.roles.includes('observer'),
    present,
    guest: false,
  };
}

function guestLine(name: string, times?: Pick<ReportedAttendee, 'joinedAt' | 'leftAt'>): Attendee {
  return {
    ...(times ? { joinedAt: times.joinedAt, leftAt: times.leftAt } : {}),
    personId: null,
    name: name.slice(0, 200),
    jobTitle: '',
    sector: null,
    chair: false,
    observer: false,
    present: true,
    guest: true,
  };
}

/** Chair first; then by sector (guests last), the present before the absent, observers after members, by name. */
export function compareAttendees(a: Attendee, b: Attendee): number {
  return (
    Number(b.chair) - Number(a.chair) ||
    Number(a.sector === null) - Number(b.sector === null) ||
    (a.sector && b.sector ? compareSectors(a.sector, b.sector) : 0) ||
    Number(b.present) - Number(a.present) ||
    Number(a.observer) - Number(b.observer) ||
    compareFolded(a.name, b.name)
  );
}

/**
 * The attendance of a meeting: every member of the body, present when they took part, absent otherwise; register
 * people from outside the body who took part; and guests. Participants are matched to the register only by their
 * AAD object id — never by display name, so a stranger typing under a member's name is listed as a guest under
 * that name and the member stays absent.
 */
export function compileAttendance(input: AttendanceInput): Attendee[] {
  if (input.report) return attendanceFromReport(input, input.report);
  const byAad = new Map(input.people.map((person) => [person.aadObjectId, person] as const));
  const present = new Map<string, Person>();
  const guests = new Map<string, string>();
  for (const participant of input.participants) {
    const person = participant.aadObjectId ? byAad.get(participant.aadObjectId) : undefined;
    if (person) {
      present.set(person.id, person);
      continue;
    }
    const name = participant.name.trim();
    if (name === '') continue;
    const key = participant.aadObjectId ? `a:${participant.aadObjectId}` : `n:${normaliseName(name)}`;
    if (!guests.has(key)) guests.set(key, name);
  }
  const chairId = input.meeting.chairId;
  const lines = new Map<string, Attendee>();
  for (const member of input.members) lines.set(member.id, registerLine(member, present.has(member.id), chairId));
  for (const person of present.values())
    if (!lines.has(person.id)) lines.set(person.id, registerLine(person, true, chairId));
  return [...lines.values(), ...[...guests.values()].map((name) => guestLine(name))].sort(compareAttendees);
}

/**
 * The attendance from the Teams attendance report: a register person is matched by Entra object id, else by e-mail
 * (the report knows both, unlike a chat); every member of the body is listed present or absent, with the times
 * they joined and left; people the register does not know are guests under the name the report gives.
 */
function attendanceFromReport(input: AttendanceInput, report: readonly ReportedAttendee[]): Attendee[] {
  const byAad = new Map(input.people.map((person) => [person.aadObjectId, person] as const));
  const byEmail = new Map(input.people.map((person) => [person.email.toLowerCase(), person] as const));
  const present = new Map<string, { person: Person; times: Pick<ReportedAttendee, 'joinedAt' | 'leftAt'> }>();
  const guests = new Map<string, ReportedAttendee>();
  for (const line of report) {
    const person =
      (line.aadObjectId ? byAad.get(line.aadObjectId) : undefined) ??
      (line.email ? byEmail.get(line.email.toLowerCase()) : undefined);
    if (person) {
      const seen = present.get(person.id)?.times;
      const joinedAt = [seen?.joinedAt, line.joinedAt].filter((t): t is string => !!t).sort()[0] ?? null;
      const leftAt =
        [seen?.leftAt, line.leftAt]
          .filter((t): t is string => !!t)
          .sort()
          .pop() ?? null;
      present.set(person.id, { person, times: { joinedAt, leftAt } });
      continue;
    }
    const key = line.aadObjectId ?? line.email?.toLowerCase() ?? normaliseName(line.name);
    if (line.name.trim() !== '' && !guests.has(key)) guests.set(key, line);
  }
  const chairId = input.meeting.chairId;
  const lines = new Map<string, Attendee>();
  for (const member of input.members) {
    const seen = present.get(member.id);
    lines.set(
      member.id,
      registerLine(member, seen !== undefined, chairId, seen?.times ?? { joinedAt: null, leftAt: null }),
    );
  }
  for (const { person, times } of present.values())
    if (!lines.has(person.id)) lines.set(person.id, registerLine(person, true, chairId, times));
  const guestLines = [...guests.values()].map((line) => guestLine(line.name.trim(), line));
  return [...lines.values(), ...guestLines].sort(compareAttendees);
}
