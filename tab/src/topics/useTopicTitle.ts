/** The title of a topic in the UI language. */
import { useCallback } from 'react';
import type { TopicView } from '../api';
import { useI18n } from '../i18n';

/** A function giving a topic's title in the UI language, falling back to English (the same one per language). */
export function useTopicTitle(): (topic: Pick<TopicView, 'title'>) => string {
  const { locale } = useI18n();
  return useCallback((topic) => topic.title[locale] ?? topic.title.en, [locale]);
}
