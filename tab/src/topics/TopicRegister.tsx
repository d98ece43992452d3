/** The Topic register view: heading, filters, the table (or its loading / empty / error states) and details. */
import { Body1, Button, Caption1, Spinner, Subtitle1, Title3 } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { useI18n } from '../i18n';
import { useTopicRegisterStyles } from './TopicRegister.styles';
import { TopicTable } from './TopicTable';
import { useTopics } from './useTopics';

// The filters (a dropdown with its popup, a search box, a switch) load once the first answer shows, so that they
// never hold up the table; the details drawer when a topic is first opened. Both keep the first paint light.
const TopicFilters = lazy(() => import('./TopicFilters').then((m) => ({ default: m.TopicFilters })));
const TopicDetails = lazy(() => import('./TopicDetails').then((m) => ({ default: m.TopicDetails })));

/** The register with its filters; a row opens the topic's details. */
export function TopicRegister({ headingId }: { headingId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const styles = useTopicRegisterStyles();
  const state = useTopics();
  const [selected, setSelected] = useState<TopicView | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const topics = state.data;
  const answered = topics !== undefined || state.error !== null;

  return (
    <section aria-labelledby={headingId} className={styles.view}>
      <header className={styles.header}>
        <Title3 as="h2" id={headingId} className={styles.heading}>
          {t.topics.heading}
        </Title3>
        <Body1 as="p" className={styles.intro}>
          {t.topics.intro}
        </Body1>
      </header>

      {answered ? (
        <Suspense fallback={<div className={styles.filtersPending} />}>
          <TopicFilters state={state} canFilterMine={Boolean(me?.person)} />
        </Suspense>
      ) : (
        <div className={styles.filtersPending} />
      )}

      <div className={styles.status} aria-live="polite">
        {topics && <Caption1>{t.topics.count(topics.length)}</Caption1>}
        {state.loading && topics && <Spinner size="extra-tiny" aria-label={t.topics.loading} />}
      </div>

      {state.error !== null && <ErrorBar title={t.topics.loadError} error={state.error} onRetry={state.reload} />}

      {!topics && state.loading && <Spinner label={t.topics.loading} className={styles.loading} />}

      {topics && state.error === null && topics.length === 0 && (
        <div className={styles.empty} role="status">
          <Subtitle1 as="h3">{t.topics.empty.title}</Subtitle1>
          <Body1 as="p" className={styles.intro}>
            {t.topics.empty.body}
          </Body1>
          {state.filtered && (
            <Button appearance="primary" onClick={state.clearFilters}>
              {t.topics.empty.clear}
            </Button>
          )}
        </div>
      )}

      {topics && state.error === null && topics.length > 0 && (
        <TopicTable
          topics={topics}
          onOpen={(topic) => {
            setSelected(topic);
            setDetailsOpen(true);
          }}
        />
      )}

      {selected && (
        <Suspense fallback={null}>
          <TopicDetails topic={selected} open={detailsOpen} onClose={() => setDetailsOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}
