/**
 * The meeting side panel (320 px): the meeting's agenda first, with the current item and its timer followed live,
 * then the meeting's time and Join link, compact.
 */
import { Badge, Body1, Button, Caption1, Spinner, Text, Title3 } from '@fluentui/react-components';
import { Video20Regular } from '@fluentui/react-icons/svg/video';
import { SettingsBar, type SettingsProps } from '../app/SettingsBar';
import { ErrorBar } from '../common/ErrorBar';
import { formatZonedRange, viewerTimeZone } from '../common/format';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { meetingName } from '../meetings/meeting-display';
import { MeetingAgenda } from './MeetingAgenda';
import { useSidePanelStyles } from './SidePanel.styles';
import { useShownMeeting } from './useShownMeeting';

/**
 * The side panel; shown for Teams' `sidePanel` frame context (the Teams meeting's own register meeting) or
 * `?view=sidepanel` (`&meeting=<id>` picks one, else the next).
 */
export function SidePanel(props: SettingsProps) {
  const { host } = props;
  const { t, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const m = useMeetingText();
  const styles = useSidePanelStyles();
  const shown = useShownMeeting(host);
  const meeting = shown.meeting ?? null;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={300} className={styles.appName}>
          {t.app.name}
        </Text>
        <SettingsBar {...props} compact />
      </header>
      <main className={styles.main}>
        {!host.inTeams && (
          <Badge appearance="outline" color="informative" className={styles.standalone} title={t.app.standaloneHint}>
            {t.app.standalone}
          </Badge>
        )}
        {shown.error !== null && <ErrorBar title={t.meetings.loadError} error={shown.error} onRetry={shown.reload} />}
        {shown.meeting === undefined && shown.loading && <Spinner size="small" label={t.meetings.loading} />}
        {shown.meeting === null && (
          <Caption1 as="p" role="status">
            {shown.unlinked ? m.side.notThisMeeting : t.sidePanel.noMeeting}
          </Caption1>
        )}

        {meeting && <MeetingAgenda key={meeting.id} meeting={meeting} host={host} />}

        {meeting && (
          <section aria-labelledby="side-meeting" className={styles.section}>
            <Title3 as="h2" id="side-meeting" className={styles.heading}>
              {m.side.meetingDetails}
            </Title3>
            <Body1 as="p" className={styles.fact}>
              <Text weight="semibold">{meetingName(meeting)}</Text> · <bdi>{titles.meeting(meeting)}</bdi>
            </Body1>
            <Caption1 as="p" className={styles.fact}>
              {formatZonedRange(meeting.start, meeting.end, viewerTimeZone(), intlTag)}
            </Caption1>
            {meeting.joinUrl && (
              <Button
                as="a"
                size="small"
                href={meeting.joinUrl}
                target="_blank"
                rel="noopener noreferrer"
                icon={<Video20Regular />}
                className={styles.pointerButton}
                aria-label={`${t.meetings.join} (${meetingName(meeting)})`}
                onClick={(event) => {
                  event.preventDefault();
                  if (meeting.joinUrl) host.openLink(meeting.joinUrl);
                }}
              >
                {t.meetings.join}
              </Button>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
