/**
 * "My work", a focal point's home: one sentence on what is expected of them, the next meeting with its collection
 * window, the topics they answer for (as focal point, then as alternate) with where each update stands and the
 * buttons to send, edit, say "no change" or delegate, and their open actions to close or re-date.
 */
import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  Textarea,
  Title3,
  type BadgeProps,
} from '@fluentui/react-components';
import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { updateAction, type ActionView } from '../api';
import { routeSearch } from '../app/route';
import { useSession } from '../common/ApiContext';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorBar } from '../common/ErrorBar';
import { formatDate, formatInstant, inLocale, isolate, viewerTimeZone } from '../common/format';
import { SectorBadge } from '../common/SectorBadge';
import { useAction } from '../common/useAction';
import { useFocusReturn } from '../common/useFocusReturn';
import { currentHost } from '../host/current-host';
import { useDisplayTitles, useI18n } from '../i18n';
import { useMyWorkText, type MyWorkMessages } from '../i18n/mywork/mywork-text';
import { meetingName } from '../meetings/meeting-display';
import { useTopicTitle } from '../topics/useTopicTitle';
import { delegateUpdate, sendNoChange, sendUpdate, type UpdateText } from './mywork-api';
import { countStates, mySlots, windowPhase, type MySlot, type SlotState } from './my-work-model';
import { useMyWorkStyles } from './MyWork.styles';
import { UpdateDialog } from './UpdateDialog';
import { useMyWork } from './useMyWork';

const STATE_COLOURS: Record<SlotState, NonNullable<BadgeProps['color']>> = {
  'not-asked': 'informative',
  'to-answer': 'warning',
  answered: 'success',
  late: 'danger',
};

/** The view, waiting for its catalogue (a chunk of its own) before it renders. */
export function MyWork(props: { headingId: string; onOpenRegister: () => void }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner label={t.app.loading} />}>
      <MyWorkView {...props} />
    </Suspense>
  );
}

/** What a dialog of the view is open on. */
type Open =
  | { kind: 'update'; slot: MySlot }
  | { kind: 'delegate'; slot: MySlot }
  | { kind: 'close'; action: ActionView }
  | { kind: 'redate'; action: ActionView };

