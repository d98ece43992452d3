/** Formatting shared by the views: instants, dates and time zones in the reader's language. */
import { zoneName } from '../../../teams-app/domain/zone-names';

/** A time zone named in the reader's language, e.g. "heure d’Europe centrale" for Europe/Zurich in French. */
export { zoneName };

/**
 * Wraps Latin-script data in Unicode isolates (and keeps it on one line) so that it keeps its own order
 * inside right-to-left text.
 */
export function isolate(text: string | null, dir: 'ltr' | 'rtl'): string | null {
  return text && dir === 'rtl' ? `\u2068${text.replace(/ /g, '\u00a0')}\u2069` : text;
}

/** The IANA time zone of the viewer's device. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date and time range in a time zone, with the zone's short name, e.g. "Tue 14 Jul 2026, 10:00–12:00 CEST". */
export function formatRange(startIso: string, endIso: string, timeZone: string, intlTag: string): string {
  const format = new Intl.DateTimeFormat(intlTag, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

/** A date and time range and its zone named in the reader's language: "…, 10:00–12:00 CET (Central European Time)". */
export function formatZonedRange(startIso: string, endIso: string, timeZone: string, intlTag: string): string {
  return `${formatRange(startIso, endIso, timeZone, intlTag)} (${zoneName(timeZone, intlTag, startIso)})`;
}

/** An instant in a time zone, e.g. "Fri 3 Jul, 10:00 CEST". */
export function formatInstant(iso: string, timeZone: string, intlTag: string): string {
  return new Intl.DateTimeFormat(intlTag, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) as the reader writes dates, e.g. "6 Dec 2026". */
export function formatDate(date: string, intlTag: string): string {
  return new Intl.DateTimeFormat(intlTag, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A range of calendar dates, e.g. "10–14 Mar 2027". */
export function formatDateRange(start: string, end: string, intlTag: string): string {
  const format = new Intl.DateTimeFormat(intlTag, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return start === end
    ? format.format(new Date(`${start}T00:00:00Z`))
    : format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

/** A title in the reader's language, falling back to English. */
export function inLocale(text: { en: string } & Partial<Record<string, string>>, locale: string): string {
  return text[locale] ?? text.en;
}
