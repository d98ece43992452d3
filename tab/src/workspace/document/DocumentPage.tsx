/** A meeting document (the agenda, the minutes) as a page: its title block, then the document's own content. */
import { Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Agenda } from '../../api';
import { formatRange } from '../../common/format';
import { useDisplayTitles, useI18n } from '../../i18n';
import { useAgendaDocumentStyles } from '../agenda/AgendaDocument.styles';
import { useWorkspaceStyles } from '../workspace.styles';

/** What the title block shows of the meeting. */
export type DocumentMeeting = Pick<
  Agenda['meeting'],
  'body' | 'number' | 'title' | 'start' | 'end' | 'timeZone' | 'place'
>;

/** An article labelled by `documentLabel`, opening with the document kind, the meeting's title, time and place. */
export function DocumentPage({
  meeting,
  kind,
  documentLabel,
  children,
}: {
  meeting: DocumentMeeting;
  /** The document kind above the title ("Agenda", "Minutes"). */
  kind: string;
  /** The article's accessible name, given "body number". */
  documentLabel: (meeting: string) => string;
  children: ReactNode;
}) {
  const { intlTag } = useI18n();
  const titles = useDisplayTitles();
  const ws = useWorkspaceStyles();
  const styles = useAgendaDocumentStyles();

  return (
    <article className={ws.page} aria-label={documentLabel(`${meeting.body} ${meeting.number}`)}>
      <header className={styles.titleBlock}>
        <p className={styles.documentKind}>{kind}</p>
        <p className={styles.documentTitle}>
          <bdi>{titles.meeting(meeting)}</bdi>
        </p>
        <Caption1 as="p" className={styles.documentMeta}>
          {formatRange(meeting.start, meeting.end, meeting.timeZone, intlTag)}
          {meeting.place && (
            <>
              {' · '}
              <bdi>{titles.place(meeting.place)}</bdi>
            </>
          )}
        </Caption1>
      </header>
      {children}
    </article>
  );
}
