/** The collection API's answers: the tracker, the updates, a submission, and what sending prompts did. */
import { z } from 'zod';
import { CollectionWindow } from '../collection-window';
import { REASON_CODES } from '../collection/delivery-reason';
import { TrackerRow, TrackerStatus } from '../collection/tracker';
import { LocalizedText } from '../reference';
import { Meeting, MeetingState, StatusUpdate } from '../entities';
import { Etag, itemList } from './register';

/** One topic × sector of the collection tracker, with names and the topic's title. */
export const TrackerRowView = TrackerRow.extend({
  topicTitle: LocalizedText,
  personName: z.string().nullable(),
  answeredByName: z.string().nullable(),
});
export type TrackerRowView = z.infer<typeof TrackerRowView>;

/** GET /meetings/:id/tracker: the meeting, its window, a row per topic × sector and the counts by status. */
export const TrackerView = z.object({
  /** Body and number let a reader see the standard title in their own language (`meetingTitle`). */
  meeting: Meeting.pick({ id: true, title: true, state: true }).extend({
    body: Meeting.shape.body.optional(),
    number: Meeting.shape.number.optional(),
  }),
  window: CollectionWindow,
  rows: z.array(TrackerRowView),
  counts: z.record(TrackerStatus, z.number().int().min(0)),
});
export type TrackerView = z.infer<typeof TrackerView>;

/** A status update with its version tag. */
export const UpdateView = StatusUpdate.extend({ etag: Etag });
export type UpdateView = z.infer<typeof UpdateView>;

/** GET /meetings/:id/updates. */
export const UpdateList = itemList(UpdateView);
export type UpdateList = z.infer<typeof UpdateList>;

/** POST /meetings/:id/updates (and /no-change): what the submission did, and the update as stored. */
export const SubmitAnswer = z.object({
  outcome: z.enum(['created', 'revised', 'unchanged']),
  update: UpdateView,
});
export type SubmitAnswer = z.infer<typeof SubmitAnswer>;

/** POST /meetings/:id/updates/delegate: the alternate who now has the prompt. */
export const DelegateAnswer = z.object({ alternate: z.object({ id: z.string(), name: z.string() }) });
export type DelegateAnswer = z.infer<typeof DelegateAnswer>;

/**
 * A focal point Teams could not reach, and why (the app is not installed, they blocked it …): `reasonCode`, and
 * `reason`, which the API gives in the reader's language (text stored before reasons were coded as it is).
 */
export const UndeliverablePerson = z.object({
  personId: z.string(),
  name: z.string(),
  reasonCode: z.enum(REASON_CODES).nullable(),
  reason: z.string().nullable(),
});
export type UndeliverablePerson = z.infer<typeof UndeliverablePerson>;

/**
 * POST /meetings/:id/collection/retry-undeliverable: prompts queued, and those Teams could not deliver, with who and
 * why (one line per person).
 */
export const DeliveryReportView = z.object({
  meetingId: z.string(),
  state: MeetingState,
  queued: z.number().int().min(0),
  undeliverable: z.number().int().min(0),
  undeliverablePeople: z.array(UndeliverablePerson),
});
export type DeliveryReportView = z.infer<typeof DeliveryReportView>;

/** POST /meetings/:id/collection/open; `reopened` when staff opened it again after it had closed (or a compile). */
export const CollectionOpened = DeliveryReportView.extend({ reopened: z.boolean() });
export type CollectionOpened = z.infer<typeof CollectionOpened>;

/** The details of `collection.incomplete`: why compiling was refused while collection is open or never opened. */
export const CollectionIncomplete = z.object({
  state: MeetingState.nullable(),
  expected: z.number().int().min(0),
  answered: z.number().int().min(0),
  missing: z.number().int().min(0),
  /** When collection would close on its own. */
  closesAt: z.string().nullable(),
});
export type CollectionIncomplete = z.infer<typeof CollectionIncomplete>;
