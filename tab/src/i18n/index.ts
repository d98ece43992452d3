/** The tab's message catalogues in the six UN languages, and the hook components read them with. */
export type { Messages } from './en';
export { CATALOGUES, INTL_TAGS, NATIVE_NAMES, UI_LOCALES, directionOf, matchLocale } from './locales';
export { I18nProvider, useI18n, type I18n } from './I18nProvider';
export { useDisplayTitles, type DisplayTitles, type TitledItem } from './display-titles';
export type { Locale } from '../../../teams-app/domain';
