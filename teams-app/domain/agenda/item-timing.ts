/** The agenda timer's arithmetic, free of schemas so the tab's timer can load it alone. */

/** The most minutes an agenda item can be planned for (a whole meeting day). */
export const MAX_PLANNED_MINUTES = 480;

/** Time used on the current item and, when time is planned, the time left (negative once over). */
export interface ItemTiming {
  usedSeconds: number;
  remainingSeconds: number | null;
  over: boolean;
}

/** The timing of an item current since `sinceMs`, at `nowMs`, against `plannedMinutes` (null: no time planned). */
export function itemTiming(plannedMinutes: number | null | undefined, sinceMs: number, nowMs: number): ItemTiming {
  const usedSeconds = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  if (!plannedMinutes) return { usedSeconds, remainingSeconds: null, over: false };
  const remainingSeconds = plannedMinutes * 60 - usedSeconds;
  return { usedSeconds, remainingSeconds, over: remainingSeconds < 0 };
}
