/** Chooses the Fluent theme: Teams' theme inside Teams; the user's choice or the system's when standalone. */
import type { Theme } from '@fluentui/react-components';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { writePreference } from '../common/storage';
import type { Host, HostTheme } from '../host/host';
import { storedThemeChoice, subscribeToSystemTheme, systemTheme, themeKind, type ThemeChoice } from './preferences';
import { THEMES } from './themes';
import { useLoaded } from './useLoaded';

/** The theme in effect, the standalone choice and its setter. */
export interface AppTheme {
  theme: Theme;
  kind: HostTheme;
  choice: ThemeChoice;
  setChoice(choice: ThemeChoice): void;
}

/**
 * Follows Teams' theme changes inside Teams, and `prefers-color-scheme` / the theme menu standalone; starts in
 * `initial` (a theme and its loaded Fluent theme, see initialThemeKind), and shows a new one once it has loaded.
 */
export function useAppTheme(host: Host, initial: readonly [HostTheme, Theme]): AppTheme {
  const [hostTheme, setHostTheme] = useState<HostTheme | null>(host.theme);
  const [choice, setChoiceState] = useState<ThemeChoice>(storedThemeChoice);
  const system = useSyncExternalStore(subscribeToSystemTheme, systemTheme, () => 'default' as const);

  useEffect(() => host.onThemeChange(setHostTheme), [host]);

  const setChoice = useCallback((next: ThemeChoice) => {
    setChoiceState(next);
    writePreference('theme', next === 'system' ? null : next);
  }, []);

  const [kind, theme] = useLoaded(themeKind(host, hostTheme, choice, system), THEMES, initial);
  return { theme, kind, choice, setChoice };
}
