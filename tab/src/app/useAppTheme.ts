/** Chooses the Fluent theme: Teams' theme inside Teams; the user's choice or the system's when standalone. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { readPreference, writePreference } from '../common/storage';
import type { Host, HostTheme } from '../host/host';

/** What the standalone theme menu offers. */
export type ThemeChoice = 'system' | 'light' | 'dark' | 'contrast';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark', 'contrast'];

const FLUENT_THEMES: Record<HostTheme, Theme> = {
  default: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

function subscribeToMedia(callback: () => void): () => void {
  const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => window.matchMedia(q));
  queries.forEach((q) => q.addEventListener('change', callback));
  return () => queries.forEach((q) => q.removeEventListener('change', callback));
}

function systemTheme(): HostTheme {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

function storedChoice(): ThemeChoice {
  const stored = readPreference('theme');
  return THEME_CHOICES.find((c) => c === stored) ?? 'system';
}

/** The theme in effect, the standalone choice and its setter. */
export interface AppTheme {
  theme: Theme;
  kind: HostTheme;
  choice: ThemeChoice;
  setChoice(choice: ThemeChoice): void;
}

/** Follows Teams' theme changes inside Teams, and `prefers-color-scheme` / the theme menu standalone. */
export function useAppTheme(host: Host): AppTheme {
  const [hostTheme, setHostTheme] = useState<HostTheme | null>(host.theme);
  const [choice, setChoiceState] = useState<ThemeChoice>(storedChoice);
  const system = useSyncExternalStore(subscribeToMedia, systemTheme, () => 'default' as const);

  useEffect(() => host.onThemeChange(setHostTheme), [host]);

  const setChoice = useCallback((next: ThemeChoice) => {
    setChoiceState(next);
    writePreference('theme', next === 'system' ? null : next);
  }, []);

  const kind: HostTheme = host.inTeams
    ? (hostTheme ?? 'default')
    : choice === 'system'
      ? system
      : choice === 'light'
        ? 'default'
        : choice;
  return { theme: FLUENT_THEMES[kind], kind, choice, setChoice };
}
