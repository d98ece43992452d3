/** The standalone theme menu: follow the system, light, dark or high contrast. */
import { Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { DarkTheme20Regular } from '@fluentui/react-icons/svg/dark-theme';
import { useI18n } from '../i18n';
import { THEME_CHOICES, type ThemeChoice } from './preferences';

/** A menu button for the theme; Teams users get Teams' theme instead. */
export function ThemeMenu({ choice, onChange }: { choice: ThemeChoice; onChange: (choice: ThemeChoice) => void }) {
  const { t } = useI18n();
  const names: Record<ThemeChoice, string> = {
    system: t.theme.system,
    light: t.theme.light,
    dark: t.theme.dark,
    contrast: t.theme.contrast,
  };
  return (
    <Menu
      checkedValues={{ theme: [choice] }}
      onCheckedValueChange={(_, data) => {
        const next = THEME_CHOICES.find((c) => c === data.checkedItems[0]);
        if (next) onChange(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance="subtle" icon={<DarkTheme20Regular />} aria-label={t.theme.current(names[choice])} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={t.theme.label}>
          {THEME_CHOICES.map((c) => (
            <MenuItemRadio key={c} name="theme" value={c}>
              {names[c]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
