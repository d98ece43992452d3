/** Calendar arithmetic in IANA time zones without a date library: exact across DST changes. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock parts of an instant in a time zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Reads the wall-clock date and time of an instant in a time zone. */
export function localParts(instantMs: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
export function offsetMs(instantMs: number, timeZone: string): number {
  const p = localParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const truncated = instantMs - (((instantMs % 60000) + 60000) % 60000);
  return asUtc - truncated;
}

/**
 * The instant at which a wall-clock time happens in a time zone. A time skipped by a DST jump
 * resolves to the first valid minute after the gap; a repeated time resolves to its first occurrence.
 */
export function zonedToInstant(local: LocalParts, timeZone: string): number {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const SIX_HOURS = 6 * 36e5;
  const offsetBefore = offsetMs(guess - SIX_HOURS, timeZone);
  const offsetAfter = offsetMs(guess + SIX_HOURS, timeZone);
  const matches = [guess - offsetBefore, guess - offsetAfter]
    .filter((instant) => sameWallClock(localParts(instant, timeZone), local))
    .sort((a, b) => a - b);
  // No match: the time falls in a DST gap; the offset from before the jump moves it past the gap.
  return matches[0] ?? guess - offsetBefore;
}

function sameWallClock(a: LocalParts, b: LocalParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/** Adds whole calendar days to a local date (month and year rollover included). */
export function addLocalDays(local: LocalParts, days: number): LocalParts {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instantMs: number, timeZone: string): string {
  const p = localParts(instantMs, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** An instant as the meeting's wall clock reads it, e.g. "2026-12-10 09:30 (Europe/Zurich)". */
export function wallClock(instant: string, timeZone: string): string {
  const p = localParts(Date.parse(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)} (${timeZone})`;
}
