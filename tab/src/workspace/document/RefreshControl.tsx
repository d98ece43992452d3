/** Refresh for a document view: a button that spins while the reload runs, and the time of the last answer. */
import { Button, Caption1, Spinner } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { useMeetingText } from '../../i18n/meeting/meeting-text';
import { useWorkspaceStyles } from '../workspace.styles';

/** Reloads `resource`; says when its data last arrived. */
export function RefreshControl({ resource }: { resource: { data: unknown; loading: boolean; reload(): void } }) {
  const { intlTag } = useI18n();
  const e = useMeetingText().editor;
  const ws = useWorkspaceStyles();
  const { data, loading } = resource;
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  // When the data shown arrived: noted once it is on screen.
  useEffect(() => {
    if (data === undefined || loading) return undefined;
    const frame = requestAnimationFrame(() => setUpdatedAt(Date.now()));
    return () => cancelAnimationFrame(frame);
  }, [data, loading]);
  const refreshing = loading && data !== undefined;
  return (
    <>
      <Button
        appearance="subtle"
        icon={refreshing ? <Spinner size="extra-tiny" /> : <ArrowClockwise20Regular />}
        disabledFocusable={refreshing}
        onClick={resource.reload}
      >
        {refreshing ? e.refreshing : e.refresh}
      </Button>
      {updatedAt !== null && (
        <Caption1 className={ws.muted}>
          {e.updatedAt(
            new Intl.DateTimeFormat(intlTag, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
              updatedAt,
            ),
          )}
        </Caption1>
      )}
    </>
  );
}
