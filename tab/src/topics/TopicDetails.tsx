/** A drawer with everything about one topic: description, sectors, focal points, all resolutions. */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons/svg/dismiss';
import { Suspense, lazy, useCallback } from 'react';
import { getTopic, type TopicView } from '../api';
import { useSession } from '../common/ApiContext';
import { ErrorBar } from '../common/ErrorBar';
import { SectorBadge } from '../common/SectorBadge';
import { useResource } from '../common/useResource';
import { useDisplayTitles, useI18n } from '../i18n';
import { FocalPointList } from './FocalPointList';
import { useTopicDetailsStyles } from './TopicDetails.styles';
import { useTopicTitle } from './useTopicTitle';

// The history (and the records strings it reads) loads once a drawer opens, not with the register.
const TopicHistory = lazy(() => import('./TopicHistory').then((m) => ({ default: m.TopicHistory })));

/** Opens over the register; shows the row's data at once and refreshes it from the server. */
export function TopicDetails({
  topic,
  open,
  onClose,
}: {
  topic: TopicView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const styles = useTopicDetailsStyles();
  const titleOf = useTopicTitle();
  return (
    <OverlayDrawer
      open={open && topic !== null}
      position="end"
      size="medium"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label={t.topics.details.close}
              icon={<Dismiss24Regular />}
              onClick={onClose}
            />
          }
        >
          {topic ? <TopicHeading topic={topic} /> : null}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* Focusable, so the content scrolls with the arrow keys; named by the drawer's title. */}
      <DrawerBody className={styles.body} tabIndex={0} role="region" aria-label={topic ? titleOf(topic) : undefined}>
        {topic && <TopicDetailsBody key={topic.id} initial={topic} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function TopicHeading({ topic }: { topic: TopicView }) {
  const titleOf = useTopicTitle();
  return <>{titleOf(topic)}</>;
}

function TopicDetailsBody({ initial }: { initial: TopicView }) {
  const { t } = useI18n();
  const titles = useDisplayTitles();
  const { api } = useSession();
  const styles = useTopicDetailsStyles();
  const id = initial.id;
  const load = useCallback((signal: AbortSignal) => getTopic(api, id, signal), [api, id]);
  const fresh = useResource(load);
  const topic = fresh.data ?? initial;
  const d = t.topics.details;

  return (
    <div className={styles.content}>
      {fresh.error !== null && <ErrorBar title={d.loadError} error={fresh.error} onRetry={fresh.reload} />}
      {fresh.loading && <Spinner size="tiny" label={t.app.loading} labelPosition="after" className={styles.spinner} />}

      <dl className={styles.facts}>
        <div>
          <dt>{d.kind}</dt>
          <dd>{t.topics.kinds[topic.kind]}</dd>
        </div>
        <div>
          <dt>{d.status}</dt>
          <dd>
            <Badge appearance="tint" color={topic.status === 'active' ? 'success' : 'subtle'}>
              {t.topics.statuses[topic.status]}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{d.leadSector}</dt>
          <dd>{topic.leadSector ? <SectorBadge sector={topic.leadSector} lead /> : d.none}</dd>
        </div>
        <div>
          <dt>{d.since}</dt>
          <dd>{topic.sinceYear ?? d.none}</dd>
        </div>
      </dl>

      <section aria-labelledby="topic-description" className={styles.section}>
        <Subtitle2 as="h3" id="topic-description">
          {d.description}
        </Subtitle2>
        {topic.description ? (
          <Body1 as="p" className={styles.paragraph}>
            {topic.description}
          </Body1>
        ) : (
          <Caption1 as="p" className={styles.muted}>
            {d.noDescription}
          </Caption1>
        )}
      </section>

      <section aria-labelledby="topic-focal-points" className={styles.section}>
        <Subtitle2 as="h3" id="topic-focal-points">
          {d.focalPoints}
        </Subtitle2>
        <FocalPointList assignments={topic.assignments} />
      </section>

      <section aria-labelledby="topic-resolutions" className={styles.section}>
        <Subtitle2 as="h3" id="topic-resolutions">
          {d.resolutions}
        </Subtitle2>
        {topic.resolutions.length === 0 ? (
          <Caption1 as="p" className={styles.muted}>
            {t.topics.noResolutions}
          </Caption1>
        ) : (
          <ul className={styles.resolutions}>
            {topic.resolutions.map((r, i) => {
              const cited = titles.resolution(r);
              return (
                <li key={i} className={styles.resolution}>
                  <Body1 className={styles.resolutionLabel}>{cited.reference}</Body1>
                  {cited.title && <Caption1 className={styles.muted}>{cited.title}</Caption1>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <Suspense
        fallback={<Spinner size="tiny" label={t.app.loading} labelPosition="after" className={styles.spinner} />}
      >
        <TopicHistory topicId={id} />
      </Suspense>
    </div>
  );
}
