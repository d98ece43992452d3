/** One meeting's workspace: its state, and the Collection (tracker), Agenda and Minutes views in tabs. */
import { Badge, Body1, Button, Caption1, Spinner, Tab, TabList, Title3 } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons/svg/arrow-left';
import { ArrowRight20Regular } from '@fluentui/react-icons/svg/arrow-right';
import { ClipboardTaskListLtr20Regular } from '@fluentui/react-icons/svg/clipboard-task-list-ltr';
import { DocumentText20Regular } from '@fluentui/react-icons/svg/document-text';
import { TextBulletListSquare20Regular } from '@fluentui/react-icons/svg/text-bullet-list-square';
import { useState, type ReactElement } from 'react';
import { meetingIsPast } from '../../../teams-app/domain/meeting-timing';
import type { WorkspaceView } from '../app/route';
import { useCommonStyles } from '../common/common.styles';
import { ErrorBar } from '../common/ErrorBar';
import { formatRange } from '../common/format';
import { usePermission } from '../common/roles';
import { useDisplayTitles, useI18n } from '../i18n';
import { STATE_COLOURS, meetingName } from '../meetings/meeting-display';
import { AgendaView } from './agenda/AgendaView';
import { useMeetingWorkspaceStyles } from './MeetingWorkspace.styles';
import { MinutesView } from './minutes/MinutesView';
import { TrackerView } from './tracker/TrackerView';
import { useMeeting } from './useMeeting';

const HEADING_ID = 'workspace-heading';

/**
 * The workspace of `meetingId`, showing `view`; Back returns to the meetings, to their archive (`past`) when the
 * meeting has ended, and says which.
 */
export function MeetingWorkspace({
  meetingId,
  view,
  onViewChange,
  onBack,
}: {
  meetingId: string;
  view: WorkspaceView;
  onViewChange: (view: WorkspaceView) => void;
  onBack: (past: boolean) => void;
}) {
  const { t, dir, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const styles = useMeetingWorkspaceStyles();
  const common = useCommonStyles();
  const can = usePermission();
  const meeting = useMeeting(meetingId);
  const w = t.workspace;
  const data = meeting.data;
  // Whether the meeting had ended when its workspace opened: Back then leads to the past meetings.
  const [openedAt] = useState(Date.now);
  const past = data !== undefined && meetingIsPast(data, openedAt);

  const back = (
    <Button
      appearance="transparent"
      className={styles.back}
      icon={dir === 'rtl' ? <ArrowRight20Regular /> : <ArrowLeft20Regular />}
      onClick={() => onBack(past)}
    >
      {past ? w.backToPast : w.back}
    </Button>
  );

  if (!data) {
    return (
      <section aria-labelledby={HEADING_ID} className={styles.root}>
        {back}
        <Title3 as="h2" id={HEADING_ID} className={styles.heading}>
          {meeting.error !== null ? w.loadError : w.loading}
        </Title3>
        {meeting.error !== null ? (
          <ErrorBar title={w.loadError} error={meeting.error} onRetry={meeting.reload} />
        ) : (
          <Spinner label={w.loading} />
        )}
      </section>
    );
  }

  const panelId = `workspace-panel-${view}`;
  const tab = (value: WorkspaceView, label: string, icon: ReactElement) => (
    <Tab id={`workspace-tab-${value}`} value={value} icon={icon} aria-controls={value === view ? panelId : undefined}>
      {label}
    </Tab>
  );

  return (
    <section aria-labelledby={HEADING_ID} className={styles.root}>
      {back}
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h2" id={HEADING_ID} className={styles.heading}>
            {meetingName(data)}
          </Title3>
          <span role="status">
            <span className={common.visuallyHidden}>{w.state}: </span>
            <Badge appearance="filled" color={STATE_COLOURS[data.state]} size="large">
              {t.meetings.states[data.state]}
            </Badge>
          </span>
        </div>
        <Body1 as="p" className={styles.meta}>
          <bdi>{titles.meeting(data)}</bdi>
        </Body1>
        <Caption1 as="p" className={styles.meta}>
          {formatRange(data.start, data.end, data.timeZone, intlTag)}
          {data.place && (
            <>
              {' · '}
              <bdi>{titles.place(data.place)}</bdi>
            </>
          )}
        </Caption1>
        {!can('agenda.edit') && (
          <Caption1 as="p" className={styles.readOnly}>
            {w.readOnly}
          </Caption1>
        )}
      </header>

      <TabList
        selectedValue={view}
        onTabSelect={(_, selected) => onViewChange(selected.value as WorkspaceView)}
        aria-label={w.tabsLabel}
        className={styles.tabs}
      >
        {tab('tracker', w.tabs.tracker, <ClipboardTaskListLtr20Regular />)}
        {tab('agenda', w.tabs.agenda, <TextBulletListSquare20Regular />)}
        {tab('minutes', w.tabs.minutes, <DocumentText20Regular />)}
      </TabList>

      <div role="tabpanel" id={panelId} aria-labelledby={`workspace-tab-${view}`} className={styles.panel}>
        {view === 'tracker' && <TrackerView meeting={data} onMeetingChanged={meeting.reload} />}
        {view === 'agenda' && <AgendaView meeting={data} onMeetingChanged={meeting.reload} />}
        {view === 'minutes' && <MinutesView meeting={data} onMeetingChanged={meeting.reload} />}
      </div>
    </section>
  );
}
