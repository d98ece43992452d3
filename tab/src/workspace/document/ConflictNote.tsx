/** After a conflict: what someone else changed meanwhile, and that the reader's text is kept to apply again. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMeetingText } from '../../i18n/meeting/meeting-text';

/** The sentence naming the changes (null: none found, the latest version is shown), and whether text was kept. */
export function ConflictNote({ changed, kept }: { changed: string | null; kept: boolean }) {
  const e = useMeetingText().editor;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{e.conflictTitle}</MessageBarTitle>
        {changed ? e.conflictChanged(changed) : e.conflictNothing}
        {kept && ` ${e.conflictKept}`}
      </MessageBarBody>
    </MessageBar>
  );
}
