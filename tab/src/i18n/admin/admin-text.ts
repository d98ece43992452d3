/**
 * The records and administration strings, a catalogue per language in a chunk of its own: loaded with those views,
 * never with the register's first paint.
 */
import type { Locale } from '../../../../teams-app/domain';
import { chunkCache, type ChunkCache } from '../../common/chunk-cache';
import { useI18n } from '../I18nProvider';
import type { AdminMessages } from './en';

export type { AdminMessages } from './en';

/** The administration catalogue of each language, loaded on demand. */
export const ADMIN_CATALOGUES: ChunkCache<Locale, AdminMessages> = chunkCache({
  ar: () => import('./ar').then((m) => m.adminAr),
  zh: () => import('./zh').then((m) => m.adminZh),
  en: () => import('./en').then((m) => m.adminEn),
  fr: () => import('./fr').then((m) => m.adminFr),
  ru: () => import('./ru').then((m) => m.adminRu),
  es: () => import('./es').then((m) => m.adminEs),
});

/**
 * The administration strings of the current language. Until its catalogue has loaded, the component suspends (the
 * nearest Suspense boundary shows its fallback) and renders again once it is there.
 */
export function useAdminText(): AdminMessages {
  const { locale } = useI18n();
  const loaded = ADMIN_CATALOGUES.loaded(locale);
  if (loaded) return loaded;
  // React's Suspense protocol: a thrown promise means "not ready yet, render again once it settles".
  throw ADMIN_CATALOGUES.load(locale);
}
