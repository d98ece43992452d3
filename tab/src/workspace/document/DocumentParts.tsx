/** The pieces the Agenda and Minutes views share: header and toolbar, change buttons, messages, empty state. */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  type BadgeProps,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { Checkmark20Regular } from '@fluentui/react-icons/svg/checkmark';
import { Compose20Regular } from '@fluentui/react-icons/svg/compose';
import { useState, type ReactElement, type ReactNode } from 'react';
import { ApiError } from '../../api';
import { ErrorBar, describeError } from '../../common/ErrorBar';
import { useAction, type ActionState } from '../../common/useAction';
import type { Resource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { useWorkspaceStyles } from '../workspace.styles';

/**
 * A view's changes to its document: one at a time; a failed one reloads the document so the reader sees the latest.
 * `run` answers the new version, or (when it turns a refusal into a question for the reader) anything else.
 */
export function useDocumentChanges<V>(resource: { reload(): void }) {
  const action = useAction();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const conflict = action.error instanceof ApiError && action.error.code === 'store.conflict';

  async function change<R = V>(key: string, run: () => Promise<R>, notice: (result: R) => string | null) {
    const result = await action.run(key, run, notice);
    if (result === undefined) resource.reload();
    return result;
  }

  return { action, conflict, change, downloadError, setDownloadError };
}

/** The view's heading with the version's status and number, and its toolbar (`children`). */
export function DocumentHeader({
  headingId,
  heading,
  status,
  children,
}: {
  headingId: string;
  heading: string;
  /** The shown version's status badge and version line, once there is a version. */
  status: { label: string; color: BadgeProps['color']; version: string } | null;
  children: ReactNode;
}) {
  const ws = useWorkspaceStyles();
  return (
    <div className={ws.headerRow}>
      <div className={ws.titleGroup}>
        <Subtitle1 as="h3" id={headingId} className={ws.heading}>
          {heading}
        </Subtitle1>
        {status && (
          <>
            <Badge appearance="tint" color={status.color}>
              {status.label}
            </Badge>
            <Caption1 className={ws.muted}>{status.version}</Caption1>
          </>
        )}
      </div>
      <div className={ws.toolbar}>{children}</div>
    </div>
  );
}

/** A button that starts a change: focusable but inert while any change runs, saying `busyLabel` while its own does. */
export function ChangeButton({
  action,
  busyKey,
  icon,
  primary = false,
  label,
  busyLabel = label,
  onClick,
}: {
  action: ActionState;
  busyKey?: string;
  icon: ReactElement;
  primary?: boolean;
  label: string;
  busyLabel?: string;
  onClick: () => void;
}) {
  return (
    <Button
      appearance={primary ? 'primary' : undefined}
      icon={icon}
      disabledFocusable={action.busy !== null}
      onClick={onClick}
    >
      {busyKey !== undefined && action.busy === busyKey ? busyLabel : label}
    </Button>
  );
}

/** Compiles the document again (after a confirmation the caller shows). */
export function RecompileButton({
  action,
  label,
  onClick,
}: {
  action: ActionState;
  label: string;
  onClick: () => void;
}) {
  return <ChangeButton action={action} icon={<ArrowClockwise20Regular />} label={label} onClick={onClick} />;
}

/** Publishes or approves the draft (after a confirmation the caller shows); says `busyLabel` while `busyKey` runs. */
export function FinishButton(props: {
  action: ActionState;
  busyKey: string;
  label: string;
  busyLabel: string;
  onClick: () => void;
}) {
  return <ChangeButton {...props} primary icon={<Checkmark20Regular />} />;
}

/** A refusal the reader can act on (too early, something to confirm), shown as a warning rather than an error. */
export interface Refusal {
  title: string;
  /** What to know besides the server's message, e.g. when the meeting starts in the reader's time zone. */
  detail: string | null;
}

/** The outcome of the last change, a failed download, a failed load with Retry, and the first load's spinner. */
export function DocumentMessages({
  changes,
  document,
  text,
  errorShownElsewhere = false,
  noticeShownElsewhere = false,
  explain,
}: {
  changes: Pick<ReturnType<typeof useDocumentChanges>, 'action' | 'conflict' | 'downloadError'>;
  document: Pick<Resource<unknown>, 'data' | 'loading' | 'error' | 'reload'>;
  /** The view's messages: a conflict's title, a failed load's title, the spinner's label. */
  text: { conflict: string; loadError: string; loading: string };
  /** True while a dialog shows the failed change's error itself. */
  errorShownElsewhere?: boolean;
  /** True when the outcome of the last change shows beside what it changed. */
  noticeShownElsewhere?: boolean;
  /** Turns an expected refusal into a warning for the reader; null for a plain error. */
  explain?: (error: unknown) => Refusal | null;
}) {
  const { t } = useI18n();
  const { action, conflict, downloadError } = changes;
  const refusal = action.error !== null && explain ? explain(action.error) : null;
  return (
    <>
      <div role="status">
        {action.notice && !noticeShownElsewhere && (
          <MessageBar intent="success">
            <MessageBarBody>{action.notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {action.error !== null && !errorShownElsewhere && refusal && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{refusal.title}</MessageBarTitle>
            {describeError(action.error, t)}
            {refusal.detail && ` ${refusal.detail}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {action.error !== null && !errorShownElsewhere && !refusal && (
        <ErrorBar title={conflict ? text.conflict : t.workspace.notSaved} error={action.error} />
      )}
      {downloadError !== null && <ErrorBar title={t.workspace.downloadError} error={downloadError} />}
      {document.error !== null && <ErrorBar title={text.loadError} error={document.error} onRetry={document.reload} />}
      {document.data === undefined && document.loading && <Spinner label={text.loading} />}
    </>
  );
}

/** What shows while there is no document yet, with a Compile button for those who may compile it. */
export function EmptyDocument({
  text,
  canCompile,
  action,
  onCompile,
}: {
  /** The view's messages: the empty state's texts and the Compile button's labels. */
  text: { empty: { title: string; staff: string; reader: string }; compile: string; compiling: string };
  canCompile: boolean;
  action: ActionState;
  onCompile: () => void;
}) {
  const ws = useWorkspaceStyles();
  return (
    <div className={ws.empty}>
      <Subtitle1 as="h4" className={ws.emptyHeading}>
        {text.empty.title}
      </Subtitle1>
      <Body1 as="p" className={ws.intro}>
        {canCompile ? text.empty.staff : text.empty.reader}
      </Body1>
      {canCompile && (
        <ChangeButton
          action={action}
          busyKey="compile"
          primary
          icon={<Compose20Regular />}
          label={text.compile}
          busyLabel={text.compiling}
          onClick={onCompile}
        />
      )}
    </div>
  );
}
