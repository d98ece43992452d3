/** What a list shows while it loads or when its load failed: the error with Retry, or a spinner the first time. */
import { Spinner } from '@fluentui/react-components';
import { ErrorBar } from '../common/ErrorBar';
import { useAdminText } from '../i18n/admin/admin-text';

/** The error bar (with Retry) and the first-load spinner of a resource. */
export function LoadState({
  resource,
}: {
  resource: { data: unknown; loading: boolean; error: unknown; reload: () => void };
}) {
  const a = useAdminText();
  return (
    <>
      {resource.error !== null && (
        <ErrorBar title={a.common.loadError} error={resource.error} onRetry={resource.reload} />
      )}
      {!resource.data && resource.loading && <Spinner label={a.common.loading} />}
    </>
  );
}
