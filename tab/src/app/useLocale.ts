/** The UI language: the user's choice, else the host's (Teams), else the browser's, else English. */
import { useCallback, useState } from 'react';
import { readPreference, writePreference } from '../common/storage';
import type { Host } from '../host/host';
import { matchLocale, type Locale } from '../i18n';

function initialLocale(host: Host): Locale {
  return (
    matchLocale(readPreference('locale')) ??
    matchLocale(host.locale) ??
    navigator.languages.map(matchLocale).find((l): l is Locale => l !== null) ??
    'en'
  );
}

/** The current language and a setter that remembers the choice. */
export function useLocale(host: Host): [Locale, (locale: Locale) => void] {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(host));
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    writePreference('locale', next);
  }, []);
  return [locale, setLocale];
}
