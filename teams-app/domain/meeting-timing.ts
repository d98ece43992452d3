/**
 * Whether a meeting is upcoming (or under way) or past: one rule for the server's list of upcoming meetings and the
 * tab's list and archive, so a meeting shows in exactly one of them. Without zod: the tab loads it as it is.
 */

/** What the rule reads of a meeting: its planned end (an ISO instant). */
export interface EndingMeeting {
  end: string;
}

/**
 * True once a meeting's planned end has passed, whatever its state: it then belongs to the past meetings (a held
 * meeting still running, even one whose minutes are drafted, stays with the upcoming ones until its end; a cancelled
 * meeting stays there, shown as cancelled, until the end it was planned for).
 */
export function meetingIsPast(meeting: EndingMeeting, nowMs: number): boolean {
  return Date.parse(meeting.end) <= nowMs;
}

/** The meetings still ahead or under way at `nowMs` (not past), in their given order. */
export function notYetEnded<T extends EndingMeeting>(meetings: readonly T[], nowMs: number): T[] {
  return meetings.filter((meeting) => !meetingIsPast(meeting, nowMs));
}

/** The meetings whose end has passed at `nowMs`, newest first (by start): the archive's order. */
export function pastMeetings<T extends EndingMeeting & { start: string }>(meetings: readonly T[], nowMs: number): T[] {
  return meetings
    .filter((meeting) => meetingIsPast(meeting, nowMs))
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
}
