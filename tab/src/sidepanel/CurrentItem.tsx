/** The current agenda item as the server holds it: its number and heading, presenter, and the timer. */
import { Caption1, Text, mergeClasses } from '@fluentui/react-components';
import type { Agenda, CurrentItemState } from '../api';
import { inLocale } from '../common/format';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMeetingText } from '../i18n/meeting/meeting-text';
import { ItemTimer } from './ItemTimer';
import { useCurrentItemStyles } from './CurrentItem.styles';

/** The item `state` names on `agenda` with its sub-item's topic, or null when it names none. */
export function currentOf(agenda: Agenda, state: CurrentItemState | null) {
  const item = state?.item ? agenda.items.find((candidate) => candidate.number === state.item) : undefined;
  if (!item || !state) return null;
  const sections = item.kind === 'topic-updates' || item.kind === 'jiu' ? item.sections : [];
  const section = state.sub ? sections[state.sub - 1] : undefined;
  return { item, section: section ?? null, label: section ? `${item.number}.${state.sub}` : `${item.number}` };
}

/** The current item, with its timer counting in server time; `large` for the meeting stage. */
export function CurrentItem({
  agenda,
  state,
  offsetMs,
  headingId,
  headingLevel = 3,
  size = 'normal',
}: {
  agenda: Agenda;
  state: CurrentItemState | null;
  offsetMs: number;
  headingId: string;
  headingLevel?: 2 | 3;
  size?: 'normal' | 'large';
}) {
  const { locale } = useI18n();
  const titles = useDisplayTitles();
  const m = useMeetingText();
  const styles = useCurrentItemStyles();
  const current = currentOf(agenda, state);
  const large = size === 'large';
  return (
    <section aria-labelledby={headingId} className={mergeClasses(styles.box, large && styles.largeBox)}>
      <Caption1
        as={headingLevel === 2 ? 'h2' : 'h3'}
        id={headingId}
        className={mergeClasses(styles.label, large && styles.largeLabel)}
      >
        {m.timer.current}
      </Caption1>
      {!current && <Text as="p">{m.timer.none}</Text>}
      {current && (
        <>
          <Text as="p" className={mergeClasses(styles.title, large && styles.largeTitle)}>
            <span className={styles.number}>{`${current.label}. `}</span>
            <bdi>{current.section ? inLocale(current.section.topicTitle, locale) : titles.item(current.item)}</bdi>
          </Text>
          {current.section && (
            <Caption1 as="p" className={styles.parent}>
              {`${current.item.number}. `}
              <bdi>{titles.item(current.item)}</bdi>
            </Caption1>
          )}
          {current.item.presenter && (
            <Text as="p" className={mergeClasses(styles.presenter, large && styles.largePresenter)}>
              <bdi>{m.timer.presenter(current.item.presenter)}</bdi>
            </Text>
          )}
          {state?.since && (
            <ItemTimer
              label={current.label}
              since={state.since}
              plannedMinutes={current.item.plannedMinutes}
              offsetMs={offsetMs}
              size={size}
            />
          )}
        </>
      )}
    </section>
  );
}
