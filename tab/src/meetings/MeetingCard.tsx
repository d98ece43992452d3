/** One meeting: name and title, time in the meeting's zone and the viewer's, state, collection window, Join. */
import { Badge, Body1, Button, Caption1, Card, CardHeader, Text, mergeClasses } from '@fluentui/react-components';
import { CalendarClock20Regular } from '@fluentui/react-icons/svg/calendar-clock';
import { Location20Regular } from '@fluentui/react-icons/svg/location';
import { TextBulletListSquareEdit20Regular } from '@fluentui/react-icons/svg/text-bullet-list-square-edit';
import { Video20Regular } from '@fluentui/react-icons/svg/video';
import type { MeetingView } from '../api';
import { routeSearch, type WorkspaceView } from '../app/route';
import { formatInstant, formatRange, viewerTimeZone, zoneName } from '../common/format';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingStyles } from './MeetingList.styles';
import { STATE_COLOURS, meetingName, workspaceViewFor } from './meeting-display';

/** A meeting card; `compact` for the meeting side panel (narrow, fewer details); `onOpen` adds "Open meeting". */
export function MeetingCard({
  meeting,
  headingLevel = 3,
  compact = false,
  onJoin,
  onOpen,
}: {
  meeting: MeetingView;
  headingLevel?: 2 | 3;
  compact?: boolean;
  onJoin: (url: string) => void;
  onOpen?: (meetingId: string, view: WorkspaceView) => void;
}) {
  const { t, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const styles = useMeetingStyles();
  const name = meetingName(meeting);
  const headingId = `meeting-${meeting.id}`;
  const viewerZone = viewerTimeZone();
  const sameZone =
    formatRange(meeting.start, meeting.end, viewerZone, 'en') ===
    formatRange(meeting.start, meeting.end, meeting.timeZone, 'en');
  const m = t.meetings;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <Card
      role="article"
      className={mergeClasses(styles.card, compact && styles.compactCard)}
      aria-labelledby={headingId}
    >
      <CardHeader
        header={
          <Heading id={headingId} className={styles.heading}>
            <span className={styles.name}>{name}</span>
            <Badge appearance="tint" color={STATE_COLOURS[meeting.state]} className={styles.state}>
              {m.states[meeting.state]}
            </Badge>
          </Heading>
        }
        description={<Caption1 className={styles.title}>{titles.meeting(meeting)}</Caption1>}
      />

      <div className={styles.facts}>
        <div className={styles.fact}>
          <CalendarClock20Regular aria-hidden className={styles.icon} />
          <div className={styles.factText}>
            <Caption1 className={styles.term}>{m.meetingTime}</Caption1>
            <Body1>
              {formatRange(meeting.start, meeting.end, meeting.timeZone, intlTag)}{' '}
              <span className={styles.zone}>({zoneName(meeting.timeZone, intlTag, meeting.start)})</span>
            </Body1>
            <Caption1 className={styles.term}>{m.yourTime}</Caption1>
            {sameZone ? (
              <Body1 className={styles.zone}>{m.sameZone}</Body1>
            ) : (
              <Body1>
                {formatRange(meeting.start, meeting.end, viewerZone, intlTag)}{' '}
                <span className={styles.zone}>({zoneName(viewerZone, intlTag, meeting.start)})</span>
              </Body1>
            )}
          </div>
        </div>
        {meeting.place && !compact && (
          <div className={styles.fact}>
            <Location20Regular aria-hidden className={styles.icon} />
            <div className={styles.factText}>
              <Caption1 className={styles.term}>{m.place}</Caption1>
              <Body1>
                <bdi>{titles.place(meeting.place)}</bdi>
              </Body1>
            </div>
          </div>
        )}
      </div>

      <div className={styles.window} role="group" aria-label={m.collection}>
        <Text weight="semibold" size={200}>
          {m.collection}
        </Text>
        <dl className={styles.windowList}>
          <div>
            <dt className={styles.term}>{m.opens}</dt>
            <dd className={styles.value}>{formatInstant(meeting.collection.opensAt, meeting.timeZone, intlTag)}</dd>
          </div>
          {!compact && meeting.collection.remindersAt.length > 0 && (
            <div>
              <dt className={styles.term}>{m.reminders}</dt>
              <dd className={styles.value}>
                {meeting.collection.remindersAt.map((r) => formatInstant(r, meeting.timeZone, intlTag)).join(' · ')}
              </dd>
            </div>
          )}
          <div>
            <dt className={styles.term}>{m.closes}</dt>
            <dd className={styles.value}>{formatInstant(meeting.collection.closesAt, meeting.timeZone, intlTag)}</dd>
          </div>
        </dl>
      </div>

      <div className={styles.actions}>
        {meeting.joinUrl ? (
          <Button
            as="a"
            appearance="primary"
            href={meeting.joinUrl}
            target="_blank"
            rel="noopener noreferrer"
            icon={<Video20Regular />}
            aria-label={`${m.join} (${name})`}
            onClick={(event) => {
              event.preventDefault();
              if (meeting.joinUrl) onJoin(meeting.joinUrl);
            }}
          >
            {m.join}
          </Button>
        ) : (
          <Caption1 className={styles.zone}>{m.noJoinUrl}</Caption1>
        )}
        {onOpen && (
          <Button
            as="a"
            appearance="secondary"
            href={routeSearch({ section: 'meeting', meetingId: meeting.id, view: workspaceViewFor(meeting.state) })}
            icon={<TextBulletListSquareEdit20Regular />}
            aria-label={`${t.workspace.open} (${name})`}
            onClick={(event) => {
              if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onOpen(meeting.id, workspaceViewFor(meeting.state));
            }}
          >
            {t.workspace.open}
          </Button>
        )}
      </div>
    </Card>
  );
}
