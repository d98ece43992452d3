/** The register API's answers: topics with their focal points, meetings with their window, people, who I am. */
import { z } from 'zod';
import { CollectionWindow } from '../collection-window';
import { Assignment, Meeting, Person, Topic } from '../entities';
import { DateOnly, Id, Role, SectorId } from '../reference';

/** A record's version tag, as every stored record carries it. */
export const Etag = z.string().min(1).max(200);

/** A list answer of the API. */
export function itemList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** A person as the register shows them next to a topic. */
export const PersonRef = z.object({ id: Id, name: z.string().max(200) });
export type PersonRef = z.infer<typeof PersonRef>;

/** Who answers for a topic in one sector; `vacant` when there is no focal point. */
export const TopicSector = z.object({
  sector: SectorId,
  focalPoint: PersonRef.nullable(),
  alternate: PersonRef.nullable(),
  iscgCoordinator: z.boolean(),
  vacant: z.boolean(),
  /** Since when the focal point is vacant, when known. */
  vacantSince: DateOnly.nullable().optional(),
});
export type TopicSector = z.infer<typeof TopicSector>;

/** A topic of the register with its version tag and its focal points per sector (GET /topics/:id). */
export const TopicView = Topic.extend({ etag: Etag, assignments: z.array(TopicSector) });
export type TopicView = z.infer<typeof TopicView>;

/** GET /topics. */
export const TopicList = itemList(TopicView);
export type TopicList = z.infer<typeof TopicList>;

/** A meeting with its version tag and the instants of its collection window (GET /meetings/:id). */
export const MeetingView = Meeting.extend({ etag: Etag, collection: CollectionWindow });
export type MeetingView = z.infer<typeof MeetingView>;

/** GET /meetings. */
export const MeetingList = itemList(MeetingView);
export type MeetingList = z.infer<typeof MeetingList>;

/** A person of the register with their version tag (GET /people/:id). */
export const PersonView = Person.extend({ etag: Etag });
export type PersonView = z.infer<typeof PersonView>;

/** GET /people. */
export const PersonList = itemList(PersonView);
export type PersonList = z.infer<typeof PersonList>;

/** An assignment with its version tag. */
export const AssignmentView = Assignment.extend({ etag: Etag });
export type AssignmentView = z.infer<typeof AssignmentView>;

/** GET /assignments. */
export const AssignmentList = itemList(AssignmentView);
export type AssignmentList = z.infer<typeof AssignmentList>;

/** GET /me: who the server thinks is signed in (null: not in the register), their roles, and the server's mode. */
export const Me = z.object({
  person: PersonView.nullable(),
  roles: z.array(Role),
  mode: z.enum(['local', 'production']),
});
export type Me = z.infer<typeof Me>;
