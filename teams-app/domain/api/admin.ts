/**
 * The register administration API: what the secretariat sends to create, change and retire topics, focal points
 * and people, and what it gets back. The write bodies are the domain's own schemas, so the tab's forms and the
 * server validate the same way.
 */
import { z } from 'zod';
import { Person, Topic } from '../entities';
import { Id, Role, SectorId } from '../reference';
import { AssignmentView } from './register';

/** A record's version as the client read it: the `etag` of the record (or the If-Match header). */
export const EtagField = z.string().min(1).max(200);

/** POST /topics: a new topic; the id is made from the English title when not given. */
export const TopicCreate = Topic.extend({
  id: Id.optional(),
  kind: Topic.shape.kind.default('topic'),
  resolutions: Topic.shape.resolutions.default([]),
  sectors: Topic.shape.sectors.default([]),
  leadSector: Topic.shape.leadSector.default(null),
  iscgCoordinatorArea: z.boolean().default(false),
  sinceYear: Topic.shape.sinceYear.default(null),
  status: Topic.shape.status.default('active'),
  jiuRecommendations: z.array(Id).max(50).default([]),
}).strict();
export type TopicCreate = z.input<typeof TopicCreate>;

/** PATCH /topics/:id: the fields to change, with the version edited (`etag` or If-Match). */
export const TopicPatch = Topic.omit({ id: true }).partial().extend({ etag: EtagField.optional() }).strict();
export type TopicPatch = z.input<typeof TopicPatch>;

/** The roles the secretariat gives; `focal-point` is derived from the assignments and never set by hand. */
export const AssignableRole = Role.exclude(['focal-point']);

/** POST /people: a new person; the id is made from the name when not given. */
export const PersonCreate = Person.omit({ retiredAt: true })
  .extend({
    id: Id.optional(),
    region: Person.shape.region.default(null),
    jobTitle: Person.shape.jobTitle.default(''),
    locale: Person.shape.locale.default('en'),
    timeZone: Person.shape.timeZone.default('Europe/Zurich'),
    outOfOffice: Person.shape.outOfOffice.default([]),
    roles: z.array(AssignableRole).min(1).max(4),
  })
  .strict();
export type PersonCreate = z.input<typeof PersonCreate>;

/** PATCH /people/:id: the fields to change, with the version edited. */
export const PersonPatch = PersonCreate.omit({ id: true }).partial().extend({ etag: EtagField.optional() }).strict();
export type PersonPatch = z.input<typeof PersonPatch>;

/**
 * PUT /topics/:id/assignments/:sector: who answers for the topic in the sector (null: vacant). Creating a slot
 * needs no version; changing one needs the version edited.
 */
export const AssignmentPut = z
  .strictObject({
    focalPointId: Id.nullable(),
    alternateId: Id.nullable().default(null),
    iscgCoordinator: z.boolean().default(false),
    etag: EtagField.optional(),
  })
  .refine((a) => a.focalPointId === null || a.focalPointId !== a.alternateId, {
    path: ['alternateId'],
    message: 'The alternate must be someone other than the focal point.',
  });
export type AssignmentPut = z.input<typeof AssignmentPut>;

/** The body of a retirement or a deletion: the version edited (or the If-Match header). */
export const VersionBody = z.strictObject({ etag: EtagField.optional() });

/**
 * A prompt of an open collection that moved because its slot changed hands: from whom, to whom, for which
 * meeting; both were told.
 */
export const PromptHandover = z.object({
  meetingId: Id,
  topicId: Id,
  sector: SectorId,
  fromId: Id,
  toId: Id,
});
export type PromptHandover = z.infer<typeof PromptHandover>;

/** What an assignment write did: the slot as stored (null once removed), whether it is new, the prompts moved. */
export const AssignmentChange = z.object({
  assignment: AssignmentView.nullable(),
  created: z.boolean(),
  handovers: z.array(PromptHandover),
});
export type AssignmentChange = z.infer<typeof AssignmentChange>;
