import { zoneName, zoneOffset, type Locale } from '../domain';

const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ru: 'ru-RU',
  zh: 'zh-CN',
  ar: 'ar-u-nu-latn',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    formatters.set(key, found);
  }
  return found;
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The meeting's date in its own time zone, written out ("Monday, 7 December 2026"). */
export function meetingDate(start: string, timeZone: string, locale: Locale): string {
  return formatter(locale, { dateStyle: 'full', timeZone: safeZone(timeZone) }).format(new Date(start));
}

/**
 * The meeting's hours in its own time zone, with the zone named in the document's language: "10:00–12:00 (Central
 * European Time, GMT+1)", "10:00–12:00 (heure d’Europe centrale, UTC+1)".
 */
export function meetingTime(start: string, end: string, timeZone: string, locale: Locale): string {
  const zone = safeZone(timeZone);
  const time = formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  const name = zoneName(zone, INTL_LOCALE[locale], start);
  const offset = zoneOffset(zone, INTL_LOCALE[locale], start);
  return `${time.format(new Date(start))}–${time.format(new Date(end))} (${name}${offset ? `, ${offset}` : ''})`;
}

/** A calendar date (YYYY-MM-DD) in a language ("15 Dec 2026"). */
export function calendarDate(date: string, locale: Locale): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) return date;
  return formatter(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms));
}

/** A range of calendar dates in a language ("7–10 Dec 2026"); a single date when start and end agree. */
export function calendarRange(start: string, end: string, locale: Locale): string {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return `${start} – ${end}`;
  if (to <= from) return calendarDate(start, locale);
  return formatter(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(new Date(from), new Date(to));
}
