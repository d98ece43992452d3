/**
 * Agenda headings and meeting titles in the viewer's language, looked up when rendering: the stored agenda and minutes
 * keep the compiler's language, so the tab reads the same six-language tables as the documents and the bot cards.
 */
import { useMemo } from 'react';
import { itemTitle } from '../../../teams-app/domain/agenda/item-titles';
import { meetingTitle, type TitledMeeting } from '../../../teams-app/domain/meeting-title';
import { placeName } from '../../../teams-app/domain/place-names';
import { resolutionReference, resolutionTitle } from '../../../teams-app/domain/resolution-names';
import type { ResolutionRef } from '../../../teams-app/domain/entities';
import { useI18n } from './I18nProvider';

/** What an item heading is rendered from (agenda and minutes items alike). */
export type TitledItem = Parameters<typeof itemTitle>[0];

/** Renders titles in the current language. */
export interface DisplayTitles {
  /** An agenda or minutes item's heading: the standard one in this language, or the chair's own title as typed. */
  item: (item: TitledItem) => string;
  /** A meeting's title: rendered from body and number in this language, or its custom title as typed. */
  meeting: (meeting: TitledMeeting) => string;
  /** A place in this language ("Geneva" → Genève, Ginebra, Женева, 日内瓦, جنيف), or as typed when not a known one. */
  place: (place: string) => string;
  /** A resolution cited in this language, and its title (English readers only: the register keeps no other). */
  resolution: (ref: ResolutionRef) => { reference: string; title: string | null };
}

/** Item headings and meeting titles in the viewer's language. */
export function useDisplayTitles(): DisplayTitles {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      item: (item) => itemTitle(item, locale),
      meeting: (meeting) => meetingTitle(meeting, locale),
      place: (place) => placeName(place, locale),
      resolution: (ref) => ({ reference: resolutionReference(ref, locale), title: resolutionTitle(ref, locale) }),
    }),
    [locale],
  );
}
