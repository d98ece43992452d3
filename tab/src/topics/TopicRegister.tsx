/** The Topic register view: heading, filters, the table (or its loading / empty / error states) and details. */
import { Body1, Button, Caption1, Spinner, Subtitle1, Title3 } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { currentHost } from '../host/current-host';
import { useI18n } from '../i18n';
import { useTopicRegisterStyles } from './TopicRegister.styles';
import { TopicTable } from './TopicTable';
import { useRegister } from './useRegister';
import { useTopicTitle } from './useTopicTitle';

// The filters (dropdowns with their popups, a search box, a switch) load once the first answer shows, so that they
// never hold up the table; the details drawer when a topic is first opened. Both keep the first paint light.
const TopicFilters = lazy(() => import('./TopicFilters').then((m) => ({ default: m.TopicFilters })));
const TopicDetails = lazy(() => import('./TopicDetails').then((m) => ({ default: m.TopicDetails })));

/**
 * The register with its filters; a row opens the topic's details. `active` when the view is shown: it then keeps
 * its filters and the open topic in the address (a link to it opens the same rows and topic).
 */
export function TopicRegister({ headingId, active = true }: { headingId: string; active?: boolean }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const styles = useTopicRegisterStyles();
  const titleOf = useTopicTitle();
  const state = useRegister(active);
  const [drawerClosed, setDrawerClosed] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const topics = state.rows;
  const answered = topics !== undefined || state.error !== null;
  const selected: TopicView | null = state.filters.topic
    ? (state.all?.find((topic) => topic.id === state.filters.topic) ?? null)
    : null;

  // Teams' "loaded successfully" once the rows are on screen (the host ignores it after the first time).
  const shown = topics !== undefined || state.error !== null;
  useEffect(() => {
    if (shown && active) currentHost().notifyShown();
  }, [shown, active]);

  const close = () => {
    setDrawerClosed(true);
    state.setTopic(null);
    const target = opener.current;
    opener.current = null;
    // After the drawer's own focus handling and exit: back to the control that opened it.
    if (target) setTimeout(() => target.isConnected && target.focus(), 0);
  };

  const exportShown = () => {
    if (!topics) return;
    void Promise.all([import('./register-csv'), import('../common/save-file')]).then(([csv, files]) =>
      files.saveFile(
        new Blob([csv.registerCsv(topics, t, locale, titleOf)], { type: 'text/csv;charset=utf-8' }),
        `${t.register.exportFile}.csv`,
      ),
    );
  };

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

      <div className={styles.statusRow}>
        <div className={styles.status} aria-live="polite">
          {topics && (
            <Caption1>{`${t.topics.count(topics.length)} · ${t.register.vacancies(state.vacancies)}`}</Caption1>
          )}
          {state.loading && topics && <Spinner size="extra-tiny" aria-label={t.topics.loading} />}
        </div>
        {topics && topics.length > 0 && (
          <Button size="small" appearance="subtle" icon={<ArrowDownload20Regular />} onClick={exportShown}>
            {t.register.export}
          </Button>
        )}
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
          sort={state.filters}
          onSort={state.sortBy}
          onOpen={(topic, from) => {
            opener.current = from;
            setDrawerClosed(false);
            state.setTopic(topic.id);
          }}
        />
      )}

      {(selected || drawerClosed) && (
        <Suspense fallback={null}>
          <TopicDetails topic={selected} open={selected !== null} onClose={close} />
        </Suspense>
      )}
    </section>
  );
}
