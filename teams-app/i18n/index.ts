import type { AppError, Locale, Reason } from '../domain';
import { CATALOGUES } from './catalogue';
import type { MessageKey } from './en';
import { formatMessage, t } from './message-format';

export type { MessageKey } from './en';
export { CATALOGUES, type Catalogue } from './catalogue';
export { formatMessage, t, type MessageValues, type ValuesOf } from './message-format';

/** Picks one of the six languages from a Teams locale ('fr-FR') or an Accept-Language header; English otherwise. */
export function pickLocale(value: string | string[] | undefined | null): Locale {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  for (const part of text.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code in CATALOGUES) return code as Locale;
  }
  return 'en';
}

/** Text direction of a language. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * What a user reads for a refusal: in English the error's own sentence, which names the thing refused (the
 * topic id, the field); in the other languages the code's message from the catalogue, its counts and dates
 * taken from the error's details. Never the English sentence in another language.
 */
export function errorMessage(error: Pick<AppError, 'code' | 'message' | 'details'>, locale: Locale): string {
  if (locale === 'en' && error.message) return error.message;
  const key: MessageKey = `error.${error.code}`;
  try {
    return formatMessage(key, locale, error.details);
  } catch {
    // The error lacks a count or date its message needs: the generic apology, still in the reader's language.
    return t('error.generic', locale);
  }
}

/** The reason of a tracker row or an unreachable person in a language; text stored before codes as it is. */
export function reasonText(why: Reason, locale: Locale): string | null {
  return why.reasonCode ? t(why.reasonCode, locale) : why.reason;
}

/** A tracker row or an unreachable person as the API gives it: `reasonCode`, and `reason` in the reader's language. */
export function withReasonText<T extends Reason>(item: T, locale: Locale): T {
  return { ...item, reason: reasonText(item, locale) };
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Instants formatted lately, by language, zone and instant (a card shows the same deadline again and again). */
const formattedDateTimes = new Map<string, string>();

/** Up to how many formatted instants are kept before the memo starts over. */
const FORMATTED_LIMIT = 1000;

/** Formats an instant as a date and time in a time zone, in a language. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  const memoKey = `${key}|${iso}`;
  const known = formattedDateTimes.get(memoKey);
  if (known !== undefined) return known;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    dateTimeFormats.set(key, format);
  }
  const text = format.format(new Date(iso));
  if (formattedDateTimes.size >= FORMATTED_LIMIT) formattedDateTimes.clear();
  formattedDateTimes.set(memoKey, text);
  return text;
}
