/** The six UN languages: their catalogues, names, Intl tags and writing direction. */
import type { Locale } from '../../../teams-app/domain';
import { ar } from './ar';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

/** The six UN languages in the order the language menu lists them (UN alphabetical order). */
export const UI_LOCALES: readonly Locale[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** Every language named in itself, so a reader finds theirs whatever the current language. */
export const NATIVE_NAMES: Record<Locale, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** The catalogue of each language. */
export const CATALOGUES: Record<Locale, Messages> = { ar, zh, en, fr, ru, es };

/** The BCP 47 tag handed to Intl for dates and numbers in each language. */
export const INTL_TAGS: Record<Locale, string> = {
  ar: 'ar',
  zh: 'zh-Hans-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

/** Maps a language tag such as `en-us`, `zh-Hant` or `ar-SA` to one of the six languages, or null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return UI_LOCALES.find((locale) => locale === language) ?? null;
}

/** Writing direction of a language. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