function MyWorkView({ headingId, onOpenRegister }: { headingId: string; onOpenRegister: () => void }) {
  const { intlTag, dir, locale } = useI18n();
  const m = useMyWorkText();
  const { api, me } = useSession();
  const styles = useMyWorkStyles();
  const titles = useDisplayTitles();
  const titleOf = useTopicTitle();
  const personId = me?.person?.id ?? null;
  const data = useMyWork(personId);
  const change = useAction();
  const focus = useFocusReturn();
  const [open, setOpen] = useState<Open | null>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);
  const zone = viewerTimeZone();
  const meeting = data.meeting;
  // The moment the view opened: the window's phase is read against it (a reload reads it again).
  const [now] = useState(() => Date.now());
  const phase = meeting ? windowPhase(meeting, now) : 'before';

  const collator = useMemo(() => new Intl.Collator(intlTag, { sensitivity: 'base' }), [intlTag]);
  const slots = useMemo(() => {
    if (!personId || !data.topics.data) return undefined;
    const work = data.work.data;
    return mySlots(personId, data.topics.data, {
      rows: work?.tracker.rows ?? [],
      updates: work?.updates ?? [],
      phase,
      compare: (a, b) => collator.compare(titleOf(a), titleOf(b)),
    });
  }, [personId, data.topics.data, data.work.data, phase, collator, titleOf]);

  const loaded = slots !== undefined && data.meetings.data !== undefined && (!meeting || data.work.data !== undefined);
  const failed = data.topics.error !== null || data.meetings.error !== null || data.work.error !== null;
  useEffect(() => {
    if (loaded || failed) currentHost().notifyShown();
  }, [loaded, failed]);

  const counts = countStates(slots ?? []);
  // Latin-script names keep their order inside right-to-left sentences.
  const name = meeting ? (isolate(meetingName(meeting), dir) ?? '') : '';
  const closes = meeting ? formatInstant(meeting.collection.closesAt, zone, intlTag) : '';
  const topicCount = new Set((slots ?? []).map((s) => s.topic.id)).size;
  const expected =
    slots && slots.length === 0
      ? m.intro.noTopics
      : meeting
        ? m.intro.expected(topicCount, name, closes)
        : m.intro.noMeeting(topicCount);

  const openDialog = (next: Open) => {
    focus.remember();
    change.clear();
    setDialogError(null);
    setOpen(next);
  };
  const closeDialog = () => {
    setOpen(null);
    setDialogError(null);
    focus.restore();
  };

  /** Runs a change from a dialog: closes it on success, keeps it open with the reason on failure. */
  async function runInDialog<T>(key: string, work: () => Promise<T>, notice: (result: T) => string): Promise<void> {
    setDialogError(null);
    let failure: unknown = null;
    const result = await change.run(
      key,
      async () => {
        try {
          return await work();
        } catch (error) {
          failure = error;
          throw error;
        }
      },
      notice,
    );
    if (result === undefined) {
      setDialogError(failure);
      // The stored update may have changed (a stale edit): show the latest, keep the dialog's text.
      data.work.reload();
      return;
    }
    closeDialog();
  }

  const sendText = (slot: MySlot, text: UpdateText) => {
    if (!meeting) return;
    const base = { topicId: slot.topic.id, sector: slot.sector, baseRevision: slot.update?.revision ?? 0 };
    const topic = titleOf(slot.topic);
    void runInDialog(
      `update:${slot.topic.id}.${slot.sector}`,
      async () => {
        const answer = await sendUpdate(api, meeting.id, base, text, slot.update?.events ?? []);
        data.work.reload();
        return answer;
      },
      (answer) => m.notices[answer.outcome](topic),
    );
  };

  const noChange = (slot: MySlot) => {
    if (!meeting) return;
    const topic = titleOf(slot.topic);
    const base = { topicId: slot.topic.id, sector: slot.sector, baseRevision: slot.update?.revision ?? 0 };
    void change
      .run(
        `nochange:${slot.topic.id}.${slot.sector}`,
        () => sendNoChange(api, meeting.id, base),
        () => m.notices.noChange(topic),
      )
      .then(() => data.work.reload());
  };

  const delegate = (slot: MySlot) => {
    if (!meeting) return;
    const topic = titleOf(slot.topic);
    void runInDialog(
      `delegate:${slot.topic.id}.${slot.sector}`,
      async () => {
        const answer = await delegateUpdate(api, meeting.id, { topicId: slot.topic.id, sector: slot.sector });
        data.work.reload();
        return answer;
      },
      (answer) => m.notices.delegated(answer.alternate.name, topic),
    );
  };

  const changeAction = (action: ActionView, patch: { status?: 'done'; note?: string; due?: string }, notice: string) =>
    void runInDialog(
      `action:${action.id}`,
      async () => {
        const answer = await updateAction(api, action.id, action.etag, patch);
        data.actions.reload();
        return answer;
      },
      () => notice,
    );

  const failure = data.topics.error ?? data.meetings.error ?? data.work.error ?? null;

  return (
    <section aria-labelledby={headingId} className={styles.view}>
      <header className={styles.header}>
        <Title3 as="h2" id={headingId} className={styles.heading}>
          {m.heading}
        </Title3>
        {slots && data.meetings.data && (
          <Body1 as="p" className={styles.expected}>
            {expected}
          </Body1>
        )}
        <Caption1 as="p" className={styles.howTo}>
          {m.intro.howTo}
        </Caption1>
      </header>

      <div aria-live="polite">
        {change.notice && (
          <MessageBar intent="success">
            <MessageBarBody>{change.notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {change.error !== null && open === null && <ErrorBar title={m.failed} error={change.error} />}
      {failure !== null && (
        <ErrorBar
          title={m.loadError}
          error={failure}
          onRetry={() => {
            data.topics.reload();
            data.meetings.reload();
            data.work.reload();
          }}
        />
      )}
      {!loaded && failure === null && <Spinner label={m.loading} />}

      {meeting && (
        <section aria-labelledby="mywork-meeting" className={styles.panel}>
          <Subtitle1 as="h3" id="mywork-meeting" className={styles.panelHeading}>
            {`${m.meeting.heading}: ${name}`}
          </Subtitle1>
          <Caption1 as="p" className={styles.muted}>
            {`${titles.meeting(meeting)} · ${formatInstant(meeting.start, zone, intlTag)}`}
          </Caption1>
          <dl className={styles.facts}>
            <div>
              <dt>{m.meeting.opens}</dt>
              <dd>{formatInstant(meeting.collection.opensAt, zone, intlTag)}</dd>
            </div>
            <div>
              <dt>{m.meeting.closes}</dt>
              <dd>{closes}</dd>
            </div>
          </dl>
          <Body1 as="p">{m.meeting.phase[phase]}</Body1>
          <Link href={routeSearch({ section: 'meeting', meetingId: meeting.id, view: 'tracker' })}>
            {m.meeting.open}
          </Link>
        </section>
      )}

      {slots && slots.length > 0 && (
        <section aria-labelledby="mywork-topics" className={styles.panel}>
          <Subtitle1 as="h3" id="mywork-topics" className={styles.panelHeading}>
            {m.topics.heading}
          </Subtitle1>
          {meeting && (
            <Caption1 as="p" className={styles.muted}>
              {m.summary(counts['to-answer'] + counts.late + counts['not-asked'], counts.answered)}
            </Caption1>
          )}
          {(['focal', 'alternate'] as const).map((role) => {
            const group = slots.filter((s) => s.role === role);
            if (group.length === 0) return null;
            const label = role === 'focal' ? m.topics.focal : m.topics.alternate;
            return (
              <div key={role} className={styles.group}>
                <Subtitle2 as="h4" className={styles.groupHeading}>
                  {label}
                </Subtitle2>
                <Caption1 as="p" className={styles.muted}>
                  {role === 'focal' ? m.topics.focalNote : m.topics.alternateNote}
                </Caption1>
                <ul className={styles.list} aria-label={m.topics.listLabel(label)}>
                  {group.map((slot) => (
                    <SlotItem
                      key={`${slot.topic.id}.${slot.sector}`}
                      slot={slot}
                      m={m}
                      canAnswer={meeting !== null}
                      busy={change.busy}
                      onWrite={() => openDialog({ kind: 'update', slot })}
                      onNoChange={() => noChange(slot)}
                      onDelegate={() => openDialog({ kind: 'delegate', slot })}
                    />
                  ))}
                </ul>
              </div>
            );
          })}
          <Link as="button" onClick={onOpenRegister}>
            {m.openRegister}
          </Link>
        </section>
      )}

      <section aria-labelledby="mywork-actions" className={styles.panel}>
        <Subtitle1 as="h3" id="mywork-actions" className={styles.panelHeading}>
          {m.actions.heading}
        </Subtitle1>
        {data.actions.error !== null && (
          <ErrorBar title={m.loadError} error={data.actions.error} onRetry={data.actions.reload} />
        )}
        {!data.actions.data && data.actions.loading && <Spinner size="small" label={m.loading} />}
        {data.actions.data && data.actions.data.length === 0 && (
          <Body1 as="p" className={styles.muted}>
            {m.actions.empty}
          </Body1>
        )}
        {data.actions.data && data.actions.data.length > 0 && (
          <ul className={styles.list} aria-label={m.actions.listLabel}>
            {data.actions.data.map((action) => (
              <li key={action.id} className={styles.item}>
                <div className={styles.itemText}>
                  {/* Typed in any language: its own direction, whatever the page's. */}
                  <Body1 dir="auto">{action.text}</Body1>
                  <span className={styles.itemTitle}>
                    {action.topicTitle && <Caption1>{inLocale(action.topicTitle, locale)}</Caption1>}
                    {action.due ? (
                      <Badge appearance="tint" color={action.overdue ? 'danger' : 'informative'}>
                        {action.overdue
                          ? `${m.actions.overdue} · ${m.actions.due(formatDate(action.due, intlTag))}`
                          : m.actions.due(formatDate(action.due, intlTag))}
                      </Badge>
                    ) : (
                      <Caption1 className={styles.muted}>{m.actions.noDue}</Caption1>
                    )}
                    {action.meeting && (
                      <Caption1 className={styles.muted}>
                        {m.actions.from(isolate(meetingName(action.meeting), dir) ?? '')}
                      </Caption1>
                    )}
                  </span>
                </div>
                <div className={styles.buttons}>
                  <Button
                    size="small"
                    aria-label={m.actions.closeLabel(action.text)}
                    onClick={() => openDialog({ kind: 'close', action })}
                  >
                    {m.actions.close}
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={m.actions.redateLabel(action.text)}
                    onClick={() => openDialog({ kind: 'redate', action })}
                  >
                    {m.actions.redate}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {open?.kind === 'update' && (
        <UpdateDialog
          slot={open.slot}
          title={m.form.title(titleOf(open.slot.topic), open.slot.sector)}
          text={m}
          busy={change.busy !== null}
          error={dialogError}
          onSend={(text) => sendText(open.slot, text)}
          onClose={closeDialog}
        />
      )}
      {open?.kind === 'delegate' && (
        <ConfirmDialog
          open
          title={m.delegate.title}
          body={m.delegate.body(isolate(open.slot.partner?.name ?? '', dir) ?? '', titleOf(open.slot.topic))}
          confirmLabel={m.delegate.confirm}
          busy={change.busy !== null}
          busyLabel={m.delegate.busy}
          error={dialogError}
          errorTitle={m.failed}
          onConfirm={() => delegate(open.slot)}
          onCancel={closeDialog}
        />
      )}
      {(open?.kind === 'close' || open?.kind === 'redate') && (
        <ActionDialog
          action={open.action}
          kind={open.kind}
          m={m}
          busy={change.busy !== null}
          error={dialogError}
          onSave={(patch) =>
            changeAction(open.action, patch, open.kind === 'close' ? m.notices.closed : m.notices.redated)
          }
          onCancel={closeDialog}
        />
      )}
    </section>
  );
}

/** One topic × sector of mine: title, sector, state, what was sent, and the buttons that fit its state. */
function SlotItem({
  slot,
  m,
  canAnswer,
  busy,
  onWrite,
  onNoChange,
  onDelegate,
}: {
  slot: MySlot;
  m: MyWorkMessages;
  canAnswer: boolean;
  busy: string | null;
  onWrite: () => void;
  onNoChange: () => void;
  onDelegate: () => void;
}) {
  const { intlTag, dir } = useI18n();
  const styles = useMyWorkStyles();
  const titleOf = useTopicTitle();
  const title = titleOf(slot.topic);
  const update = slot.update;
  const partner = slot.partner ? (isolate(slot.partner.name, dir) ?? slot.partner.name) : null;
  const sent: ReactNode[] = [];
  if (update) {
    sent.push(m.sentAt(formatInstant(update.submittedAt, viewerTimeZone(), intlTag)));
    if (slot.answeredBy) sent.push(m.sentBy(isolate(slot.answeredBy, dir) ?? slot.answeredBy));
    if (update.late) sent.push(m.sentLate);
    if (update.noChange) sent.push(m.noChangeSent);
    if (update.escalation.flag) sent.push(m.escalated);
  }
  const key = `${slot.topic.id}.${slot.sector}`;
  return (
    <li className={styles.item}>
      <div className={styles.itemText}>
        <span className={styles.itemTitle}>
          <Body1Strong>{title}</Body1Strong>
          <SectorBadge sector={slot.sector} />
          <Badge appearance="tint" color={STATE_COLOURS[slot.state]}>
            {m.states[slot.state]}
          </Badge>
        </span>
        {sent.length > 0 && <Caption1 className={styles.muted}>{sent.join(' · ')}</Caption1>}
        {partner && (
          <Caption1 className={styles.muted}>
            {slot.role === 'focal' ? m.partner.focal(partner) : m.partner.alternate(partner)}
          </Caption1>
        )}
        {slot.handover === 'partner' && partner && <Caption1>{m.handover.partner(partner)}</Caption1>}
        {slot.handover === 'me' && <Caption1>{m.handover.me}</Caption1>}
      </div>
      {canAnswer && (
        <div className={styles.buttons}>
          <Button
            size="small"
            appearance={update ? 'secondary' : 'primary'}
            aria-label={update ? m.buttonLabels.edit(title) : m.buttonLabels.write(title)}
            onClick={onWrite}
          >
            {update ? m.buttons.edit : m.buttons.write}
          </Button>
          {!update && (
            <Button
              size="small"
              aria-label={m.buttonLabels.noChange(title)}
              disabledFocusable={busy === `nochange:${key}`}
              onClick={onNoChange}
            >
              {m.buttons.noChange}
            </Button>
          )}
          {!update && slot.role === 'focal' && slot.partner && slot.handover === null && (
            <Button size="small" appearance="subtle" aria-label={m.buttonLabels.delegate(title)} onClick={onDelegate}>
              {m.buttons.delegate}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** Closes an action with a note, or gives it a new due date (with an optional reason). */
function ActionDialog({
  action,
  kind,
  m,
  busy,
  error,
  onSave,
  onCancel,
}: {
  action: ActionView;
  kind: 'close' | 'redate';
  m: MyWorkMessages;
  busy: boolean;
  error: unknown;
  onSave: (patch: { status?: 'done'; note?: string; due?: string }) => void;
  onCancel: () => void;
}) {
  const styles = useMyWorkStyles();
  const [note, setNote] = useState('');
  const [due, setDue] = useState(action.due ?? '');
  const a = m.actions;
  const trimmed = note.trim();
  const save = () => {
    if (kind === 'close') onSave({ status: 'done', ...(trimmed ? { note: trimmed } : {}) });
    else if (due) onSave({ due, ...(trimmed ? { note: trimmed } : {}) });
  };
  return (
    <ConfirmDialog
      open
      title={kind === 'close' ? a.closeTitle : a.redateTitle}
      body={action.text}
      confirmLabel={kind === 'close' ? a.confirmClose : a.confirmRedate}
      busy={busy}
      busyLabel={a.busy}
      error={error}
      errorTitle={m.failed}
      onConfirm={save}
      onCancel={onCancel}
    >
      <div className={styles.dialogForm}>
        {kind === 'redate' && (
          <Field label={a.dueLabel} required>
            <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
          </Field>
        )}
        <Field label={kind === 'close' ? a.note : a.redateNote} hint={a.noteHint}>
          <Textarea value={note} resize="vertical" onChange={(_, data) => setNote(data.value)} />
        </Field>
      </div>
    </ConfirmDialog>
  );
}
