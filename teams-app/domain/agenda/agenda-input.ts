import { z } from 'zod';
import { Action, Assignment, Meeting, Person, StatusUpdate, Topic } from '../entities';
import { Instant, Locale } from '../reference';
import type { MeetingHeader } from './agenda-schema';

/** Everything the agenda compiler reads; services gather it from the store. */
export const AgendaInput = z.object({
  meeting: Meeting,
  previousMeeting: Meeting.nullable().optional(),
  topics: z.array(Topic),
  assignments: z.array(Assignment),
  people: z.array(Person),
  /** The status updates sent for this meeting (late ones included: they go into the addendum). */
  updates: z.array(StatusUpdate),
  /** Actions from earlier meetings still to follow up (open or overdue, plus any closed since). */
  actions: z.array(Action),
  /** JIU recommendations tracked outside the register, if any (register topics of that kind are used too). */
  jiuTopics: z.array(Topic).optional(),
  nextMeeting: Meeting.nullable().optional(),
  /** The instant of compilation: decides which actions are overdue; no clock is read. */
  now: Instant,
  /** The language of the compiled headings (default English); documents can still render in any language. */
  locale: Locale.optional(),
});
export type AgendaInput = z.infer<typeof AgendaInput>;

/** The title-block facts of a meeting. */
export function meetingHeader(meeting: Meeting): MeetingHeader {
  return {
    meetingId: meeting.id,
    body: meeting.body,
    number: meeting.number,
    title: meeting.title,
    start: meeting.start,
    end: meeting.end,
    timeZone: meeting.timeZone,
    place: meeting.place,
    joinUrl: meeting.joinUrl,
  };
}
