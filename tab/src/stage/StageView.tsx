/**
 * The meeting stage (Teams `meetingStage` frame, or `?view=stage&meeting=<id>`): the agenda with the current item
 * and its timer, large enough to read from across a room, followed live.
 */
import { Badge, Body1, Spinner, Text, Title1, mergeClasses } from '@fluentui/react-components';
import { SettingsBar, type SettingsProps } from '../app/SettingsBar';
import { ErrorBar } from '../common/ErrorBar';
import { inLocale } from '../common/format';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { meetingName } from '../meetings/meeting-display';
import { CurrentItem } from '../sidepanel/CurrentItem';
import { usePublishedAgenda } from '../sidepanel/MeetingAgenda';
import { useCurrentItem } from '../sidepanel/useCurrentItem';
import { useShownMeeting } from '../sidepanel/useShownMeeting';
import type { MeetingView } from '../api';
import { useStageStyles } from './StageView.styles';

/** The stage of the Teams meeting it is shared in (outside Teams: the meeting the address names, else the next one). */
export function StageView(props: SettingsProps) {
  const { t } = useI18n();
  const m = useMeetingText();
  const styles = useStageStyles();
  const shown = useShownMeeting(props.host);
  const meeting = shown.meeting ?? null;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text weight="semibold" size={400}>
          {t.app.name}
        </Text>
        <SettingsBar {...props} compact />
      </header>
      <main className={styles.main}>
        {shown.error !== null && <ErrorBar title={t.meetings.loadError} error={shown.error} onRetry={shown.reload} />}
        {shown.meeting === undefined && shown.loading && <Spinner label={t.meetings.loading} />}
        {shown.meeting === null && (
          <Body1 as="p" role="status">
            {shown.unlinked ? m.side.notThisMeeting : m.stage.noMeeting}
          </Body1>
        )}
        {meeting && <MeetingStage key={meeting.id} meeting={meeting} />}
      </main>
    </div>
  );
}

function MeetingStage({ meeting }: { meeting: MeetingView }) {
  const { locale } = useI18n();
  const titles = useDisplayTitles();
  const m = useMeetingText();
  const styles = useStageStyles();
  const agenda = usePublishedAgenda(meeting.id);
  const feed = useCurrentItem(meeting.id);
  const published = agenda.data ?? null;
  const current = feed.state?.item ?? null;

  return (
    <>
      <div className={styles.titleBlock}>
        <Title1 as="h1" className={styles.title}>
          {`${m.stage.agenda} · ${meetingName(meeting)}`}
        </Title1>
        <Body1 as="p" className={styles.subtitle}>
          <bdi>{titles.meeting(meeting)}</bdi>
        </Body1>
      </div>
      {agenda.error !== null && <ErrorBar title={m.stage.loadError} error={agenda.error} onRetry={agenda.reload} />}
      {feed.error !== null && <ErrorBar title={m.stage.loadError} error={feed.error} onRetry={feed.refresh} />}
      {agenda.data === undefined && agenda.loading && <Spinner label={m.stage.loading} />}
      {agenda.data === null && <Body1 as="p">{m.stage.noAgenda}</Body1>}
      {published && (
        <div className={styles.columns}>
          <CurrentItem
            agenda={published}
            state={feed.state}
            offsetMs={feed.offsetMs}
            headingId="stage-current"
            headingLevel={2}
            size="large"
          />
          <section aria-labelledby="stage-agenda" className={styles.agenda}>
            <h2 id="stage-agenda" className={styles.agendaHeading}>
              {m.stage.agenda}
            </h2>
            <ol className={styles.items}>
              {published.items.map((item) => {
                const isCurrent = current === item.number;
                const sections = item.kind === 'topic-updates' || item.kind === 'jiu' ? item.sections : [];
                return (
                  <li
                    key={item.id}
                    aria-current={isCurrent ? 'step' : undefined}
                    className={mergeClasses(styles.item, isCurrent && styles.currentItem)}
                  >
                    <span className={styles.itemLine}>
                      <span className={styles.number}>{`${item.number}.`}</span>
                      <bdi className={styles.itemTitle}>{titles.item(item)}</bdi>
                      {item.plannedMinutes ? (
                        <Badge appearance="tint" color={isCurrent ? 'brand' : 'informative'} size="large">
                          {m.timer.minutes(item.plannedMinutes)}
                        </Badge>
                      ) : null}
                    </span>
                    {item.presenter && (
                      <span className={styles.presenter}>
                        <bdi>{m.timer.presenter(item.presenter)}</bdi>
                      </span>
                    )}
                    {sections.length > 0 && (
                      <ol className={styles.subItems}>
                        {sections.map((section, i) => (
                          <li
                            key={section.topicId}
                            className={isCurrent && feed.state?.sub === i + 1 ? styles.currentSub : undefined}
                          >
                            {`${item.number}.${i + 1} `}
                            <bdi>{inLocale(section.topicTitle, locale)}</bdi>
                          </li>
                        ))}
                      </ol>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      )}
    </>
  );
}
