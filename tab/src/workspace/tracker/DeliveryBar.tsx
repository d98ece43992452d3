/**
 * What sending prompts did, said honestly: a success bar when every prompt was queued, otherwise a warning naming
 * who could not be reached and why, with "Retry undeliverable" for the secretariat.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import type { UndeliverablePerson } from '../../api';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  list: {
    marginBlock: tokens.spacingVerticalXS,
    marginInline: '0',
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  line: { margin: '0' },
});

/** The first sentence of the bar: what the last send did (absent when the bar only reflects the tracker). */
export type DeliveryOutcome = { kind: 'opened' | 'reopened' | 'retried'; queued: number } | null;

/** The bar; renders nothing when nothing was sent and nobody is unreachable. */
export function DeliveryBar({
  outcome,
  people,
  retry,
}: {
  outcome: DeliveryOutcome;
  /** Who could not be reached, and why. */
  people: UndeliverablePerson[];
  /** The Retry button's state, or null when the reader may not retry (or nothing can be retried now). */
  retry: { busy: boolean; onRetry: () => void } | null;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const tr = t.workspace.tracker;
  const summary = outcome ? tr.sent[outcome.kind](outcome.queued) : null;
  if (people.length === 0) {
    return summary ? (
      <MessageBar intent="success">
        <MessageBarBody>{summary}</MessageBarBody>
      </MessageBar>
    ) : null;
  }

  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{tr.undeliverable.title(people.length)}</MessageBarTitle>
        {summary && <p className={styles.line}>{summary}</p>}
        <p className={styles.line}>{tr.undeliverable.hint}</p>
        <ul className={styles.list} aria-label={tr.undeliverable.listLabel}>
          {people.map((person) => (
            <li key={person.personId}>
              <bdi className={styles.name}>{person.name}</bdi>
              {': '}
              {person.reason ? <bdi>{person.reason}</bdi> : tr.unknownReason}
            </li>
          ))}
        </ul>
      </MessageBarBody>
      {retry && (
        <MessageBarActions>
          <Button
            appearance="secondary"
            icon={<ArrowClockwise20Regular />}
            disabledFocusable={retry.busy}
            onClick={() => {
              if (!retry.busy) retry.onRetry();
            }}
          >
            {retry.busy ? tr.undeliverable.retrying : tr.undeliverable.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
