import { z } from 'zod';
import type { Meeting, WindowSettings } from './entities';
import { Instant } from './reference';
import { addLocalDays, localParts, zonedToInstant } from './zoned-time';

/** The instants of a meeting's collection window, as ISO strings in UTC. */
export const CollectionWindow = z.object({
  opensAt: Instant,
  remindersAt: z.array(Instant),
  closesAt: Instant,
});
export type CollectionWindow = z.infer<typeof CollectionWindow>;

/**
 * Works out when collection opens, reminds and closes for a meeting. Days are counted on the
 * meeting's local calendar, so a window that crosses a DST change keeps its wall-clock times. Collection
 * that staff re-opened after it closed stays open until the meeting starts.
 */
export function collectionWindow(
  meeting: Pick<Meeting, 'start' | 'timeZone' | 'window'> & Partial<Pick<Meeting, 'reopenedAt'>>,
): CollectionWindow {
  const key = `${meeting.start}|${meeting.timeZone}|${JSON.stringify(meeting.window)}`;
  let known = windows.get(key);
  if (!known) {
    known = computeWindow(meeting);
    if (windows.size > 1000) windows.clear();
    windows.set(key, known);
  }
  const closesAt = meeting.reopenedAt ? new Date(meeting.start).toISOString() : known.closesAt;
  return { ...known, remindersAt: [...known.remindersAt], closesAt };
}

/** Computed windows by meeting start, zone and settings: the same inputs always give the same window. */
const windows = new Map<string, CollectionWindow>();

function computeWindow(meeting: Pick<Meeting, 'start' | 'timeZone' | 'window'>): CollectionWindow {
  const { timeZone, window } = meeting;
  const start = localParts(Date.parse(meeting.start), timeZone);
  const at = (daysBefore: number, hour = start.hour, minute = start.minute) =>
    new Date(zonedToInstant({ ...addLocalDays(start, -daysBefore), hour, minute }, timeZone)).toISOString();
  const [closeHour, closeMinute] = window.closeLocalTime.split(':').map(Number) as [number, number];
  return {
    opensAt: at(window.openDaysBefore),
    remindersAt: [...window.reminderDaysBefore].sort((a, b) => b - a).map((days) => at(days)),
    closesAt: at(window.closeDaysBefore, closeHour, closeMinute),
  };
}

/** Where a moment falls relative to the window. */
export type WindowPhase = 'before' | 'open' | 'closed';

/** Tells whether collection is not yet open, open, or closed at a given instant. */
export function windowPhase(window: CollectionWindow, nowIso: string): WindowPhase {
  const now = Date.parse(nowIso);
  if (now < Date.parse(window.opensAt)) return 'before';
  if (now < Date.parse(window.closesAt)) return 'open';
  return 'closed';
}

/** Checks that window settings make sense: opening before the reminders, reminders before closing. */
export function windowProblems(settings: WindowSettings): string[] {
  const problems: string[] = [];
  if (settings.closeDaysBefore >= settings.openDaysBefore) problems.push('the window must close after it opens');
  for (const days of settings.reminderDaysBefore) {
    if (days >= settings.openDaysBefore) problems.push(`a reminder ${days} days before comes before the opening`);
    if (days < settings.closeDaysBefore) problems.push(`a reminder ${days} days before comes after the closing`);
  }
  return problems;
}
