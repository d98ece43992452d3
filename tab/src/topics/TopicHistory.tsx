/**
 * A topic's life in time order, newest first: register changes, status updates by sector (with their revisions),
 * decisions, actions and escalations. Shown in the topic's drawer; its strings load with it.
 */
import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { useCallback } from 'react';
import { downloadTopicHistory, getTopicHistory, type HistoryEntry } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { formatDate, isolate } from '../common/format';
import { saveFile } from '../common/save-file';
import { useAction } from '../common/useAction';
import { useResource } from '../common/useResource';
import { useI18n } from '../i18n';
import { useAdminText, type AdminMessages } from '../i18n/admin/admin-text';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: '0',
    paddingInlineStart: '0',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  text: { margin: '0', whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The heading of an entry in the reader's language. */
function headingOf(entry: HistoryEntry, h: AdminMessages['history']): string {
  switch (entry.kind) {
    case 'register':
      return h.register(entry.action);
    case 'update':
      return h.update(entry.sector ?? '—', entry.revision);
    case 'decision':
      return h.decision;
    case 'action':
      return h.action[entry.event];
    case 'escalation':
      return entry.event === 'withdrawn' ? h.escalation.withdrawn : h.escalation[entry.event](entry.to);
  }
}

/** What an entry says. */
function textOf(entry: HistoryEntry, h: AdminMessages['history']): string {
  switch (entry.kind) {
    case 'register':
      return entry.detail;
    case 'update':
      return entry.noChange ? h.noChange : [entry.progress, entry.nextSteps].filter(Boolean).join('\n');
    case 'action':
      return entry.note ?? entry.text;
    default:
      return entry.text;
  }
}

/** The history section of the topic drawer. */
export function TopicHistory({ topicId }: { topicId: string }) {
  const { intlTag, dir, locale } = useI18n();
  const a = useAdminText();
  const h = a.history;
  const styles = useStyles();
  const { api } = useSession();
  const load = useCallback((signal: AbortSignal) => getTopicHistory(api, topicId, signal), [api, topicId]);
  const history = useResource(load);
  const entries = [...(history.data?.entries ?? [])].reverse();
  const exporting = useAction();

  return (
    <section aria-labelledby="topic-history" className={styles.section}>
      <Subtitle2 as="h3" id="topic-history">
        {h.heading}
      </Subtitle2>
      <div className={styles.toolbar}>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            icon={<ArrowDownload20Regular />}
            onClick={() =>
              void exporting
                .run(format, () => downloadTopicHistory(api, topicId, format, locale))
                .then((blob) => blob && saveFile(blob, `history-${topicId}.${format}`))
            }
          >
            {h.export(format.toUpperCase())}
          </Button>
        ))}
      </div>
      {exporting.error !== null && <ErrorBar title={a.common.downloadError} error={exporting.error} />}
      {history.error !== null && <ErrorBar title={h.loadError} error={history.error} onRetry={history.reload} />}
      {history.loading && !history.data && <Spinner size="tiny" label={a.common.loading} labelPosition="after" />}
      {history.data && entries.length === 0 && <Caption1 className={styles.muted}>{h.empty}</Caption1>}
      {entries.length > 0 && (
        <ol className={styles.list} aria-label={h.listLabel}>
          {entries.map((entry, i) => (
            <li key={i} className={styles.entry}>
              <Caption1 className={styles.muted}>
                {formatDate(entry.at.slice(0, 10), intlTag)}
                {entry.personName ? ` · ${h.by(isolate(entry.personName, dir) ?? '')}` : ''}
                {entry.kind === 'action' && entry.due ? ` · ${h.due(formatDate(entry.due, intlTag))}` : ''}
                {entry.kind === 'update' && !entry.current ? ` · ${h.replaced}` : ''}
              </Caption1>
              <span className={styles.title}>{headingOf(entry, h)}</span>
              <p className={styles.text}>
                <bdi>{textOf(entry, h)}</bdi>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
