/**
 * The six UN languages: their names, Intl tags, writing direction, and their catalogues, each a chunk of its own
 * loaded when the language is first shown (the page downloads only the language it speaks).
 */
import type { Locale } from '../../../teams-app/domain';
import { chunkCache, type ChunkCache } from '../common/chunk-cache';
import type { Messages } from './en';

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

/** The catalogue of each language, loaded on demand (`CATALOGUES.load(locale)`). */
export const CATALOGUES: ChunkCache<Locale, Messages> = chunkCache({
  ar: () => import('./ar').then((m) => m.ar),
  zh: () => import('./zh').then((m) => m.zh),
  en: () => import('./en').then((m) => m.en),
  fr: () => import('./fr').then((m) => m.fr),
  ru: () => import('./ru').then((m) => m.ru),
  es: () => import('./es').then((m) => m.es),
});

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
