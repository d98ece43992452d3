/**
 * The configuration page of the team, group chat and meeting tab (`?view=config`, Teams' `settings` frame):
 * the reader picks what the tab shows, and Teams saves that view's address when they press Save.
 */
import { Badge, Caption1, Field, Link, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { SettingsBar, type SettingsProps } from '../app/SettingsBar';
import { useI18n } from '../i18n';
import { useTabConfigStyles } from './TabConfigPage.styles';
import { TAB_CHOICES, choiceUrl, defaultChoice, tabConfigOf, type TabChoice } from './tab-choice';

/** The form; in Teams it drives the dialog's Save button, standalone it links to the chosen view. */
export function TabConfigPage(props: SettingsProps) {
  const { host } = props;
  const { t } = useI18n();
  const styles = useTabConfigStyles();
  const [choice, setChoice] = useState<TabChoice>(() => defaultChoice(host.meetingId, host.frameContext));

  // Save reads the latest choice and language through a ref, so the handler is registered only once.
  const latest = useRef(() => tabConfigOf(choice, t));
  useEffect(() => {
    latest.current = () => tabConfigOf(choice, t);
  }, [choice, t]);

  const tabConfig = host.tabConfig;
  useEffect(() => {
    tabConfig?.onSave(() => latest.current());
  }, [tabConfig]);

  // Always one choice made (the default at first), so Save is enabled from the start.
  useEffect(() => {
    tabConfig?.setValid(true);
  }, [tabConfig, choice]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={400} className={styles.heading}>
          {t.tabConfig.heading}
        </Text>
        <SettingsBar {...props} compact />
      </header>
      <main className={styles.main}>
        <Caption1 as="p" id="tab-config-intro" className={styles.text}>
          {t.tabConfig.intro}
        </Caption1>
        <Field label={t.tabConfig.label}>
          <RadioGroup
            value={choice}
            aria-describedby="tab-config-intro"
            onChange={(_, data) => setChoice(TAB_CHOICES.find((c) => c === data.value) ?? choice)}
          >
            {TAB_CHOICES.map((c) => (
              <Radio key={c} value={c} label={t.tabConfig.choices[c]} />
            ))}
          </RadioGroup>
        </Field>
        {!host.inTeams && (
          <div className={styles.standalone}>
            <Badge appearance="outline" color="informative" title={t.app.standaloneHint}>
              {t.app.standalone}
            </Badge>
            <Caption1 as="p" className={styles.text}>
              {t.tabConfig.standaloneNote}
            </Caption1>
            <Link href={choiceUrl(choice)}>{t.tabConfig.open}</Link>
          </div>
        )}
      </main>
    </div>
  );
}
