/**
 * The strings of the side panel, the stage, the agenda timer, the editors' additions and the meeting archive, a
 * catalogue per language in a chunk of its own: loaded with those views, never with the register's first paint.
 */
import type { Locale } from '../../../../teams-app/domain';
import { chunkCache, type ChunkCache } from '../../common/chunk-cache';
import { useI18n } from '../I18nProvider';
import type { MeetingMessages } from './en';

export type { MeetingMessages } from './en';

/** The meeting catalogue of each language, loaded on demand. */
export const MEETING_CATALOGUES: ChunkCache<Locale, MeetingMessages> = chunkCache({
  ar: () => import('./ar').then((m) => m.meetingAr),
  zh: () => import('./zh').then((m) => m.meetingZh),
  en: () => import('./en').then((m) => m.meetingEn),
  fr: () => import('./fr').then((m) => m.meetingFr),
  ru: () => import('./ru').then((m) => m.meetingRu),
  es: () => import('./es').then((m) => m.meetingEs),
});

/**
 * The meeting strings of the current language. Until its catalogue has loaded, the component suspends (the nearest
 * Suspense boundary shows its fallback) and renders again once it is there.
 */
export function useMeetingText(): MeetingMessages {
  const { locale } = useI18n();
  const loaded = MEETING_CATALOGUES.loaded(locale);
  if (loaded) return loaded;
  // React's Suspense protocol: a thrown promise means "not ready yet, render again once it settles".
  throw MEETING_CATALOGUES.load(locale);
}
