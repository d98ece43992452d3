/**
 * The archive under the upcoming meetings: meetings whose end has passed (newest first; cancelled ones shown as
 * cancelled), each with its published agenda and, once approved, its minutes (.docx, and read-only in the meeting's
 * workspace). The server sorts meetings into upcoming and past by one rule (`meetingIsPast`), so none shows twice.
 */
import { Badge, Body1, Button, Caption1, Link, Spinner, Subtitle1 } from '@fluentui/react-components';
import { ChevronDown20Regular } from '@fluentui/react-icons/svg/chevron-down';
import { ChevronRight20Regular } from '@fluentui/react-icons/svg/chevron-right';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, endedMeetings, getAgenda, getMinutes, type MeetingView } from '../api';
import { routeSearch, type WorkspaceView } from '../app/route';
import { useSession } from '../common/ApiContext';
import { DocumentLink } from '../common/DocumentLink';
import { ErrorBar } from '../common/ErrorBar';
import { formatRange } from '../common/format';
import { useResource } from '../common/useResource';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { useArchiveStyles } from './MeetingArchive.styles';
import { STATE_COLOURS, meetingName } from './meeting-display';

/**
 * The past meetings, behind a disclosure button; `shown` opens them, brings them into view and moves the focus to
 * their heading once they have loaded (the way back from a past meeting).
 */
export function MeetingArchive({
  shown = false,
  onOpen,
}: {
  shown?: boolean;
  onOpen?: (meetingId: string, view: WorkspaceView) => void;
}) {
  const m = useMeetingText();
  const { t } = useI18n();
  const { api } = useSession();
  const styles = useArchiveStyles();
  const [open, setOpen] = useState(shown);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback((signal: AbortSignal) => endedMeetings(api, signal), [api]);
  const meetings = useResource(load);
  const items = meetings.data;
  const loaded = items !== undefined;
  useEffect(() => {
    if (!shown || !loaded) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [shown, loaded]);

  return (
    <section aria-labelledby="archive-heading" className={styles.archive}>
      <h3 id="archive-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        <Subtitle1>{m.archive.heading}</Subtitle1>
      </h3>
      <Body1 as="p" className={styles.intro}>
        {m.archive.intro}
      </Body1>
      {meetings.error !== null && (
        <ErrorBar title={t.meetings.loadError} error={meetings.error} onRetry={meetings.reload} />
      )}
      {!items && meetings.loading && <Spinner size="small" label={t.meetings.loading} />}
      {items && items.length === 0 && <Body1 as="p">{m.archive.empty}</Body1>}
      {items && items.length > 0 && (
        <Button
          appearance="secondary"
          className={styles.toggle}
          icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
          aria-expanded={open}
          aria-controls="archive-list"
          onClick={() => setOpen(!open)}
        >
          {m.archive.show(items.length)}
        </Button>
      )}
      {items && open && (
        <ul id="archive-list" className={styles.list} aria-label={m.archive.label}>
          {items.map((meeting) => (
            <li key={meeting.id}>
              <PastMeeting meeting={meeting} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A past meeting: name, title, date, state and its documents. */
function PastMeeting({
  meeting,
  onOpen,
}: {
  meeting: MeetingView;
  onOpen?: (meetingId: string, view: WorkspaceView) => void;
}) {
  const { t, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const m = useMeetingText();
  const { api } = useSession();
  const styles = useArchiveStyles();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const name = meetingName(meeting);
  const load = useCallback(
    async (signal: AbortSignal) => {
      const absent = (error: unknown) => {
        if (error instanceof ApiError && (error.code === 'agenda.not-ready' || error.code === 'minutes.not-ready')) {
          return null;
        }
        throw error;
      };
      const [agenda, minutes] = await Promise.all([
        getAgenda(api, meeting.id, signal, 'published').catch(absent),
        getMinutes(api, meeting.id, signal).catch(absent),
      ]);
      return { agenda, minutes: minutes?.status === 'published' ? minutes : null };
    },
    [api, meeting.id],
  );
  const documents = useResource(load);
  const docs = documents.data;
  const minutesHref = routeSearch({ section: 'meeting', meetingId: meeting.id, view: 'minutes' });

  return (
    <article aria-labelledby={`past-${meeting.id}`} className={styles.meeting}>
      <h4 id={`past-${meeting.id}`} className={styles.name}>
        {name}{' '}
        <Badge appearance="tint" color={STATE_COLOURS[meeting.state]} className={styles.state}>
          {t.meetings.states[meeting.state]}
        </Badge>
      </h4>
      <Caption1 as="p" className={styles.line}>
        <bdi>{titles.meeting(meeting)}</bdi>
      </Caption1>
      <Caption1 as="p" className={styles.line}>
        {formatRange(meeting.start, meeting.end, meeting.timeZone, intlTag)}
      </Caption1>
      <div role="group" aria-label={m.archive.documents(name)} className={styles.documents}>
        {documents.error !== null && (
          <ErrorBar title={m.archive.documents(name)} error={documents.error} onRetry={documents.reload} />
        )}
        {!docs && documents.loading && <Spinner size="extra-small" label={m.archive.loadingDocuments} />}
        {docs && !docs.agenda?.file && !docs.minutes?.file && (
          <Caption1 className={styles.muted}>{m.archive.noDocuments}</Caption1>
        )}
        {docs?.agenda?.file && (
          <DocumentLink
            file={docs.agenda.file}
            webUrl={docs.agenda.fileUrl}
            label={`${m.archive.agenda} (${name})`}
            onError={setDownloadError}
          />
        )}
        {docs?.minutes?.file && (
          <DocumentLink
            file={docs.minutes.file}
            webUrl={docs.minutes.fileUrl}
            label={`${m.archive.minutes} (${name})`}
            onError={setDownloadError}
          />
        )}
        {docs?.minutes && (
          <Link
            href={minutesHref}
            onClick={(event) => {
              if (!onOpen || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onOpen(meeting.id, 'minutes');
            }}
          >
            {`${m.archive.readMinutes} (${name})`}
          </Link>
        )}
      </div>
      {downloadError !== null && <ErrorBar title={t.workspace.downloadError} error={downloadError} />}
    </article>
  );
}
