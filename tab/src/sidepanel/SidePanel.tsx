/**
 * The meeting side panel (320 px): the meeting's agenda first, with the current item and its timer followed live,
 * then the meeting's time and Join link, compact.
 */
import { Badge, Body1, Button, Caption1, Spinner, Text, Title3 } from '@fluentui/react-components';
import { Video20Regular } from '@fluentui/react-icons/svg/video';
import { SettingsBar, type SettingsProps } from '../app/SettingsBar';
import { ErrorBar } from '../common/ErrorBar';
import { formatRange, viewerTimeZone, zoneCity } from '../common/format';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { meetingName, nextMeeting } from '../meetings/meeting-display';
import { useMeetings } from '../meetings/useMeetings';
import { MeetingAgenda } from './MeetingAgenda';
import { useSidePanelStyles } from './SidePanel.styles';

/** The side panel; shown for Teams' `sidePanel` frame context or `?view=sidepanel` (`&meeting=<id>` picks one). */
export function SidePanel(props: SettingsProps) {
  const { host } = props;
  const { t, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const m = useMeetingText();
  const styles = useSidePanelStyles();
  const meetings = useMeetings();
  const wanted = new URLSearchParams(window.location.search).get('meeting');
  const meeting = meetings.data
    ? ((wanted ? meetings.data.find((candidate) => candidate.id === wanted) : undefined) ?? nextMeeting(meetings.data))
    : null;

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
        {meetings.error !== null && (
          <ErrorBar title={t.meetings.loadError} error={meetings.error} onRetry={meetings.reload} />
        )}
        {!meetings.data && meetings.loading && <Spinner size="small" label={t.meetings.loading} />}
        {meetings.data && !meeting && <Caption1 as="p">{t.sidePanel.noMeeting}</Caption1>}

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
              {formatRange(meeting.start, meeting.end, viewerTimeZone(), intlTag)} ({zoneCity(viewerTimeZone())})
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
