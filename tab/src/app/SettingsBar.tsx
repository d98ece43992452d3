/** The header's settings: "Viewing as" (local standalone only), theme (standalone only) and language. */
import { useSession } from '../common/ApiContext';
import type { Host } from '../host/host';
import type { Locale } from '../i18n';
import { useShellStyles } from './AppShell.styles';
import { LanguageMenu } from './LanguageMenu';
import { ThemeMenu } from './ThemeMenu';
import type { ThemeChoice } from './preferences';
import { ViewAsPicker } from './ViewAsPicker';

/** The state the settings change; App owns it. */
export interface SettingsProps {
  host: Host;
  onLocaleChange: (locale: Locale) => void;
  themeChoice: ThemeChoice;
  onThemeChange: (choice: ThemeChoice) => void;
  devUserId: string | null;
  onDevUserChange: (personId: string | null) => void;
}

/** The settings controls; `compact` shows icons only (meeting side panel). */
export function SettingsBar(props: SettingsProps & { compact?: boolean }) {
  const { host, compact = false } = props;
  const { me } = useSession();
  const styles = useShellStyles();
  return (
    <div className={styles.settings}>
      {/* Also when the remembered person is no longer in the register (`/me` refused): picking another gets out. */}
      {!host.inTeams && (me?.mode === 'local' || (me === null && props.devUserId !== null)) && !compact && (
        <ViewAsPicker value={props.devUserId} onChange={props.onDevUserChange} />
      )}
      {!host.inTeams && <ThemeMenu choice={props.themeChoice} onChange={props.onThemeChange} />}
      <LanguageMenu onChange={props.onLocaleChange} iconOnly={compact} />
    </div>
  );
}
