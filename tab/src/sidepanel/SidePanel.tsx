/** The meeting side panel (320 px): the next meeting and the topics it covers, compact. */
import { Badge, Button, Caption1, Spinner, Switch, Text, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { SectorBadge } from '../common/SectorBadge';
import { useI18n } from '../i18n';
import { SettingsBar, type SettingsProps } from '../app/SettingsBar';
import { MeetingCard } from '../meetings/MeetingCard';
import { nextMeeting } from '../meetings/meeting-display';
import { useMeetings } from '../meetings/useMeetings';
import { TopicDetails } from '../topics/TopicDetails';
import { useTopicTitle } from '../topics/useTopicTitle';
import { useTopics } from '../topics/useTopics';
import { AgendaPointer } from './AgendaPointer';
import { useSidePanelStyles } from './SidePanel.styles';

/** The side panel; shown for Teams' `sidePanel` frame context or `?view=sidepanel`. */
export function SidePanel(props: SettingsProps) {
  const { host } = props;
  const { t } = useI18n();
  const { me } = useSession();
  const styles = useSidePanelStyles();
  const meetings = useMeetings();
  const topics = useTopics({ status: 'active' });
  const titleOf = useTopicTitle();
  const [selected, setSelected] = useState<TopicView | null>(null);
  const [open, setOpen] = useState(false);
  const wanted = new URLSearchParams(window.location.search).get('meeting');
  const next = meetings.data
    ? ((wanted ? meetings.data.find((m) => m.id === wanted) : undefined) ?? nextMeeting(meetings.data))
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

        <section aria-labelledby="side-next" className={styles.section}>
          <Title3 as="h2" id="side-next" className={styles.heading}>
            {t.sidePanel.nextMeeting}
          </Title3>
          {meetings.error !== null && (
            <ErrorBar title={t.meetings.loadError} error={meetings.error} onRetry={meetings.reload} />
          )}
          {!meetings.data && meetings.loading && <Spinner size="small" label={t.meetings.loading} />}
          {meetings.data && !next && <Caption1 as="p">{t.sidePanel.noMeeting}</Caption1>}
          {next && <MeetingCard meeting={next} compact onJoin={host.openLink} />}
        </section>

        {next && <AgendaPointer key={next.id} meeting={next} />}

        <section aria-labelledby="side-topics" className={styles.section}>
          <Title3 as="h2" id="side-topics" className={styles.heading}>
            {t.sidePanel.topics}
          </Title3>
          <Switch
            label={t.topics.mine}
            checked={topics.filters.mine}
            disabled={!me?.person}
            onChange={(_, data) => topics.setMine(data.checked)}
          />
          {topics.error !== null && (
            <ErrorBar title={t.topics.loadError} error={topics.error} onRetry={topics.reload} />
          )}
          {!topics.data && topics.loading && <Spinner size="small" label={t.topics.loading} />}
          {topics.data && topics.data.length === 0 && <Caption1 as="p">{t.topics.empty.title}</Caption1>}
          {topics.data && topics.data.length > 0 && (
            <ul className={styles.topics} aria-label={t.sidePanel.topicsLabel}>
              {topics.data.map((topic) => {
                const vacancies = topic.assignments.filter((a) => a.vacant).length;
                return (
                  <li key={topic.id} className={styles.topic}>
                    <Button
                      appearance="transparent"
                      className={styles.topicButton}
                      onClick={() => {
                        setSelected(topic);
                        setOpen(true);
                      }}
                    >
                      {titleOf(topic)}
                    </Button>
                    <span className={styles.badges}>
                      {topic.assignments.map((a) => (
                        <SectorBadge key={a.sector} sector={a.sector} lead={a.sector === topic.leadSector} />
                      ))}
                      {vacancies > 0 && (
                        <Badge appearance="tint" color="warning" shape="rounded">
                          {t.sidePanel.vacancies(vacancies)}
                        </Badge>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </main>
      <TopicDetails topic={selected} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
