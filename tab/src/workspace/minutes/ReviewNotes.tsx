/**
 * The lines the chair should look at before approving (no owner, impossible date, sector to confirm …), each with
 * a fix and "Accept as is"; and the lines accepted as they are, with who accepted them.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { formatInstant, isolate, viewerTimeZone } from '../../common/format';
import { useI18n } from '../../i18n';
import type { EditableEntry, OpenNote, ReviewState } from './review';

const useStyles = makeStyles({
  list: {
    margin: '0',
    paddingInlineStart: '0',
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  note: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  problems: { ...typographyStyles.body1Strong },
  raw: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  by: { color: tokens.colorNeutralForeground3 },
});

/** What a draft's notes offer to staff: open the entry's editor, or keep the line as it is. */
export interface NoteControls {
  busy: boolean;
  onFix(entry: EditableEntry): void;
  onAccept(note: OpenNote['note']): void;
}

/** The problems of a note, in words, and the item its line is under. */
function useNoteLabel() {
  const { t } = useI18n();
  const m = t.workspace.minutes;
  const problems = m.problems as Record<string, string>;
  return ({ entry, problems: list }: OpenNote) =>
    `${list.map((p) => problems[p] ?? p).join(', ')}${entry ? ` (${m.review.underItem(entry.item.number)})` : ''}:`;
}

/** A warning bar with the open notes (only while `open` is shown), then an info bar with the accepted ones. */
export function ReviewNotes({
  review,
  showOpen,
  controls,
}: {
  review: ReviewState;
  /** Show the open notes (a draft); accepted ones show on approved minutes too. */
  showOpen: boolean;
  controls: NoteControls | null;
}) {
  const { t, intlTag, dir } = useI18n();
  const styles = useStyles();
  const label = useNoteLabel();
  const m = t.workspace.minutes;
  const guard = (act: () => void) => () => {
    if (!controls?.busy) act();
  };
  return (
    <>
      {showOpen && review.open.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.review.title(review.open.length)}</MessageBarTitle>
            {m.review.intro}
            <ul className={styles.list} aria-label={m.review.label}>
              {review.open.map((open) => (
                <li key={open.note.recordId} className={styles.note}>
                  <span className={styles.problems}>{label(open)}</span>
                  <q className={styles.raw}>{open.note.raw}</q>
                  {controls && open.entry && (
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={guard(() => open.entry && controls.onFix(open.entry))}
                    >
                      {m.review.fix}
                    </Button>
                  )}
                  {controls && (
                    <Button size="small" onClick={guard(() => controls.onAccept(open.note))}>
                      {m.review.accept}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {review.accepted.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.review.acceptedTitle(review.accepted.length)}</MessageBarTitle>
            <ul className={styles.list} aria-label={m.review.acceptedLabel}>
              {review.accepted.map((accepted) => {
                const { acceptedBy, acceptedAt } = accepted.note;
                return (
                  <li key={accepted.note.recordId} className={styles.note}>
                    <span className={styles.problems}>{label(accepted)}</span>
                    <q className={styles.raw}>{accepted.note.raw}</q>
                    <span className={styles.by}>
                      {m.review.acceptedBy(
                        isolate(acceptedBy?.name ?? '—', dir) ?? '—',
                        acceptedAt ? formatInstant(acceptedAt, viewerTimeZone(), intlTag) : null,
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
