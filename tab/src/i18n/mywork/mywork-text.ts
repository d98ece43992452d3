/**
 * The "My work" strings, a catalogue per language in a chunk of its own: loaded with that view, never with the
 * register's first paint.
 */
import type { Locale } from '../../../../teams-app/domain';
import { chunkCache, type ChunkCache } from '../../common/chunk-cache';
import { useI18n } from '../I18nProvider';
import type { MyWorkMessages } from './en';

export type { MyWorkMessages } from './en';

/** The "My work" catalogue of each language, loaded on demand. */
export const MY_WORK_CATALOGUES: ChunkCache<Locale, MyWorkMessages> = chunkCache({
  ar: () => import('./ar').then((m) => m.myWorkAr),
  zh: () => import('./zh').then((m) => m.myWorkZh),
  en: () => import('./en').then((m) => m.myWorkEn),
  fr: () => import('./fr').then((m) => m.myWorkFr),
  ru: () => import('./ru').then((m) => m.myWorkRu),
  es: () => import('./es').then((m) => m.myWorkEs),
});

/** The "My work" strings of the current language; suspends (React Suspense) until its catalogue has loaded. */
export function useMyWorkText(): MyWorkMessages {
  const { locale } = useI18n();
  const loaded = MY_WORK_CATALOGUES.loaded(locale);
  if (loaded) return loaded;
  // React's Suspense protocol: a thrown promise means "not ready yet, render again once it settles".
  throw MY_WORK_CATALOGUES.load(locale);
}
