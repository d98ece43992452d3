/** The lines the chair should look at before approving (no owner, impossible date …), each with a fix. */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { EditableEntry, OpenNote } from './review';

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
});

/** A warning bar listing the open notes; `onFix` (staff, draft) opens the entry's editor. */
export function ReviewNotes({ notes, onFix }: { notes: OpenNote[]; onFix: ((entry: EditableEntry) => void) | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  const m = t.workspace.minutes;
  if (notes.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{m.review.title(notes.length)}</MessageBarTitle>
        <ul className={styles.list} aria-label={m.review.label}>
          {notes.map(({ note, entry, problems }) => (
            <li key={note.recordId} className={styles.note}>
              <span className={styles.problems}>
                {problems.map((p) => m.problems[p]).join(', ')}
                {entry ? ` (${m.review.underItem(entry.item.number)})` : ''}:
              </span>
              <q className={styles.raw}>{note.raw}</q>
              {onFix && entry && (
                <Button size="small" appearance="primary" onClick={() => onFix(entry)}>
                  {m.review.fix}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
