/** The language menu: the six UN languages, each named in itself. */
import { Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { Globe20Regular } from '@fluentui/react-icons/svg/globe';
import { NATIVE_NAMES, UI_LOCALES, directionOf, useI18n, type Locale } from '../i18n';

/** A menu button showing the current language; `iconOnly` for the narrow side panel. */
export function LanguageMenu({
  onChange,
  iconOnly = false,
}: {
  onChange: (locale: Locale) => void;
  iconOnly?: boolean;
}) {
  const { t, locale } = useI18n();
  const current = NATIVE_NAMES[locale];
  return (
    <Menu
      checkedValues={{ language: [locale] }}
      onCheckedValueChange={(_, data) => {
        const next = UI_LOCALES.find((l) => l === data.checkedItems[0]);
        if (next) onChange(next);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance="subtle" icon={<Globe20Regular />} aria-label={t.language.current(current)}>
          {iconOnly ? null : current}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={t.language.label}>
          {UI_LOCALES.map((l) => (
            <MenuItemRadio key={l} name="language" value={l} lang={l} dir={directionOf(l)}>
              {NATIVE_NAMES[l]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
