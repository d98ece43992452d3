/** Says that someone else changed the record being edited, what they changed, and that the user's input is kept. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useAdminText } from '../i18n/admin/admin-text';

/** A warning inside a form dialog; `labels` names the changed fields in the reader's language. */
export function ConflictBar({ fields, labels }: { fields: string[]; labels: Partial<Record<string, string>> }) {
  const a = useAdminText();
  const named = [...new Set(fields.map((field) => labels[field] ?? field))];
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{a.common.conflict.title}</MessageBarTitle>
        {named.length > 0 && `${a.common.conflict.changed(named.join(', '))} `}
        {a.common.conflict.kept}
      </MessageBarBody>
    </MessageBar>
  );
}
