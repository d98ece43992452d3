/**
 * The language and theme the tab starts in, worked out before React loads (so the first paint needs no second
 * guess): the user's choice, else the host's, else the system's.
 */
import type { Locale } from '../../../teams-app/domain';
import { readPreference } from '../common/storage';
import type { Host, HostTheme } from '../host/host';
import { matchLocale } from '../i18n/locales';

/** The language: the user's choice, else the host's (Teams), else the browser's, else English. */
export function initialLocale(host: Host): Locale {
  return (
    matchLocale(readPreference('locale')) ??
    matchLocale(host.locale) ??
    navigator.languages.map(matchLocale).find((l): l is Locale => l !== null) ??
    'en'
  );
}

/** What the standalone theme menu offers. */
export type ThemeChoice = 'system' | 'light' | 'dark' | 'contrast';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'contrast'];

/** The theme chosen in the standalone theme menu, remembered across visits. */
export function storedThemeChoice(): ThemeChoice {
  const stored = readPreference('theme');
  return THEME_CHOICES.find((c) => c === stored) ?? 'system';
}

const SYSTEM_QUERIES = ['(prefers-color-scheme: dark)', '(forced-colors: active)'];

/** Calls back when the system's colour scheme or forced colours change; returns the unsubscribe. */
export function subscribeToSystemTheme(callback: () => void): () => void {
  const queries = SYSTEM_QUERIES.map((q) => window.matchMedia(q));
  queries.forEach((q) => q.addEventListener('change', callback));
  return () => queries.forEach((q) => q.removeEventListener('change', callback));
}

/** The system's theme: high contrast under forced colours, else dark or light. */
export function systemTheme(): HostTheme {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

/** The theme in effect: Teams' inside Teams; standalone, the menu's choice or the system's. */
export function themeKind(host: Host, hostTheme: HostTheme | null, choice: ThemeChoice, system: HostTheme): HostTheme {
  if (host.inTeams) return hostTheme ?? 'default';
  if (choice === 'system') return system;
  return choice === 'light' ? 'default' : choice;
}

/** The theme the tab starts in. */
export function initialThemeKind(host: Host): HostTheme {
  return themeKind(host, host.theme, storedThemeChoice(), systemTheme());
}
