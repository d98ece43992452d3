/** Shows a failed load as a readable message with a Retry button. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api';
import { useI18n, type Messages } from '../i18n';

/** Turns any failure into a sentence for the reader: the server's message when it sent one. */
export function describeError(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t.errors.network;
    if (error.code === 'auth.sso-failed') return t.errors.signIn;
    return error.message || t.errors.http(error.status);
  }
  return t.errors.network;
}

/** An error MessageBar with a title, the reason and a Retry action. */
export function ErrorBar({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {describeError(error, t)}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="secondary" onClick={onRetry}>
            {t.errors.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
