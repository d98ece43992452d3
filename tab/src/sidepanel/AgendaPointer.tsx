/** The side panel's agenda: the published items; staff move the meeting chat's "current item" with a click. */
import { Badge, Button, Caption1, MessageBar, MessageBarBody, Spinner, Title3 } from '@fluentui/react-components';
import { Pin20Regular } from '@fluentui/react-icons/svg/pin';
import { useCallback, useState } from 'react';
import { ApiError, getAgenda, setCurrentItem, type MeetingView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { usePermission } from '../common/roles';
import { useAction } from '../common/useAction';
import { useResource } from '../common/useResource';
import { useDisplayTitles, useI18n } from '../i18n';
import { meetingName } from '../meetings/meeting-display';
import { useSidePanelStyles } from './SidePanel.styles';

/** The published agenda of `meeting`, item by item, with "Set as current item" for the chair and secretariat. */
export function AgendaPointer({ meeting }: { meeting: MeetingView }) {
  const { t } = useI18n();
  const titles = useDisplayTitles();
  const { api } = useSession();
  const can = usePermission();
  const styles = useSidePanelStyles();
  const action = useAction();
  const [current, setCurrent] = useState<number | null>(null);
  const p = t.workspace.pointer;
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        return await getAgenda(api, meeting.id, signal);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'agenda.not-ready') return null;
        throw error;
      }
    },
    [api, meeting.id],
  );
  const agenda = useResource(load);
  const published = agenda.data?.status === 'published' ? agenda.data.agenda : null;

  const point = async (item: number) => {
    const result = await action.run(
      `item-${item}`,
      () => setCurrentItem(api, meeting.id, item),
      (r) => p.set(r.item),
    );
    if (result) setCurrent(result.item);
  };

  return (
    <section aria-labelledby="side-agenda" className={styles.section}>
      <Title3 as="h2" id="side-agenda" className={styles.heading}>
        {p.heading(meetingName(meeting))}
      </Title3>
      {agenda.error !== null && <ErrorBar title={p.loadError} error={agenda.error} onRetry={agenda.reload} />}
      {agenda.data === undefined && agenda.loading && <Spinner size="small" label={p.loading} />}
      {agenda.data !== undefined && !published && <Caption1 as="p">{p.notPublished}</Caption1>}
      <div role="status">
        {action.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{action.notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {action.error !== null && <ErrorBar title={p.setError} error={action.error} />}
      {published && (
        <ol className={styles.topics} aria-label={p.listLabel}>
          {published.items.map((item) => (
            <li key={item.id} className={styles.topic} aria-current={current === item.number ? 'step' : undefined}>
              <span className={styles.pointerTitle} id={`side-item-${item.number}`}>
                {`${item.number}. `}
                <bdi>{titles.item(item)}</bdi>
                {current === item.number && (
                  <>
                    {' '}
                    <Badge appearance="filled" color="brand" size="small">
                      {p.current}
                    </Badge>
                  </>
                )}
              </span>
              {can('current-item.set') && (
                <Button
                  size="small"
                  appearance={current === item.number ? 'primary' : 'secondary'}
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
          ))}
        </ol>
      )}
    </section>
  );
}
