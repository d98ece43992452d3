/** The UI language and its catalogue; a new choice shows once its catalogue has loaded, and is remembered. */
import { useCallback, useState } from 'react';
import { writePreference } from '../common/storage';
import { CATALOGUES, type Locale, type Messages } from '../i18n';
import { useLoaded } from './useLoaded';

/** The language shown, its catalogue, and a setter that remembers the choice. */
export interface AppLocale {
  locale: Locale;
  messages: Messages;
  setLocale(locale: Locale): void;
}

/** Starts in `initial` (a language and its loaded catalogue, see initialLocale) and follows the user's choice. */
export function useLocale(initial: readonly [Locale, Messages]): AppLocale {
  const [chosen, setChosen] = useState<Locale>(initial[0]);
  const [locale, messages] = useLoaded(chosen, CATALOGUES, initial);
  const setLocale = useCallback((next: Locale) => {
    setChosen(next);
    writePreference('locale', next);
  }, []);
  return { locale, messages, setLocale };
}
