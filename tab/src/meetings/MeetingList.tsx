/** The Upcoming meetings view: a card per meeting, soonest first, and the archive of past meetings below. */
import { Body1, Spinner, Title3 } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { WorkspaceView } from '../app/route';
import { ErrorBar } from '../common/ErrorBar';
import { useI18n } from '../i18n';
import { MeetingArchive } from './MeetingArchive';
import { MeetingCard } from './MeetingCard';
import { useMeetingStyles } from './MeetingList.styles';
import { useMeetings } from './useMeetings';

/**
 * Lists the upcoming meetings; Join opens the meeting the way the host prefers, Open its workspace. `showArchive`
 * opens the past meetings and brings them into view (Back from a past meeting's workspace).
 */
export function MeetingList({
  headingId,
  showArchive = false,
  onJoin,
  onOpen,
}: {
  headingId: string;
  showArchive?: boolean;
  onJoin: (url: string) => void;
  onOpen?: (meetingId: string, view: WorkspaceView) => void;
}) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  const meetings = useMeetings();
  const items = meetings.data;

  return (
    <section aria-labelledby={headingId} className={styles.view}>
      <header className={styles.header}>
        <Title3 as="h2" id={headingId} className={styles.viewHeading}>
          {t.meetings.heading}
        </Title3>
        <Body1 as="p" className={styles.intro}>
          {t.meetings.intro}
        </Body1>
      </header>
      {meetings.error !== null && (
        <ErrorBar title={t.meetings.loadError} error={meetings.error} onRetry={meetings.reload} />
      )}
      {!items && meetings.loading && <Spinner label={t.meetings.loading} />}
      {items && items.length === 0 && (
        <Body1 as="p" role="status">
          {t.meetings.empty}
        </Body1>
      )}
      {items && items.length > 0 && (
        <ul className={styles.grid} aria-label={t.meetings.listLabel}>
          {items.map((meeting) => (
            <li key={meeting.id} className={styles.gridItem}>
              <MeetingCard meeting={meeting} onJoin={onJoin} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      {/* Its strings load on their own: the upcoming meetings do not wait for them. */}
      <Suspense fallback={null}>
        <MeetingArchive shown={showArchive} onOpen={onOpen} />
      </Suspense>
    </section>
  );
}
