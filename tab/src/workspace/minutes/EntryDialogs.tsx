/**
 * Edits a minutes entry: a decision's text, an escalation's text and sector, an action's text, owner and due date;
 * or moves an entry to another agenda item.
 */
import { Body1, Combobox, Field, Input, Option, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useCallback, useState, type ReactNode } from 'react';
import { listPeople, type MinutesAction, type MinutesEdit, type MinutesFollowUp, type SectorId } from '../../api';
import { useSession } from '../../common/ApiContext';
import { useResource } from '../../common/useResource';
import { useI18n } from '../../i18n';
import { FormDialog } from '../FormDialog';

const TEXT_MAX = { decision: 4000, escalation: 4000, action: 2000 } as const;
const SECTORS: readonly SectorId[] = ['BR', 'TSB', 'BDT', 'GS'];

/** How a failed save shows inside an entry dialog. */
export interface DialogFailure {
  error?: unknown;
  errorTitle?: string;
  /** After a conflict: what someone else changed meanwhile. */
  notice?: ReactNode;
}

/**
 * The text of a decision or an escalation; an escalation also names the sector concerned (`sector` given), which
 * the review may have asked to confirm.
 */
export function TextEntryDialog({
  kind,
  entryId,
  text: initial,
  sector: initialSector,
  busy,
  failure,
  onSave,
  onClose,
}: {
  kind: 'decision' | 'escalation';
  entryId: string;
  text: string;
  /** The escalation's sector (null: not known); undefined for a decision. */
  sector?: SectorId | null;
  busy: boolean;
  failure?: DialogFailure;
  onSave: (edit: MinutesEdit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const d = t.workspace.minutes.dialog;
  const [text, setText] = useState(initial);
  const [sector, setSector] = useState<SectorId | ''>(initialSector ?? '');
  const [tried, setTried] = useState(false);
  const error = !text.trim()
    ? d.textRequired
    : text.trim().length > TEXT_MAX[kind]
      ? t.workspace.tooLong(TEXT_MAX[kind])
      : undefined;
  const save = () => {
    if (kind === 'decision') return onSave({ op: 'decision', entryId, patch: { text: text.trim() } });
    const chosen = sector || null;
    onSave({
      op: 'escalation',
      entryId,
      patch: chosen !== (initialSector ?? null) ? { text: text.trim(), sector: chosen } : { text: text.trim() },
    });
  };
  return (
    <FormDialog
      open
      title={kind === 'decision' ? d.decisionTitle : d.escalationTitle}
      submitLabel={d.save}
      busy={busy}
      {...failure}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (!error) save();
      }}
    >
      <Field label={d.text} required validationMessage={tried ? error : undefined}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" rows={4} />
      </Field>
      {kind === 'escalation' && (
        <Field label={d.sector} hint={d.sectorHint}>
          <Select value={sector} onChange={(_, data) => setSector(SECTORS.find((s) => s === data.value) ?? '')}>
            <option value="">{d.sectorUnknown}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {`${s} · ${t.sectors.names[s]}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}

/** An agenda item (or a topic's sub-item, 4.2) an entry can be filed under. */
export interface MoveTarget {
  item: number;
  sub: number | null;
  /** As printed: "4. Updates on coordination topics", "4.2 Accessibility". */
  label: string;
}

/** Files a decision, action or escalation under another agenda item, chosen from a list of the items. */
export function MoveDialog({
  entryId,
  text,
  current,
  targets,
  busy,
  failure,
  onSave,
  onClose,
}: {
  entryId: string;
  /** The entry's text, shown so the reader knows what moves. */
  text: string;
  /** Where it is filed now. */
  current: Pick<MoveTarget, 'item' | 'sub'>;
  targets: MoveTarget[];
  busy: boolean;
  failure?: DialogFailure;
  onSave: (edit: MinutesEdit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const d = t.workspace.minutes.dialog;
  const key = (target: Pick<MoveTarget, 'item' | 'sub'>) =>
    target.sub ? `${target.item}.${target.sub}` : `${target.item}`;
  const [chosen, setChosen] = useState(key(current));
  const [tried, setTried] = useState(false);
  const target = targets.find((option) => key(option) === chosen);
  const error = !target || chosen === key(current) ? d.moveSame : undefined;
  return (
    <FormDialog
      open
      title={d.moveTitle}
      submitLabel={d.move}
      busy={busy}
      {...failure}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (error || !target) return;
        onSave(
          target.sub
            ? { op: 'move', entryId, item: target.item, sub: target.sub }
            : { op: 'move', entryId, item: target.item },
        );
      }}
    >
      <Body1 as="p">
        <q>
          <bdi>{text}</bdi>
        </q>
      </Body1>
      <Field label={d.moveTo} hint={d.moveFrom(key(current))} required validationMessage={tried ? error : undefined}>
        <Select value={chosen} onChange={(_, data) => setChosen(data.value)}>
          {targets.map((option) => (
            <option key={key(option)} value={key(option)}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}

/** An action's text, its owner (someone from the register, or a name typed in) and its due date. */
export function ActionDialog({
  action,
  busy,
  failure,
  onSave,
  onClose,
}: {
  action: MinutesAction;
  busy: boolean;
  failure?: DialogFailure;
  onSave: (edit: MinutesEdit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const d = t.workspace.minutes.dialog;
  const loadPeople = useCallback((signal: AbortSignal) => listPeople(api, signal), [api]);
  const people = useResource(loadPeople).data ?? [];
  const [text, setText] = useState(action.text);
  const [ownerName, setOwnerName] = useState(action.ownerName ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(action.ownerId);
  const [due, setDue] = useState(action.due ?? '');
  const [tried, setTried] = useState(false);

  const textError = !text.trim()
    ? d.textRequired
    : text.trim().length > TEXT_MAX.action
      ? t.workspace.tooLong(TEXT_MAX.action)
      : undefined;
  const ownerError = !ownerName.trim()
    ? d.ownerRequired
    : ownerName.trim().length > 200
      ? t.workspace.tooLong(200)
      : undefined;
  const dueError = due && !/^\d{4}-\d{2}-\d{2}$/.test(due) ? d.dueInvalid : undefined;
  const matches = people.filter((p) => p.name.toLowerCase().includes(ownerName.trim().toLowerCase()));

  return (
    <FormDialog
      open
      title={d.actionTitle}
      submitLabel={d.save}
      busy={busy}
      {...failure}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (textError || ownerError || dueError) return;
        const name = ownerName.trim();
        const known = people.find((p) => p.id === ownerId && p.name === name) ?? people.find((p) => p.name === name);
        onSave({
          op: 'action',
          entryId: action.id,
          patch: { text: text.trim(), ownerName: name, ownerId: known?.id ?? null, due: due || null },
        });
      }}
    >
      <Field label={d.text} required validationMessage={tried ? textError : undefined}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" rows={3} />
      </Field>
      <Field label={d.owner} hint={d.ownerHint} required validationMessage={tried ? ownerError : undefined}>
        <Combobox
          freeform
          value={ownerName}
          selectedOptions={ownerId ? [ownerId] : []}
          onChange={(event) => {
            setOwnerName(event.target.value);
            setOwnerId(null);
          }}
          onOptionSelect={(_, data) => {
            setOwnerId(data.optionValue ?? null);
            setOwnerName(data.optionText ?? '');
          }}
        >
          {matches.map((p) => (
            <Option key={p.id} value={p.id} text={p.name}>
              {`${p.name} · ${p.sector}`}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={d.due} hint={d.dueHint} validationMessage={tried ? dueError : undefined}>
        <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
      </Field>
    </FormDialog>
  );
}

/** What the meeting did with an action carried from an earlier meeting: still open, closed, or a new due date. */
export function FollowUpDialog({
  followUp,
  busy,
  failure,
  onSave,
  onClose,
}: {
  followUp: MinutesFollowUp;
  busy: boolean;
  failure?: DialogFailure;
  onSave: (edit: MinutesEdit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const m = t.workspace.minutes;
  const d = m.dialog;
  const [outcome, setOutcome] = useState<MinutesFollowUp['outcome']>(followUp.outcome);
  const [due, setDue] = useState(followUp.newDue ?? '');
  const [tried, setTried] = useState(false);
  const dueError =
    outcome !== 'new-due'
      ? undefined
      : !due
        ? d.newDueRequired
        : !/^\d{4}-\d{2}-\d{2}$/.test(due)
          ? d.dueInvalid
          : undefined;
  return (
    <FormDialog
      open
      title={d.followUpTitle(followUp.number)}
      submitLabel={d.save}
      busy={busy}
      {...failure}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (dueError) return;
        onSave({
          op: 'follow-up',
          actionId: followUp.actionId,
          patch: outcome === 'new-due' ? { outcome, due } : { outcome },
        });
      }}
    >
      <Body1 as="p">
        <q>
          <bdi>{followUp.text}</bdi>
        </q>
      </Body1>
      <Field label={m.followUp.outcome}>
        <RadioGroup
          value={outcome}
          onChange={(_, data) =>
            setOutcome(data.value === 'closed' ? 'closed' : data.value === 'new-due' ? 'new-due' : 'open')
          }
        >
          <Radio value="open" label={m.followUp.outcomes.open} />
          <Radio value="closed" label={m.followUp.outcomes.closed} />
          <Radio value="new-due" label={m.followUp.outcomes['new-due']} />
        </RadioGroup>
      </Field>
      {outcome === 'new-due' && (
        <Field label={d.newDue} required validationMessage={tried ? dueError : undefined}>
          <Input type="date" value={due} onChange={(_, data) => setDue(data.value)} />
        </Field>
      )}
    </FormDialog>
  );
}
