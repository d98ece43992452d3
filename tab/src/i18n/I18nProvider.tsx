/** Provides the current language, its catalogue and Intl helpers to the component tree. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../teams-app/domain';
import type { Messages } from './en';
import { INTL_TAGS, directionOf } from './locales';

/** What a component needs to speak the reader's language. */
export interface I18n {
  locale: Locale;
  /** The catalogue of the current language. */
  t: Messages;
  /** The BCP 47 tag for Intl formatters. */
  intlTag: string;
  dir: 'ltr' | 'rtl';
}

const I18nContext = createContext<I18n | null>(null);

/** Makes a language and its loaded catalogue (CATALOGUES.load) available to everything below it. */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(
    () => ({ locale, t: messages, intlTag: INTL_TAGS[locale], dir: directionOf(locale) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its strings; throws outside an I18nProvider (a wiring mistake). */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n is used outside I18nProvider');
  return value;
}
