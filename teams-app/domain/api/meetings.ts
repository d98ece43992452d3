/** The meeting calendar API's answers: what scheduling, moving and cancelling a meeting did. */
import { z } from 'zod';
import { MeetingView } from './register';

/** POST /meetings: the meeting as stored; `unchanged` when the same meeting was already scheduled (a repeat). */
export const ScheduleAnswer = z.object({
  outcome: z.enum(['created', 'unchanged']),
  meeting: MeetingView,
});
export type ScheduleAnswer = z.infer<typeof ScheduleAnswer>;

/** PATCH /meetings/:id: the meeting as stored, and how many people who were asked were told the new date. */
export const RescheduleAnswer = z.object({
  outcome: z.enum(['moved', 'edited', 'unchanged']),
  meeting: MeetingView,
  told: z.number().int().min(0),
});
export type RescheduleAnswer = z.infer<typeof RescheduleAnswer>;

/** POST /meetings/:id/cancel: the meeting, the prompts and reminders withdrawn before they were sent, who was told. */
export const CancelAnswer = z.object({
  outcome: z.enum(['cancelled', 'unchanged']),
  meeting: MeetingView,
  withdrawn: z.number().int().min(0),
  told: z.number().int().min(0),
});
export type CancelAnswer = z.infer<typeof CancelAnswer>;
