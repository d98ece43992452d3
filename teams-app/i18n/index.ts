import type { ErrorCode, Locale } from '../domain';
import { ar } from './ar';
import type { Catalogue } from './catalogue';
import { en, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

export type { MessageKey } from './en';
export type { Catalogue } from './catalogue';

/** The catalogues of the six UN languages. */
export const CATALOGUES: Record<Locale, Catalogue> = { ar, zh, en, fr, ru, es };

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

/** A message in a language with `{name}` placeholders filled in. */
export function t(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * The user-facing message for an error code, falling back to the error's own (English) message. The error's
 * details fill the translated message's placeholders (counts, dates).
 */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  fallback: string,
  details: Record<string, unknown> = {},
): string {
  const key = `error.${code}` as MessageKey;
  if (locale === 'en' || !(key in en)) return fallback;
  const params = Object.fromEntries(
    Object.entries(details).filter((entry): entry is [string, string | number] =>
      ['string', 'number'].includes(typeof entry[1]),
    ),
  );
  return t(key, locale, params);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats an instant as a date and time in a time zone, in a language. */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
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
  return format.format(new Date(iso));
}
