/**
 * The side panel's agenda of one meeting: the current item with its timer (followed live), the published items with
 * their planned time and presenter, "Set as current item" for the chair and secretariat, Refresh with the time of
 * the last answer, and "Share to stage" where Teams allows it.
 */
import { Badge, Button, Caption1, MessageBar, MessageBarBody, Spinner, Title3 } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Pin20Regular } from '@fluentui/react-icons/svg/pin';
import { ShareScreenStart20Regular } from '@fluentui/react-icons/svg/share-screen-start';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getAgenda, setCurrentItem, type MeetingView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { inLocale } from '../common/format';
import { usePermission } from '../common/roles';
import { useAction } from '../common/useAction';
import { useResource } from '../common/useResource';
import type { Host } from '../host/host';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { meetingName } from '../meetings/meeting-display';
import { CurrentItem } from './CurrentItem';
import { useSidePanelStyles } from './SidePanel.styles';
import { stageSharing, stageUrl, type StageSharing } from './stage-sharing';
import { useCurrentItem } from './useCurrentItem';

/** The published agenda of `meeting` (null while there is none). */
export function usePublishedAgenda(meetingId: string) {
  const { api } = useSession();
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        return (await getAgenda(api, meetingId, signal, 'published')).agenda;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'agenda.not-ready') return null;
        throw error;
      }
    },
    [api, meetingId],
  );
  return useResource(load);
}

/** "Share to stage", once the host has said it may (null until then, and outside a Teams meeting). */
function useStageSharing(host: Host): StageSharing | null {
  const [sharing, setSharing] = useState<StageSharing | null>(null);
  useEffect(() => {
    let live = true;
    stageSharing(host).then(
      (found) => live && setSharing(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  return sharing;
}

/** The agenda of `meeting` in the side panel. */
export function MeetingAgenda({ meeting, host }: { meeting: MeetingView; host: Host }) {
  const { t, locale, intlTag } = useI18n();
  const titles = useDisplayTitles();
  const m = useMeetingText();
  const { api } = useSession();
  const can = usePermission();
  const styles = useSidePanelStyles();
  const action = useAction();
  const shareAction = useAction();
  const agenda = usePublishedAgenda(meeting.id);
  const feed = useCurrentItem(meeting.id);
  const sharing = useStageSharing(host);
  const p = t.workspace.pointer;
  // The item the reader just set, shown at once, until the next answer of the server (which then includes it).
  const [pointed, setPointed] = useState<{ item: number; version: string | null } | null>(null);
  const published = agenda.data ?? null;
  const version = feed.state?.version ?? null;
  const ownPointer = pointed !== null && pointed.version === version;
  const current = ownPointer ? pointed.item : (feed.state?.item ?? null);
  const currentSub = ownPointer ? null : (feed.state?.sub ?? null);

  const point = async (item: number) => {
    const result = await action.run(
      `item-${item}`,
      () => setCurrentItem(api, meeting.id, item),
      (r) => p.set(r.item),
    );
    if (result) {
      setPointed({ item: result.item, version });
      feed.moved();
    }
  };
  const share = () =>
    sharing &&
    void shareAction.run(
      'share',
      () => sharing.share(stageUrl(meeting.id)),
      () => m.side.shared,
    );
  const refresh = () => {
    agenda.reload();
    feed.refresh();
  };
  const refreshing = feed.refreshing || (agenda.loading && agenda.data !== undefined);
  const updated = feed.updatedAt
    ? new Intl.DateTimeFormat(intlTag, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(feed.updatedAt)
    : null;

  return (
    <section aria-labelledby="side-agenda" className={styles.section}>
      <Title3 as="h2" id="side-agenda" className={styles.heading}>
        {p.heading(meetingName(meeting))}
      </Title3>
      <div className={styles.toolbar}>
        <Button
          size="small"
          appearance="subtle"
          icon={refreshing ? <Spinner size="extra-tiny" /> : <ArrowClockwise20Regular />}
          disabledFocusable={refreshing}
          onClick={refresh}
        >
          {refreshing ? m.side.refreshing : m.side.refresh}
        </Button>
        {updated && <Caption1 className={styles.muted}>{m.side.updatedAt(updated)}</Caption1>}
        {sharing && published && (
          <Button
            size="small"
            icon={<ShareScreenStart20Regular />}
            disabledFocusable={shareAction.busy !== null}
            onClick={share}
          >
            {shareAction.busy === 'share' ? m.side.sharing : m.side.shareToStage}
          </Button>
        )}
      </div>
      {agenda.error !== null && <ErrorBar title={p.loadError} error={agenda.error} onRetry={agenda.reload} />}
      {feed.error !== null && <ErrorBar title={p.loadError} error={feed.error} onRetry={feed.refresh} />}
      {agenda.data === undefined && agenda.loading && <Spinner size="small" label={p.loading} />}
      {agenda.data === null && <Caption1 as="p">{p.notPublished}</Caption1>}
      <div role="status">
        {shareAction.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{shareAction.notice}</MessageBarBody>
          </MessageBar>
        )}
        {action.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{action.notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {shareAction.error !== null && <ErrorBar title={m.side.shareError} error={shareAction.error} />}
      {action.error !== null && <ErrorBar title={p.setError} error={action.error} />}
      {published && (
        <CurrentItem agenda={published} state={feed.state} offsetMs={feed.offsetMs} headingId="side-current" />
      )}
      {published && (
        <ol className={styles.topics} aria-label={p.listLabel}>
          {published.items.map((item) => {
            const isCurrent = current === item.number;
            const sections = item.kind === 'topic-updates' || item.kind === 'jiu' ? item.sections : [];
            return (
              <li key={item.id} className={styles.topic} aria-current={isCurrent ? 'step' : undefined}>
                <span className={styles.pointerTitle} id={`side-item-${item.number}`}>
                  {`${item.number}. `}
                  <bdi>{titles.item(item)}</bdi>
                  {isCurrent && (
                    <>
                      {' '}
                      <Badge appearance="filled" color="brand" size="small">
                        {p.current}
                      </Badge>
                    </>
                  )}
                </span>
                {(item.plannedMinutes || item.presenter) && (
                  <Caption1 className={styles.muted}>
                    {[
                      item.plannedMinutes ? m.timer.planned(item.plannedMinutes) : null,
                      item.presenter ? m.timer.presenter(item.presenter) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Caption1>
                )}
                {sections.length > 0 && (
                  <ol className={styles.subItems}>
                    {sections.map((section, i) => (
                      <li
                        key={section.topicId}
                        aria-current={isCurrent && currentSub === i + 1 ? 'step' : undefined}
                        className={isCurrent && currentSub === i + 1 ? styles.currentSub : undefined}
                      >
                        {`${item.number}.${i + 1} `}
                        <bdi>{inLocale(section.topicTitle, locale)}</bdi>
                      </li>
                    ))}
                  </ol>
                )}
                {can('current-item.set') && (
                  <Button
                    size="small"
                    appearance={isCurrent ? 'primary' : 'secondary'}
                    icon={<Pin20Regular />}
                    className={styles.pointerButton}
                    aria-describedby={`side-item-${item.number}`}
                    disabledFocusable={action.busy !== null}
                    onClick={() => void point(item.number)}
                  >
                    {p.setCurrent}
                  </Button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
